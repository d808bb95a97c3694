"""Where each public source is published: one base URL per publisher, overridable for a mirror.

Every download address SectorHub uses is a publisher's base URL plus the path that publisher documents, so a
state that keeps a mirror (or a test that serves files on 127.0.0.1) sets one environment variable per publisher:

=========================  ==============================  ==================================================
variable                   default                         serves
=========================  ==============================  ==================================================
SECTORHUB_BLS_BASE_URL     https://data.bls.gov            QCEW by-area zips, open-data slices, title files
SECTORHUB_ONET_BASE_URL    https://www.onetcenter.org      the O*NET database text zip
SECTORHUB_NCES_BASE_URL    https://nces.ed.gov             CIP-SOC crosswalk, CIP code list, IPEDS completions
SECTORHUB_CENSUS_BASE_URL  https://www2.census.gov         the OMB county-to-CBSA delineation (list 1)
=========================  ==============================  ==================================================

``SECTORHUB_QCEW_BASE_URL`` (the older name, read by ``sectorhub lmi fetch qcew``) is still honoured for BLS.

Example::

    >>> base_url("bls", environ={})
    'https://data.bls.gov'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Publisher:
    """A publisher: its key, its name for people, its base URL and the variable that overrides it."""

    key: str
    name: str
    default: str
    env: str
    aliases: tuple[str, ...] = ()


PUBLISHERS: dict[str, Publisher] = {
    p.key: p
    for p in (
        Publisher(
            "bls",
            "U.S. Bureau of Labor Statistics",
            "https://data.bls.gov",
            "SECTORHUB_BLS_BASE_URL",
            ("SECTORHUB_QCEW_BASE_URL",),
        ),
        Publisher(
            "onet",
            "National Center for O*NET Development",
            "https://www.onetcenter.org",
            "SECTORHUB_ONET_BASE_URL",
        ),
        Publisher(
            "nces",
            "National Center for Education Statistics",
            "https://nces.ed.gov",
            "SECTORHUB_NCES_BASE_URL",
        ),
        Publisher(
            "census",
            "U.S. Census Bureau (OMB delineations)",
            "https://www2.census.gov",
            "SECTORHUB_CENSUS_BASE_URL",
        ),
    )
}


def base_url(publisher: str, environ: Mapping[str, str] | None = None) -> str:
    """The base URL of a publisher (``bls``, ``onet``, ``nces``, ``census``), from its variable or the default."""
    env = os.environ if environ is None else environ
    p = PUBLISHERS[publisher]
    for name in (p.env, *p.aliases):
        if env.get(name, "").strip():
            return env[name].strip().rstrip("/")
    return p.default
