"""Demo data for outreach: two industry networks with champions (with and without public consent), engagements,
recommendations in every status, and a campaign with its materials. Invented, marked `is_demo`; idempotent."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sectorhub.outreach import services
from sectorhub.outreach.models import Campaign, Network, Recommendation
from sectorhub.partnerships.models import Industry, Partnership

# (title, kind, addressed to, steps after proposed, decline reason)
RECOMMENDATIONS = {
    "Demo: Ohio Manufacturing Leaders Network": [
        ("Count registered apprenticeships in the state's training-provider list", "policy", "Department of Job and Family Services", ["under_review", "adopted", "implemented"], ""),
        ("Fund a shared CNC training lab in each planning region", "program", "Governor's Office of Workforce Transformation", ["under_review", "adopted"], ""),
        ("Credit for prior learning for veterans in machining programs", "policy", "Department of Higher Education", ["under_review"], ""),
        ("A statewide manufacturing-careers week in middle schools", "program", "Department of Education", [], ""),
        ("Tax credit for employers who host teacher externships", "policy", "General Assembly", ["under_review", "declined"], "Outside this year's budget; to be raised again next session."),
    ],
    "Demo: Ohio Health Care Employers Network": [
        ("Clinical-placement clearinghouse for nursing students", "program", "Board of Nursing", ["under_review", "adopted", "implemented"], ""),
        ("Stackable credentials from STNA to LPN", "policy", "Department of Higher Education", ["under_review", "adopted", "implemented"], ""),
        ("Child-care grants for night-shift health workers", "program", "Department of Children and Youth", [], ""),
    ],
}  # fmt: skip
CHAMPIONS = [
    (
        "Demo Alex Morgan",
        "Chief executive officer",
        "Demo: Ohio Manufacturing Leaders Network",
        True,
        "Our partnership cut our time to hire machinists in half.",
    ),
    (
        "Demo Jamie Foster",
        "Vice president, operations",
        "Demo: Ohio Manufacturing Leaders Network",
        False,
        "",
    ),
    (
        "Demo Robin Hayes",
        "Chief nursing officer",
        "Demo: Ohio Health Care Employers Network",
        True,
        "When hospitals speak with one voice, the colleges listen.",
    ),
]


@transaction.atomic
def extend_demo(*, password: str) -> str:
    """Add the outreach demo once; returns one line."""
    if Network.objects.filter(is_demo=True).exists():
        return "Outreach demo: already loaded."
    staff = get_user_model().objects.get(username="staff")
    year = timezone.localdate().year
    demo = list(Partnership.objects.filter(is_demo=True).select_related("convener").order_by("name"))
    mfg = [p for p in demo if "Manufactur" in p.name or "Metals" in p.name or "Polymers" in p.name]
    health = [p for p in demo if "Health" in p.name]
    networks = {}
    for name, industry, members in (
        ("Demo: Ohio Manufacturing Leaders Network", "31", mfg),
        ("Demo: Ohio Health Care Employers Network", "62", health),
    ):
        networks[name] = services.create_network(
            user=staff, name=name, industry=Industry.objects.filter(code=industry).first(), is_public=True,
            description="Demo data: an invented statewide network of business leaders.", partnerships=members,
        )  # fmt: skip
        Network.objects.filter(pk=networks[name].pk).update(is_demo=True)
    for index, (name, title, network, public, quote) in enumerate(CHAMPIONS):
        members = mfg if "Manufacturing" in network else health
        services.add_champion(
            user=staff, name=name, title=title, organization=members[index % len(members)].convener,
            network=networks[network], partnership=members[index % len(members)], quote=quote,
            email=name.lower().replace("demo ", "").replace(" ", ".") + "@example.org", consent_public=public,
            consent_date=dt.date(year, 1, 15) if public else None,
            consent_scope="Name, title, organization and quote on the state's partnership website" if public else "",
            is_demo=True,
        )  # fmt: skip
    count = 0
    for network_name, recs in RECOMMENDATIONS.items():
        for index, (title, kind, to, steps, reason) in enumerate(recs):
            rec = services.make_recommendation(
                user=staff, title=f"Demo: {title}", kind=kind, network=networks[network_name], addressed_to=to,
                made_on=dt.date(year, 1 + index, 10), owner="Demo network chair", due_on=dt.date(year, 12, 31),
                is_demo=True,
            )  # fmt: skip
            for step in steps:
                services.move_recommendation(user=staff, recommendation=rec, status=step, reason=reason)
            count += 1
    for index, p in enumerate(mfg[:3] + health[:2]):
        services.record_engagement(
            user=staff, kind=["meeting", "site_visit", "commitment"][index % 3], held_on=dt.date(year, 2 + index, 5),
            organization=p.convener, partnership=p, summary="Demo data: an invented engagement.",
        )  # fmt: skip
    campaign = services.create_campaign(
        user=staff, name="Demo: Make It In Ohio employer campaign", audience="Manufacturers with 20 to 500 workers",
        channel="E-mail, trade associations, regional events", starts_on=dt.date(year, 3, 1),
        ends_on=dt.date(year, 6, 30), description="Demo data: an invented awareness campaign.", is_demo=True,
    )  # fmt: skip
    for title, channel, reach in (("Launch e-mail", "E-mail", 4200), ("Two-minute video", "Social media", 1850),
                                  ("Summit booth", "Events", 310)):  # fmt: skip
        services.add_material(
            user=staff, campaign=campaign, title=f"Demo: {title}", channel=channel, reach=reach
        )
    assert Recommendation.objects.filter(is_demo=True).count() == count and Campaign.objects.exists()
    return f"Outreach demo: {len(networks)} networks, {len(CHAMPIONS)} champions, {count} recommendations, 1 campaign."
