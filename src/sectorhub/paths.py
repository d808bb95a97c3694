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


# County boundaries when the data folder has no geo/: the npm package us-atlas 3.0.1 (Census cartographic
# boundaries, 1:10,000,000), copied into static/vendor at setup by scripts/copy-vendor.mjs.
GEO_FILE = Path("geo") / "cb_2015_us_county_20m.topo.json"
US_ATLAS_COUNTIES = Path(__file__).parent / "static" / "vendor" / "us-atlas" / "counties-10m.json"


class MissingDataError(RuntimeError):
    """A public source file the command needs is not in the data folder; the message says how to get it."""

    def __init__(self, missing: list[Path], folder: Path, *, reason: str = ""):
        self.missing, self.folder = list(missing), folder
        names = ", ".join(str(p) for p in self.missing[:3])
        more = f" and {len(self.missing) - 3} more" if len(self.missing) > 3 else ""
        what = (
            f"is missing {names}{more}"
            if Path(folder).exists()
            else f"does not exist (needed: {names}{more})"
        )
        super().__init__(
            f"The public data folder {folder} {what}.\n"
            + (f"{reason}\n" if reason else "")
            + "Get it one of two ways:\n"
            "  1. with internet: run `sectorhub data fetch` (downloads every file from its publisher into that "
            "folder; see docs/data-sources.md), or\n"
            "  2. without internet: copy a SectorHub data folder from another machine there, or point "
            "SECTORHUB_DATA at one."
        )


def require_data(*relative: str | Path) -> Path:
    """The data folder, after checking that each file or folder given (relative to it) exists.

    Raises MissingDataError naming the missing ones; the CLI prints its message once and exits with status 1.

    >>> require_data("reference/qcew_area_titles.csv")  # doctest: +SKIP
    PosixPath('../shared/data')
    """
    folder = data_dir()
    missing = [Path(p) for p in relative if not (folder / p).exists()]
    if missing:
        raise MissingDataError(missing, folder)
    return folder


def county_topojson_path() -> Path:
    """The county TopoJSON: ``geo/`` of the data folder when present, else the us-atlas file installed at setup."""
    path = data_dir() / GEO_FILE
    if path.exists():
        return path
    if US_ATLAS_COUNTIES.exists():
        return US_ATLAS_COUNTIES
    raise MissingDataError([GEO_FILE], data_dir())
