"""Role-matrix objects for outreach: a network, a campaign, and recommendations of two conveners' partnerships.

Object rules (outreach/permissions.py): every signed-in user reads outreach; a convener moves recommendations of
partnerships they may change only, so the convener moving another convener's recommendation is refused (403)
and nothing changes; state staff run networks and campaigns.
"""

from __future__ import annotations

import datetime as dt

from sectorhub.core.roles import Role
from sectorhub.outreach.models import (
    Campaign,
    Champion,
    Engagement,
    Network,
    Recommendation,
    RecommendationKind,
)
from tests.matrix import Case
from tests.partnerships.factories import OrganizationFactory, PartnershipFactory


def cases(*, users, other_convener) -> dict[str, Case]:
    """Own: a recommendation of the convener's partnership; other: one of another convener's partnership."""
    own_p = PartnershipFactory(name="Matrix outreach own partnership")
    own_p.conveners.add(users[Role.CONVENER])
    other_p = PartnershipFactory(name="Matrix outreach other partnership")
    other_p.conveners.add(other_convener)
    network = Network.objects.create(name="Matrix network")
    kind = RecommendationKind.choices[0][0]
    made = dt.date(2026, 2, 2)
    own = Recommendation.objects.create(
        title="Own recommendation", kind=kind, partnership=own_p, addressed_to="Board", made_on=made
    )
    other = Recommendation.objects.create(
        title="Other recommendation", kind=kind, partnership=other_p, addressed_to="Board", made_on=made
    )
    campaign = Campaign.objects.create(
        name="Matrix campaign", audience="Manufacturers", channel="e-mail", starts_on=dt.date(2026, 1, 5)
    )
    org = OrganizationFactory(name="Matrix champion employer")
    champion = Champion.objects.create(
        name="Matrix champion", organization=org, consent_public=True, consent_date=made, consent_scope="name"
    )
    engagement = Engagement.objects.create(kind="meeting", held_on=made, organization=org, summary="Met.")
    # A valid move, so a refusal comes from the object rule and not from an empty form.
    move = {"status": "under_review"}
    return {
        "outreach:network_detail": Case(kwargs={"pk": network.pk}),
        "outreach:recommendation_detail": Case(kwargs={"pk": own.pk}),
        "outreach:recommendation_status": Case(
            kwargs={"pk": own.pk}, other={"pk": other.pk}, other_refuses=frozenset({"POST"}), data=move
        ),
        "outreach:campaign_detail": Case(kwargs={"pk": campaign.pk}),
        "outreach:material_add": Case(kwargs={"pk": campaign.pk}),
        "api:outreach_champion_detail": Case(kwargs={"pk": champion.pk}),
        "api:outreach_engagement_detail": Case(kwargs={"pk": engagement.pk}),
        "api:outreach_recommendation_detail": Case(kwargs={"pk": own.pk}),
    }
