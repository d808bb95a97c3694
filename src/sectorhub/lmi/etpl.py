"""Eligible Training Provider List alignment: which programs prepare for a region's target occupations.

A program is *aligned* when its CIP code links, through the NCES CIP 2020–SOC 2018 crosswalk, to at least one of
the target occupations (SOC codes). The shares are of programs, of enrollments and of completers; the target
occupations that no program on the list links to are the gaps.

Example::

    >>> from sectorhub.lmi.api import etpl_alignment                                   # doctest: +SKIP
    >>> r = etpl_alignment([{"cip_code": "51.3801", "enrollments": 40, "completers": 30}], ["29-1141"])
    >>> r.program_share, r.unserved                                                       # doctest: +SKIP
    (1.0, [])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sectorhub.lmi.sources.cip_soc import cip_soc_links, normalize_cip, normalize_soc


@dataclass
class ProgramMatch:
    """One program with the target occupations its CIP code links to."""

    program: Mapping
    cip_code: str
    targets: list[str]

    @property
    def aligned(self) -> bool:
        """Whether it links to at least one target occupation."""
        return bool(self.targets)


@dataclass
class EtplAlignment:
    """Shares of programs, enrollments and completers aligned to the target occupations, and the gaps."""

    programs: list[ProgramMatch]
    targets: list[str]
    unserved: list[str]
    titles: dict[str, str] = field(default_factory=dict)

    def _share(self, key: str | None) -> float | None:
        total = sum(1 if key is None else int(m.program.get(key) or 0) for m in self.programs)
        if not total:
            return None
        aligned = sum(1 if key is None else int(m.program.get(key) or 0) for m in self.programs if m.aligned)
        return aligned / total

    @property
    def program_share(self) -> float | None:
        """Aligned programs / all programs."""
        return self._share(None)

    @property
    def enrollment_share(self) -> float | None:
        """Enrollments in aligned programs / all enrollments."""
        return self._share("enrollments")

    @property
    def completer_share(self) -> float | None:
        """Completers of aligned programs / all completers."""
        return self._share("completers")


def target_occupations(package: Mapping) -> list[tuple[str, str]]:
    """(SOC code, title) of a data package's target occupations: the rows of its ``supply_occupations`` section.

    ``package`` is a package as JSON (``DataPackage.to_dict()``, as the web app keeps published packages).
    """
    for section in package.get("sections") or []:
        if section.get("key") == "supply_occupations":
            return [
                (normalize_soc(r["soc_code"]), r.get("title") or "")
                for r in section.get("rows") or []
                if r.get("soc_code")
            ]
    return []


def etpl_alignment(programs: Iterable[Mapping], targets: Iterable[str], links=None) -> EtplAlignment:
    """Match programs (mappings with ``cip_code``, ``enrollments``, ``completers``) to target SOC codes.

    ``links`` is the crosswalk as a DataFrame (``cip_code``, ``soc_code``, ``soc_title``); the shared NCES file
    is read when it is not given.
    """
    links = cip_soc_links() if links is None else links
    wanted = [normalize_soc(t) for t in dict.fromkeys(targets)]
    wanted_set = set(wanted)
    soc_by_cip: dict[str, set[str]] = {}
    titles: dict[str, str] = {}
    for cip, soc, title in links[["cip_code", "soc_code", "soc_title"]].itertuples(index=False):
        if soc in wanted_set:
            soc_by_cip.setdefault(cip, set()).add(soc)
            titles[soc] = title
    matches = []
    served: set[str] = set()
    for program in programs:
        cip = normalize_cip(program["cip_code"])
        found = sorted(soc_by_cip.get(cip, set()))
        served.update(found)
        matches.append(ProgramMatch(program, cip, found))
    return EtplAlignment(matches, wanted, [s for s in wanted if s not in served], titles)
