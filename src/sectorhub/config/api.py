"""The JSON API (django-ninja) at /api/, with OpenAPI docs at /api/docs.

Reads are open where the page is public; writes authenticate with the session cookie and a CSRF token
(ninja's SessionAuth), and the apps' services apply the same permission rules as the web pages.
A new app adds its router with one `api.add_router(...)` line below (docs/web.md).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError

from sectorhub.assessments.api import router as assessments_router
from sectorhub.capacity.api import router as capacity_router
from sectorhub.core.api_docs import SiteAPI, SiteSwagger
from sectorhub.core.faults import RequestTimeout, fault_response
from sectorhub.datapackages.api import router as datapackages_router
from sectorhub.funding.api import router as funding_router
from sectorhub.outreach.api import router as outreach_router
from sectorhub.partnerships.api import router as partnerships_router
from sectorhub.performance.api import router as performance_router
from sectorhub.public.api import router as public_router
from sectorhub.regions.api import router as regions_router

api = SiteAPI(
    title="SectorHub API",
    version="1",
    description="The statewide registry of sector partnerships, regions and goals.",
    urls_namespace="api",
    docs=SiteSwagger(),
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    """A service refused the change: 403."""
    return api.create_response(request, {"detail": str(exc) or "Not allowed"}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    """A service rejected the data: 422 with the messages by field."""
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(DatabaseError)
@api.exception_handler(RequestTimeout)
def fault(request, exc):
    """The database does not answer, or the request ran too long: 503 JSON that says so (core.faults).

    Any other DatabaseError is a bug and goes on to handler500 (JSON 500 on /api/)."""
    answer = fault_response(request, exc)
    if answer is None:
        raise exc
    return answer


api.add_router("/regions", regions_router)
api.add_router("/assessments", assessments_router)
api.add_router("/funding", funding_router)
api.add_router("/", partnerships_router)
api.add_router("/", datapackages_router)
api.add_router("/performance", performance_router)
api.add_router("/capacity", capacity_router)
api.add_router("/outreach", outreach_router)
api.add_router("/public", public_router)
