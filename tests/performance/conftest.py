from tests.performance.factories import world  # noqa: F401
