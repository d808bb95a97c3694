"""Factories for self-assessments. The shipped instruments come from the data migration."""

import datetime as dt

import factory

from sectorhub.assessments.models import Answer, Cycle, InstrumentVersion, Response
from tests.core.factories import UserFactory


def state_version() -> InstrumentVersion:
    """Version 1 of the shipped state instrument."""
    return InstrumentVersion.objects.get(instrument__slug="state", number=1)


class CycleFactory(factory.django.DjangoModelFactory):
    """An open cycle on the shipped state instrument."""

    class Meta:
        model = Cycle

    name = factory.Sequence(lambda n: f"Cycle {n}")
    version = factory.LazyFunction(state_version)
    opens_on = dt.date(2026, 9, 1)


class ResponseFactory(factory.django.DjangoModelFactory):
    """A respondent (analyst role, as partner agencies are) in a cycle."""

    class Meta:
        model = Response

    cycle = factory.SubFactory(CycleFactory)
    respondent = factory.SubFactory(UserFactory)
    organization_name = factory.Sequence(lambda n: f"Agency {n}")


class AnswerFactory(factory.django.DjangoModelFactory):
    """An answer at "developing", medium importance."""

    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    level = "developing"
    importance = 2
