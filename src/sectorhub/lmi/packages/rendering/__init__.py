"""Write a package in one of its formats; every format reads the same :class:`DataPackage`."""

from __future__ import annotations

FORMATS = ("html", "pdf", "xlsx", "json", "csv")


def render(pkg, fmt: str) -> bytes:
    """The package as bytes in ``fmt`` (html is a full standalone page with the charts inline as SVG)."""
    if fmt == "json":
        from sectorhub.lmi.packages.rendering.data import to_json

        return to_json(pkg).encode()
    if fmt == "csv":
        from sectorhub.lmi.packages.rendering.data import to_csv

        return to_csv(pkg).encode()
    if fmt == "html":
        from sectorhub.lmi.packages.rendering.html import document

        return document(pkg).encode()
    if fmt == "pdf":
        from sectorhub.lmi.packages.rendering.html import to_pdf

        return to_pdf(pkg)
    if fmt == "xlsx":
        from sectorhub.lmi.packages.rendering.xlsx import to_xlsx

        return to_xlsx(pkg)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {fmt!r}")
