"""Factories for core models."""

import factory

from sectorhub.core.models import User
from sectorhub.core.roles import Role


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a role (analyst unless given)."""

    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = Role.ANALYST
    password = factory.django.Password("correct horse battery staple")
