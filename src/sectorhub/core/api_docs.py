"""The API docs page (/api/docs): ninja's Swagger UI inside a header that links back to the site."""

from __future__ import annotations

from ninja.openapi.docs import Swagger


class SiteSwagger(Swagger):
    """Swagger UI with the SectorHub header (core/api_docs.html), so a reader can get back to the site."""

    template = "core/api_docs.html"
