"""Find a module of the same name in every installed SectorHub app: the one discovery loop apps plug in through.

Apps contribute to shared features by shipping a module of a known name (`permissions.py` for the URL map,
`demo.py` for the demo, `evidence.py` for the self-assessment's live evidence, ...). Nothing imports an app by
name, so a new app is picked up by being installed, and no app has to import one above it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import AppConfig, apps


def app_modules(module: str, *, exclude: tuple[str, ...] = ()) -> Iterator[tuple[AppConfig, ModuleType]]:
    """(app config, module) for each installed `sectorhub.*` app that has `<app>.<module>`, in app order.

    A module that exists but fails to import raises; only a missing module is skipped.

    >>> [cfg.label for cfg, _ in app_modules("permissions")]  # doctest: +SKIP
    ['core', 'regions', 'partnerships', ...]
    """
    for config in apps.get_app_configs():
        if not config.name.startswith("sectorhub.") or config.name in exclude:
            continue
        name = f"{config.name}.{module}"
        try:
            found = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        yield config, found
