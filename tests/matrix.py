"""The role matrix's plug-in hook: each app's `tests/<app>/matrix.py` builds the objects its URLs need.

`tests/test_role_matrix.py` reads every URL name from the resolver and the permission map, and every API operation
from the OpenAPI schema, so a new app's pages are covered the moment they are mapped. URLs with arguments need
objects; an app provides them in `tests/<app_label>/matrix.py`:

    def cases(*, users, other_convener) -> dict[str, Case]:
        "URL name -> the kwargs to reverse it with, and what object rules refuse."

`users` maps each role to a signed-in user of that role (`users["regional_convener"]` is "the" convener); build
"own" objects assigned to that convener and, in `other`, the same kind of object assigned to `other_convener`.
The matrix then expects, for each role and method the permission map allows:
- on `kwargs`: success (not 401/403/5xx), unless the role is in `refused` (then 403 or 404);
- for the convener on `other`: 403 or 404 for the methods in `other_refuses`;
- with `missing_ok`, 404 also counts as success (the page exists but has nothing to show in the test database).
A URL with arguments and no case fails the matrix, so no page goes untested.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class Case:
    """How to call one URL name in the matrix, and which roles its object rules refuse."""

    kwargs: dict = field(default_factory=dict)
    refused: frozenset[str] = frozenset()  # roles the object rule refuses on `kwargs` (403 or 404)
    other: dict | None = None  # the same URL on the other convener's object
    other_refuses: frozenset[str] = frozenset({"GET", "POST", "PATCH", "PUT", "DELETE"})
    data: dict | None = None  # a POST body (form fields) or JSON body for API writes; default empty
    missing_ok: bool = (
        False  # 404 counts as an allowed answer (e.g. a package page when the engine store is empty)
    )


def collect_cases(*, users, other_convener) -> dict[str, Case]:
    """Every installed SectorHub app's cases, from `tests/<label>/matrix.py` where it exists."""
    merged: dict[str, Case] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("sectorhub."):
            continue
        try:
            module = importlib.import_module(f"tests.{config.label}.matrix")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"tests.{config.label}", f"tests.{config.label}.matrix"):
                raise
            continue
        merged.update(module.cases(users=users, other_convener=other_convener))
    return merged
