"""The API docs page (/api/docs): ninja's Swagger UI inside a header that links back to the site; and the
API class whose OpenAPI document declares the JSON error answers of every operation."""

from __future__ import annotations

import re

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger


class SiteSwagger(Swagger):
    """Swagger UI with the SectorHub header (core/api_docs.html), so a reader can get back to the site."""

    template = "core/api_docs.html"


ERROR = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "A message, ninja's list of validation errors, or the messages by field",
            "anyOf": [{"type": "string"}, {"type": "array"}, {"type": "object"}],
        }
    },
    "required": ["detail"],
}
ERRORS = {
    401: "Authentication required (a session with its CSRF token, or `Authorization: Bearer shk_...`)",
    403: "The role or the object rule refuses",
    404: "No such record, or not one the caller may see",
    422: "The parameters or the body are not valid",
    503: "The database does not answer, or the request ran too long; retry later",
}
READS = {"get", "head", "options"}


def document_errors(schema: dict) -> dict:
    """Add the JSON error answers each operation can give to the OpenAPI document, so clients (and the
    schemathesis test) know them: 401 where the permission map does not open the operation to anonymous
    visitors, 403 where it refuses some role or the operation writes (services apply object rules), 404 with
    path parameters, 422 with parameters or a body, 503 everywhere (core.faults). All are `{"detail": ...}`."""
    from django.urls import Resolver404, resolve

    from sectorhub.core.permissions import access_for
    from sectorhub.core.roles import Role

    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, operations in schema.get("paths", {}).items():
        try:
            match = resolve(re.sub(r"\{\w+\}", "1", path))
        except Resolver404:
            match = None
        access = access_for(f"{match.namespace}:{match.url_name}") if match else None
        for method, operation in operations.items():
            codes = {503}
            if access is None or not access.allows(Role.PUBLIC, method):
                codes.add(401)
            if method not in READS or access is None or any(not access.allows(r, method) for r in Role):
                codes.add(403)
            if "{" in path:
                codes.add(404)
            if operation.get("parameters") or operation.get("requestBody"):
                codes.add(422)
            responses = operation.setdefault("responses", {})
            for code in sorted(codes - {int(c) for c in responses}):  # ninja's keys are ints
                responses.setdefault(
                    code,
                    {
                        "description": ERRORS[code],
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return schema


class SiteAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document declares the error answers (document_errors)."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        return document_errors(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))
