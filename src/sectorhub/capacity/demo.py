"""Demo data for capacity building: a year of events across the demo regions, attendance, a resource library and
TA requests in several categories and quarters. Invented, marked `is_demo`, people named "Demo ..."; idempotent."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from sectorhub.capacity import services
from sectorhub.capacity.models import ChallengeCategory, Event, TARequest
from sectorhub.partnerships.models import Partnership, Phase
from sectorhub.regions.models import Region

# (month, day, kind, format, title, capability, categories, public, regions invited (LWA names or "all"))
EVENTS = [
    (1, 14, "peer_call", "virtual", "Conveners' peer call: recruiting the first employers", "capacity", ["employer-engagement"], False, "all"),
    (2, 11, "peer_call", "virtual", "Conveners' peer call: reading your data package", "data", ["data-use"], False, "all"),
    (3, 4, "academy", "in_person", "Partnership Academy, module 1: data diagnostics", "data", ["data-use"], True, ["Franklin County", "Central Ohio", "Miami Valley"]),
    (4, 22, "training_module", "hybrid", "Convener facilitation: running an employer-led meeting", "capacity", ["convener-capacity", "employer-engagement"], True, ["Cuyahoga County", "Summit-Portage", "Mahoning Valley"]),
    (6, 10, "summit", "in_person", "Statewide Sector Partnership Summit", "outreach", ["employer-engagement", "partner-alignment"], True, "all"),
    (8, 19, "webinar", "virtual", "Braiding funds for partnership staff", "policy", ["funding-sustainability"], True, "all"),
    (10, 7, "academy", "in_person", "Partnership Academy, module 2: planning and sustainability", "capacity", ["funding-sustainability"], False, ["Maumee Valley", "West Central Ohio"]),
]  # fmt: skip
# (event index, person, organization of a demo partnership's convener, partnership, attended)
PEOPLE = [
    (0, "Demo Avery Brooks", "Demo: Columbus Healthcare Workforce Collaborative", True),
    (0, "Demo Jordan Lee", "Demo: Cuyahoga Healthcare Careers Partnership", True),
    (1, "Demo Avery Brooks", "Demo: Columbus Healthcare Workforce Collaborative", True),
    (2, "Demo Sam Ortiz", "Demo: Central Ohio Advanced Manufacturing Partnership", True),
    (2, "Demo Riley Chen", "Demo: Columbus Healthcare Workforce Collaborative", True),
    (3, "Demo Jordan Lee", "Demo: Cuyahoga Healthcare Careers Partnership", True),
    (3, "Demo Casey Park", "Demo: Summit-Portage Polymers Partnership", True),
    (3, "Demo Morgan Diaz", "Demo: Mahoning Valley Metals and Manufacturing", False),
    (4, "Demo Sam Ortiz", "Demo: Central Ohio Advanced Manufacturing Partnership", True),
    (4, "Demo Taylor Reed", "Demo: Southwest Ohio Logistics Partnership", True),
    (4, "Demo Casey Park", "Demo: Summit-Portage Polymers Partnership", True),
    (5, "Demo Riley Chen", "Demo: Columbus Healthcare Workforce Collaborative", True),
    (6, "Demo Drew Patel", "Demo: Maumee Valley Glass and Automotive Alliance", True),
]
RESOURCES = [
    ("Employer recruitment toolkit", "toolkit", "capacity", ["employer-engagement"], True, "launched"),
    (
        "First-meeting agenda template",
        "template",
        "capacity",
        ["convener-capacity"],
        True,
        "preparing-to-launch",
    ),
    (
        "Case study: a manufacturing partnership's first year",
        "case_study",
        "outreach",
        ["employer-engagement"],
        True,
        "launched",
    ),
    ("Recording: reading a regional data package", "recording", "data", ["data-use"], True, "exploring"),
    ("Internal: TA staff playbook", "toolkit", "capacity", ["convener-capacity"], False, None),
]
# (month, day, category, region (LWA), partnership or None, priority, days to resolve or None while open)
REQUESTS = [
    (1, 20, "employer-engagement", "Franklin County", "Demo: Columbus Healthcare Workforce Collaborative", "normal", 9),
    (2, 3, "data-use", "Mahoning Valley", "Demo: Mahoning Valley Metals and Manufacturing", "high", 4),
    (2, 27, "employer-engagement", "West Central Ohio", "Demo: West Central Ohio Food Processing Partnership", "normal", 15),
    (4, 9, "funding-sustainability", "Cuyahoga County", "Demo: Cuyahoga Healthcare Careers Partnership", "high", 21),
    (5, 14, "partner-alignment", "Miami Valley", None, "normal", 12),
    (5, 30, "employer-engagement", "Southern Ohio", "Demo: Southern Ohio Healthcare Partnership", "urgent", 6),
    (7, 8, "convener-capacity", "Appalachian Ohio", "Demo: Appalachian Ohio Energy and Construction Partnership", "high", 30),
    (8, 25, "data-use", "Central Ohio", None, "low", 3),
    (9, 16, "funding-sustainability", "Maumee Valley", "Demo: Maumee Valley Glass and Automotive Alliance", "normal", None),
    (10, 21, "employer-engagement", "Franklin County", "Demo: Columbus Healthcare Workforce Collaborative", "normal", None),
    (11, 4, "partner-alignment", "Southern Ohio", None, "high", None),
]  # fmt: skip

TEMPLATE_CSV = b"agenda item,minutes,lead\nWelcome and introductions,10,Convener\nWhat keeps you up at night?,40,Employers\n"


def _date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


@transaction.atomic
def extend_demo(*, password: str) -> str:
    """Add this year's demo events, attendance, resources and TA requests once; returns one line."""
    if Event.objects.filter(is_demo=True).exists():
        return "Capacity demo: already loaded."
    User = get_user_model()
    staff, convener = User.objects.get(username="staff"), User.objects.get(username="convener")
    year = timezone.localdate().year
    cats = {c.slug: c for c in ChallengeCategory.objects.all()}
    lwa = {r.name.removeprefix("Demo LWA: "): r for r in Region.objects.filter(name__startswith="Demo LWA: ")}
    partnerships = {
        p.name: p for p in Partnership.objects.filter(is_demo=True).select_related("convener", "region")
    }
    phases = {p.slug: p for p in Phase.objects.all()}
    resources = []
    for title, kind, capability, categories, public, phase in RESOURCES:
        upload = SimpleUploadedFile("first-meeting-agenda.csv", TEMPLATE_CSV) if kind == "template" else None
        resources.append(
            services.create_resource(
                user=staff,
                upload=upload,
                title=f"Demo: {title}",
                kind=kind,
                capability=capability,
                description="Demo data: an invented library item.",
                is_public=public,
                url="" if upload else "https://example.org/sectorhub-demo",
                categories=[cats[c] for c in categories],
                phases=[phases[phase]] if phase else [],
            )  # fmt: skip
        )
    events = []
    for month, day, kind, fmt, title, capability, categories, public, invited in EVENTS:
        event = services.create_event(
            user=staff, title=f"Demo: {title}", kind=kind, format=fmt, starts_on=_date(year, month, day),
            location="Online" if fmt == "virtual" else "Columbus, Ohio", capability=capability,
            description="Demo data: an invented event.", is_public=public,
            categories=[cats[c] for c in categories],
            regions_invited=list(lwa.values()) if invited == "all" else [lwa[n] for n in invited],
            materials=resources[:2] if public else [],
        )  # fmt: skip
        Event.objects.filter(pk=event.pk).update(is_demo=True)
        events.append(event)
    for index, name, partnership_name, attended in PEOPLE:
        p = partnerships[partnership_name]
        email = name.lower().replace("demo ", "").replace(" ", ".") + "@example.org"
        services.record_attendance(user=staff, event=events[index], name=name, email=email,
                                   organization=p.convener, partnership=p, attended=attended)  # fmt: skip
    for month, day, slug, region, partnership_name, priority, days in REQUESTS:
        submitted = timezone.make_aware(dt.datetime(year, month, day, 10, 0))
        ta = TARequest.objects.create(
            region=lwa[region], partnership=partnerships.get(partnership_name), category=cats[slug],
            description=f"Demo data: an invented request about {cats[slug].name.lower()}.", priority=priority,
            requested_by=convener, submitted_at=submitted, is_demo=True,
            assignee=staff if days is not None or month >= 10 else None,
            status="resolved" if days is not None else ("in_progress" if month >= 10 else "open"),
            resolved_at=submitted + dt.timedelta(days=days) if days is not None else None,
            resolution="Demo data: a call and a follow-up toolkit." if days is not None else "",
        )  # fmt: skip
        assert ta.pk
    return (
        f"Capacity demo: {len(events)} events in {year}, {len(PEOPLE)} attendances, {len(resources)} resources, "
        f"{len(REQUESTS)} TA requests."
    )
