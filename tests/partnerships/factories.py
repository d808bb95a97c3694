"""Factories for the partnership registry. Phases and quality criteria come from the data migration."""

import factory

from sectorhub.partnerships.models import (
    Industry,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    Partnership,
    Phase,
)
from tests.regions.factories import RegionFactory


class IndustryFactory(factory.django.DjangoModelFactory):
    """NAICS 3363 unless told otherwise (title as BLS writes it)."""

    class Meta:
        model = Industry
        django_get_or_create = ("code",)

    code = "3363"
    title = "Motor vehicle parts manufacturing"


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A workforce board unless told otherwise."""

    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = OrganizationKind.WORKFORCE_BOARD


class PartnershipFactory(factory.django.DjangoModelFactory):
    """A launched partnership in a new region, convened by a new workforce board, in NAICS 3363."""

    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partnership {n}")
    region = factory.SubFactory(RegionFactory)
    convener = factory.SubFactory(OrganizationFactory)
    phase = factory.LazyFunction(lambda: Phase.objects.get(slug="launched"))

    @factory.post_generation
    def industries(self, create, extracted, **kwargs):
        """Attach the given industries, or NAICS 3363."""
        self.industries.set(extracted if extracted is not None else [IndustryFactory()])


class MembershipFactory(factory.django.DjangoModelFactory):
    """A business member."""

    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.BUSINESS)
    role = MembershipRole.MEMBER
