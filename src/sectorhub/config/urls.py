"""The project's URLs: one include per app, the API under /api/, the admin under /admin/.

Every URL name must appear in the permission map (see core/permissions.py); tests/core/test_permission_map.py fails
otherwise. A new app adds one `path(...)` line here (docs/web.md).
"""

from django.contrib import admin
from django.urls import include, path

from sectorhub.config.api import api

urlpatterns = [
    path("", include("sectorhub.core.urls")),
    path("", include("sectorhub.partnerships.urls")),
    path("regions/", include("sectorhub.regions.urls")),
    path("assessments/", include("sectorhub.assessments.urls")),
    path("", include("sectorhub.datapackages.urls")),
    path("capacity/", include("sectorhub.capacity.urls")),
    path("outreach/", include("sectorhub.outreach.urls")),
    path("funding/", include("sectorhub.funding.urls")),
    path("performance/", include("sectorhub.performance.urls")),
    path("public/", include("sectorhub.public.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

# A timeout or an unreachable database gets a 503 page that says so; anything else an explained 500 (core.faults).
handler500 = "sectorhub.core.faults.server_error"
handler404 = "sectorhub.core.faults.not_found"  # JSON under /api/
