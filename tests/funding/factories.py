"""Factories for funding: a stream, a solicitation open now, an application. Money is Decimal."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from sectorhub.core.roles import Role
from sectorhub.funding.models import FundingSource, FundingStream, Solicitation
from tests.core.factories import UserFactory


class FundingStreamFactory(factory.django.DjangoModelFactory):
    """$100,000 of WIOA reserve for staff, training and convening, no match, available in 2026."""

    class Meta:
        model = FundingStream

    name = factory.Sequence(lambda n: f"Stream {n}")
    source = FundingSource.WIOA_RESERVE
    amount = Decimal("100000.00")
    allowed_uses = ["staff", "training", "convening"]
    match_share = Decimal("0")
    match_in_kind = False
    available_from = dt.date(2026, 1, 1)
    available_until = dt.date(2026, 12, 31)


class SolicitationFactory(factory.django.DjangoModelFactory):
    """A published solicitation, open from yesterday to ten days from now, for $50,000."""

    class Meta:
        model = Solicitation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Sector grants round {n}")
    description = "Grants to regional sector partnerships."
    amount = Decimal("50000.00")
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    is_published = True

    @factory.post_generation
    def streams(self, create, extracted, **kwargs):
        """Attach the given streams, or a new one."""
        self.streams.set(extracted if extracted is not None else [FundingStreamFactory()])


def reviewer(username: str):
    """A grant reviewer."""
    return UserFactory(role=Role.GRANT_REVIEWER, username=username, first_name=username.title())
