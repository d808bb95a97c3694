"""Factories for states, counties and regions."""

import factory

from sectorhub.regions.models import County, Region, RegionKind, State


class StateFactory(factory.django.DjangoModelFactory):
    """Ohio unless told otherwise."""

    class Meta:
        model = State
        django_get_or_create = ("fips",)

    fips = "39"
    name = "Ohio"


class CountyFactory(factory.django.DjangoModelFactory):
    """An Ohio county with a made-up FIPS code in the unused 39900s unless given."""

    class Meta:
        model = County
        django_get_or_create = ("fips",)

    fips = factory.Sequence(lambda n: f"399{n % 100:02d}")
    name = factory.Sequence(lambda n: f"County {n}")
    state = factory.SubFactory(StateFactory)


class RegionFactory(factory.django.DjangoModelFactory):
    """A local workforce area of the given counties (a new county if none given)."""

    class Meta:
        model = Region
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Region {n}")
    kind = RegionKind.LOCAL_AREA

    @factory.post_generation
    def counties(self, create, extracted, **kwargs):
        """Attach the given counties, or one new county."""
        self.counties.set(extracted if extracted is not None else [CountyFactory()])
