"""The Ohio demonstration state: counties, regions, organizations, partnerships, goals and one user per role.

Everything invented is marked `is_demo` and named "Demo ...": the local workforce areas, planning regions, custom
regions, organizations and partnerships are plausible but fictional. Counties and metropolitan areas are real
(BLS area titles; OMB 2015 delineations). Loading is idempotent: existing rows are kept, missing ones added.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from sectorhub.core.roles import Role
from sectorhub.partnerships import services
from sectorhub.partnerships.models import (
    ActionStatus,
    Goal,
    Industry,
    MeetingKind,
    MembershipRole,
    Organization,
    OrganizationKind,
    Partnership,
    Phase,
    QualityCriterion,
)
from sectorhub.paths import require_data
from sectorhub.regions.models import County, Region, RegionKind
from sectorhub.regions.reference import CBSA_CROSSWALK
from sectorhub.regions.services import load_reference_geography

OHIO = "39"

# Invented local workforce areas: together they cover Ohio's 88 counties once each.
LOCAL_AREAS = {
    "Franklin County": ["Franklin"],
    "Central Ohio": ["Delaware", "Union", "Madison", "Pickaway", "Fairfield", "Licking", "Marion", "Morrow", "Knox", "Fayette"],
    "Cuyahoga County": ["Cuyahoga"],
    "Lake Erie East": ["Lake", "Geauga", "Ashtabula"],
    "Lorain-Medina": ["Lorain", "Medina"],
    "Summit-Portage": ["Summit", "Portage"],
    "Stark-Tuscarawas": ["Stark", "Tuscarawas", "Carroll", "Harrison"],
    "Mahoning Valley": ["Mahoning", "Trumbull", "Columbiana", "Jefferson"],
    "Hamilton County": ["Hamilton"],
    "Southwest Ohio": ["Butler", "Warren", "Clermont", "Clinton", "Brown"],
    "Miami Valley": ["Montgomery", "Greene", "Preble", "Clark", "Miami", "Darke", "Champaign"],
    "West Central Ohio": ["Allen", "Auglaize", "Mercer", "Hardin", "Logan", "Shelby"],
    "Maumee Valley": ["Lucas", "Wood", "Ottawa", "Fulton"],
    "Northwest Ohio": ["Williams", "Defiance", "Paulding", "Van Wert", "Henry", "Putnam", "Hancock", "Sandusky", "Seneca", "Wyandot"],
    "North Central Ohio": ["Erie", "Huron", "Richland", "Crawford", "Ashland", "Wayne", "Holmes"],
    "Southern Ohio": ["Adams", "Highland", "Scioto", "Pike", "Ross", "Lawrence", "Jackson", "Gallia", "Vinton"],
    "Appalachian Ohio": ["Athens", "Meigs", "Hocking", "Perry", "Morgan", "Washington", "Noble", "Monroe", "Belmont", "Guernsey", "Muskingum", "Coshocton"],
}  # fmt: skip

# Invented planning regions, each a group of the local areas above.
PLANNING_REGIONS = {
    "Central Ohio": ["Franklin County", "Central Ohio"],
    "Northeast Ohio": ["Cuyahoga County", "Lake Erie East", "Lorain-Medina", "Summit-Portage", "Stark-Tuscarawas", "Mahoning Valley"],
    "Southwest Ohio": ["Hamilton County", "Southwest Ohio"],
    "West Ohio": ["Miami Valley", "West Central Ohio"],
    "Northwest Ohio": ["Maumee Valley", "Northwest Ohio", "North Central Ohio"],
    "Southeast Ohio": ["Southern Ohio", "Appalachian Ohio"],
}  # fmt: skip

CUSTOM_REGIONS = {
    "I-75 Manufacturing Corridor": ["Lucas", "Wood", "Hancock", "Allen", "Auglaize", "Shelby", "Miami", "Montgomery", "Warren", "Butler", "Hamilton"],
    "Ohio River Energy Counties": ["Jefferson", "Belmont", "Monroe", "Washington", "Meigs"],
    "New Albany Advanced Manufacturing Region": ["Franklin", "Licking", "Delaware", "Knox"],
}  # fmt: skip


@dataclass(frozen=True)
class DemoPartnership:
    """One invented partnership: where, which industry, who convenes, how far along, and its employers."""

    name: str
    region: str
    naics: tuple[str, ...]
    phase: str
    launched: dt.date | None
    business_nouns: tuple[str, ...]


MFG = ("Precision Stamping", "Drivetrain Components", "Tool and Die", "Fabrication Works", "Plastics Molding", "Robotics Integration", "Machining")  # fmt: skip
HEALTH = ("Community Hospital", "Family Clinics", "Home Health", "Rehabilitation Center", "Medical Group", "Senior Living", "Behavioral Health")  # fmt: skip
IT = ("Software Studio", "Data Systems", "Cloud Services", "Cybersecurity", "Analytics", "Network Solutions")
LOGISTICS = (
    "Freight Lines",
    "Distribution Center",
    "Cold Storage",
    "Trucking",
    "Fulfillment Services",
    "Intermodal",
)
ENERGY = (
    "Pipeline Constructors",
    "Electrical Contractors",
    "Gas Services",
    "Mechanical Contractors",
    "Excavating",
)
FOOD = ("Dairy Cooperative", "Meat Processing", "Snack Foods", "Grain Millers", "Bakery")
AERO = ("Aerostructures", "Avionics", "Defense Systems", "Composites")

PARTNERSHIPS = [
    DemoPartnership("Demo: Central Ohio Advanced Manufacturing Partnership", "Demo planning region: Central Ohio", ("3363", "3361", "3323"), "sustaining", dt.date(2019, 3, 14), MFG),
    DemoPartnership("Demo: Columbus Healthcare Workforce Collaborative", "Demo LWA: Franklin County", ("622", "621"), "industry-led-action", dt.date(2020, 9, 10), HEALTH),
    DemoPartnership("Demo: Northeast Ohio IT Sector Partnership", "Demo planning region: Northeast Ohio", ("5415", "518"), "launched", dt.date(2022, 5, 3), IT),
    DemoPartnership("Demo: Cuyahoga Healthcare Careers Partnership", "Demo LWA: Cuyahoga County", ("622", "623"), "sustaining", dt.date(2018, 11, 1), HEALTH),
    DemoPartnership("Demo: Mahoning Valley Metals and Manufacturing", "Demo LWA: Mahoning Valley", ("331", "332"), "launched", dt.date(2023, 2, 21), MFG),
    DemoPartnership("Demo: Miami Valley Aerospace and Defense Partnership", "Demo LWA: Miami Valley", ("3364", "5417"), "preparing-to-launch", None, AERO[:3]),
    DemoPartnership("Demo: Southwest Ohio Logistics Partnership", "Demo planning region: Southwest Ohio", ("493", "484"), "launched", dt.date(2021, 6, 15), LOGISTICS),
    DemoPartnership("Demo: Maumee Valley Glass and Automotive Alliance", "Demo LWA: Maumee Valley", ("3272", "3363"), "industry-led-action", dt.date(2020, 1, 22), MFG[:6]),
    DemoPartnership("Demo: Appalachian Ohio Energy and Construction Partnership", "Demo LWA: Appalachian Ohio", ("23", "211"), "exploring", None, ENERGY),
    DemoPartnership("Demo: West Central Ohio Food Processing Partnership", "Demo LWA: West Central Ohio", ("311",), "launched", dt.date(2022, 10, 5), FOOD[:4]),
    DemoPartnership("Demo: Southern Ohio Healthcare Partnership", "Demo LWA: Southern Ohio", ("62",), "exploring", None, HEALTH[:3]),
    DemoPartnership("Demo: North Central Ohio Manufacturing Council", "Demo LWA: North Central Ohio", ("3335", "3327"), "inactive", dt.date(2016, 4, 12), MFG[:5]),
    DemoPartnership("Demo: Summit-Portage Polymers Partnership", "Demo LWA: Summit-Portage", ("3261", "3252"), "launched", dt.date(2021, 3, 9), MFG),
]  # fmt: skip

# Two partnerships the public must never see: one staff keep unpublished, one deleted after it was registered
# (its change history stays). The crawler test (tests/test_public_crawler.py) checks that neither name reaches
# an anonymous visitor.
PRIVATE_PARTNERSHIP = DemoPartnership("Demo: Northwest Ohio Wind Energy Pilot (not public)", "Demo LWA: Northwest Ohio", ("2211",), "launched", dt.date(2024, 8, 19), ENERGY[:2])  # fmt: skip
DELETED_PARTNERSHIP = DemoPartnership("Demo: Lake Erie Maritime Partnership (deleted)", "Demo LWA: Lake Erie East", ("4831",), "exploring", None, ())  # fmt: skip

GOALS = [
    ("Every local workforce area has a launched partnership", "region_coverage", {"region_kind": "local_area", "min_phase": "launched"}, dt.date(2027, 6, 30)),
    ("30 active partnerships statewide", "active_count", {"target": 30}, dt.date(2027, 12, 31)),
    ("At least 5 employers in every active partnership", "employers_per_partnership", {"min_employers": 5}, dt.date(2026, 12, 31)),
]  # fmt: skip

DEMO_USERS = [
    ("admin", Role.STATE_ADMIN, "Avery", "Admin"),
    ("staff", Role.STATE_STAFF, "Sam", "Staff"),
    ("convener", Role.CONVENER, "Casey", "Convener"),
    ("reviewer", Role.GRANT_REVIEWER, "Riley", "Reviewer"),
    ("analyst", Role.ANALYST, "Alex", "Analyst"),
]


@dataclass
class DemoResult:
    """What the demo load did, and the password the demo users now have."""

    states: int
    counties: int
    regions: int
    partnerships: int
    password: str
    password_generated: bool


def load_demo(*, password: str = "") -> DemoResult:
    """Load the Ohio demo registry; demo users get `password`, or a generated one that the caller prints."""
    generated = not password
    password = password or secrets.token_urlsafe(12)
    states, counties = load_reference_geography()
    services.load_industries()
    with transaction.atomic():
        users = _users(password)
        _regions(users["convener"])
        _partnerships(users)
        _private_and_deleted(users)
        _goals()
    return DemoResult(
        states=states,
        counties=counties,
        regions=Region.objects.count(),
        partnerships=Partnership.objects.count(),
        password=password,
        password_generated=generated,
    )


def _users(password: str) -> dict:
    """One user per role; passwords are (re)set on every load so the printed one works."""
    User = get_user_model()
    users = {}
    for username, role, first, last in DEMO_USERS:
        user, _ = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        user.role = role
        user.is_superuser = user.is_staff = role == Role.STATE_ADMIN
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        users[username] = user
    return users


def _ohio_counties(names: list[str]) -> list[County]:
    """Ohio counties by short name ("Van Wert"), failing loudly on a name not in the reference file."""
    by_name = {c.name.removesuffix(" County"): c for c in County.objects.filter(state_id=OHIO)}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise ValueError(f"not Ohio counties in the reference file: {missing}")
    return [by_name[n] for n in names]


def _region(name: str, kind: str, counties: list[County], *, code="", description="", is_demo=True) -> Region:
    """Create a region once; an existing one (perhaps edited by staff since) is left alone."""
    region, created = Region.objects.get_or_create(
        name=name, defaults={"kind": kind, "code": code, "description": description, "is_demo": is_demo}
    )
    if created:
        region.counties.set(counties)
    return region


def _regions(convener) -> None:
    """Local areas, planning regions and custom regions (invented), and Ohio's metropolitan areas (OMB 2015)."""
    note = "Demo data: an invented grouping of real Ohio counties."
    for name, counties in LOCAL_AREAS.items():
        _region(f"Demo LWA: {name}", RegionKind.LOCAL_AREA, _ohio_counties(counties), description=note)
    for name, areas in PLANNING_REGIONS.items():
        counties = [c for area in areas for c in _ohio_counties(LOCAL_AREAS[area])]
        _region(f"Demo planning region: {name}", RegionKind.PLANNING_REGION, counties, description=note)
    for name, counties in CUSTOM_REGIONS.items():
        _region(f"Demo custom: {name}", RegionKind.CUSTOM, _ohio_counties(counties), description=note)
    for title, (code, fips) in _ohio_metros().items():
        counties = list(County.objects.filter(fips__in=fips))
        desc = "Metropolitan statistical area, OMB delineation of July 2015 (Ohio counties only)."
        _region(f"{title} metro", RegionKind.METRO, counties, code=code, description=desc, is_demo=False)
    for name in ("Demo LWA: Franklin County", "Demo LWA: Central Ohio", "Demo planning region: Central Ohio"):
        Region.objects.get(name=name).conveners.add(convener)


def _ohio_metros() -> dict[str, tuple[str, list[str]]]:
    """OMB metropolitan statistical areas with Ohio counties: title → (CBSA code, Ohio county FIPS)."""
    metros: dict[str, tuple[str, list[str]]] = {}
    with gzip.open(
        require_data(CBSA_CROSSWALK) / CBSA_CROSSWALK, "rt", encoding="utf-8", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            if row["fipsstatecode"].zfill(2) != OHIO or not row["metropolitanmicropolitanstatis"].startswith(
                "Metro"
            ):
                continue
            fips = OHIO + row["fipscountycode"].zfill(3)
            metros.setdefault(row["cbsatitle"], (row["cbsacode"], []))[1].append(fips)
    return metros


def _organization(name: str, kind: str, *, industry=None, county=None) -> Organization:
    """An invented organization, created once."""
    org, _ = Organization.objects.get_or_create(
        name=name, defaults={"kind": kind, "industry": industry, "county": county, "is_demo": True}
    )
    return org


def _private_and_deleted(users: dict) -> None:
    """The unpublished partnership (launched, two employers) and the deleted one, each added once."""
    if not Partnership.objects.filter(name=PRIVATE_PARTNERSHIP.name).exists():
        _partnerships(users, specs=[PRIVATE_PARTNERSHIP], is_public=False)
    if not Partnership.history.filter(name=DELETED_PARTNERSHIP.name).exists():
        _partnerships(users, specs=[DELETED_PARTNERSHIP])
        Partnership.objects.get(name=DELETED_PARTNERSHIP.name).delete()


def _partnerships(users: dict, specs=PARTNERSHIPS, is_public: bool = True) -> None:
    """The invented partnerships with members, phase history, quality ratings, meetings and action items."""
    staff = users["staff"]
    criteria = list(QualityCriterion.objects.filter(is_active=True))
    for index, spec in enumerate(specs):
        if Partnership.objects.filter(name=spec.name).exists():
            continue
        region = Region.objects.get(name=spec.region)
        counties = list(region.counties.order_by("name"))
        area = spec.region.split(": ", 1)[1]
        board = _organization(
            f"Demo: {area} Workforce Board", OrganizationKind.WORKFORCE_BOARD, county=counties[0]
        )
        college = _organization(
            f"Demo: {area} Technical College", OrganizationKind.EDUCATION, county=counties[0]
        )
        econ = _organization(f"Demo: {area} Economic Partnership", OrganizationKind.ECONOMIC_DEVELOPMENT)
        industries = list(Industry.objects.filter(code__in=spec.naics))
        phase = Phase.objects.get(slug=spec.phase)
        partnership = services.create_partnership(
            user=staff,
            name=spec.name,
            region=region,
            industries=industries,
            convener=board if index % 3 else econ,
            phase=Phase.objects.get(slug="exploring"),
            phase_date=(spec.launched or dt.date(2025, 9, 1)) - dt.timedelta(days=180),
            description="Demo data: an invented partnership for the demonstration.",
            is_demo=True,
            is_public=is_public,
        )
        if spec.phase != "exploring":
            services.update_partnership(user=staff, partnership=partnership, launch_date=spec.launched)
            services.change_phase(
                user=staff,
                partnership=partnership,
                phase=phase,
                changed_on=spec.launched or dt.date(2026, 3, 2),
            )
        for j, noun in enumerate(spec.business_nouns):
            county = counties[j % len(counties)]
            business = _organization(
                f"Demo: {county.name.removesuffix(' County')} {noun}",
                OrganizationKind.BUSINESS,
                industry=industries[0],
                county=county,
            )
            role = (
                MembershipRole.INDUSTRY_CHAMPION
                if j == 0
                else MembershipRole.CO_CHAIR
                if j == 1
                else MembershipRole.MEMBER
            )
            services.add_member(
                user=staff, partnership=partnership, organization=business, role=role, joined_on=spec.launched
            )
        for partner in (board, college, econ):
            services.add_member(
                user=staff, partnership=partnership, organization=partner, role=MembershipRole.PUBLIC_PARTNER
            )
        rated_on = (spec.launched or dt.date(2026, 1, 15)) + dt.timedelta(days=90)
        for k, criterion in enumerate(criteria):
            services.rate_quality(
                user=staff,
                partnership=partnership,
                criterion=criterion,
                rating=1 + (index + k) % 4,
                evidence="Demo data: convener's self-assessment reviewed by state staff.",
                rated_on=rated_on,
            )
        if spec.launched:
            services.log_meeting(
                user=staff,
                partnership=partnership,
                held_on=spec.launched,
                kind=MeetingKind.MEETING,
                title="Launch meeting",
                employers_present=len(spec.business_nouns),
                attendees=len(spec.business_nouns) * 2 + 4,
            )
            services.add_action_item(
                user=staff,
                partnership=partnership,
                priority_title="Grow the talent pipeline",
                title="Map entry-level roles to training programs",
                owner_name="Employer co-chair",
                status=ActionStatus.IN_PROGRESS,
                due_on=dt.date(2027, 3, 31),
            )
        if spec.region.startswith(("Demo LWA: Franklin", "Demo planning region: Central")):
            partnership.conveners.add(users["convener"])


def _goals() -> None:
    """The three example statewide goals from the issue."""
    for order, (name, evaluator, parameters, target_date) in enumerate(GOALS, start=1):
        Goal.objects.get_or_create(
            name=name,
            defaults={
                "evaluator": evaluator,
                "parameters": parameters,
                "target_date": target_date,
                "order": order,
            },
        )
