"""The note on where the national shares behind a set of LQs came from, said once for many cells.

Beside :mod:`sectorhub.lmi.measures` (which re-exports it) but without Ibis, so the region command can say it
without loading the measures.
"""

from __future__ import annotations

import re


def reference_note(references) -> str:
    """One note for the national references of many cells: each kind said once, counts given as a range.

    >>> reference_note(["estimated from the published LQs of 49 statewide files",
    ...                 "estimated from the published LQs of 12 statewide files", "U.S. file (US000)"])
    'U.S. file (US000); estimated from the published LQs of 12 to 49 statewide files'
    """
    kinds: dict[str, set[int]] = {}
    for ref in {r for r in references if isinstance(r, str) and r}:
        found = re.search(r"\b\d+\b", ref)
        template = ref if not found else ref[: found.start()] + "{}" + ref[found.end() :]
        kinds.setdefault(template, set())
        if found:
            kinds[template].add(int(found.group()))
    notes = []
    for template, counts in sorted(kinds.items(), key=lambda kv: ("{}" in kv[0], kv[0])):
        if not counts:
            notes.append(template)
        else:
            lo, hi = min(counts), max(counts)
            notes.append(template.format(str(lo) if lo == hi else f"{lo} to {hi}"))
    return "; ".join(notes)
