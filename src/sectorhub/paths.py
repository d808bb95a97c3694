"""Where SectorHub finds the shared public data and keeps its own files.

Both locations come from environment variables so that tests, the demo and a state's deployment can point
elsewhere; this module never imports Django so that the engine can use it.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The folder of public source files (``SECTORHUB_DATA``; default ``../shared/data`` beside the checkout)."""
    env = os.environ.get("SECTORHUB_DATA")
    if env:
        return Path(env).expanduser().resolve()
    here = Path.cwd()
    for base in (here, *here.parents):
        candidate = base.parent / "shared" / "data"
        if (base / "pyproject.toml").exists() and candidate.is_dir():
            return candidate.resolve()
    return (here.parent / "shared" / "data").resolve()


def home_dir() -> Path:
    """The folder where SectorHub keeps its store and other state (``SECTORHUB_HOME``; default ``./var``)."""
    path = Path(os.environ.get("SECTORHUB_HOME", "var")).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path
