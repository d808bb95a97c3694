"""Registry endpoints: partnerships (list, read, create, update, phase), organizations, phases and goals."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import SessionAuth

from sectorhub.partnerships import selectors, services
from sectorhub.partnerships.models import Industry, Organization, Partnership, Phase
from sectorhub.regions.models import Region

router = Router(tags=["partnerships"])


class SessionOrToken(SessionAuth):
    """Writes authenticate with a personal API token (Bearer) or with the session cookie plus its CSRF token."""

    def __call__(self, request):
        if getattr(request, "api_token", False):
            return request.user
        return super().__call__(request)


session = SessionOrToken(csrf=True)


class PartnershipOut(Schema):
    """A partnership as the API returns it."""

    id: int
    name: str
    region_id: int
    region: str = Field(..., alias="region.name")
    industries: list[str]
    convener_id: int
    convener: str = Field(..., alias="convener.name")
    phase: str = Field(..., alias="phase.slug")
    launch_date: dt.date | None
    is_public: bool

    @staticmethod
    def resolve_industries(obj) -> list[str]:
        """NAICS codes, from the prefetched industries."""
        return [i.code for i in obj.industries.all()]


class PartnershipIn(Schema):
    """Fields to register a partnership."""

    name: str
    region_id: int
    industries: list[str] = Field(..., min_length=1)
    convener_id: int
    phase: str = "exploring"
    launch_date: dt.date | None = None
    description: str = ""
    is_public: bool = True


class PartnershipPatch(Schema):
    """Fields to change; omitted fields stay as they are."""

    name: str | None = None
    region_id: int | None = None
    industries: list[str] | None = None
    convener_id: int | None = None
    launch_date: dt.date | None = None
    description: str | None = None
    is_public: bool | None = None


class PhaseIn(Schema):
    """A dated phase change."""

    phase: str
    changed_on: dt.date
    note: str = ""


class OrganizationOut(Schema):
    """An organization."""

    id: int
    name: str
    kind: str


class OrganizationIn(Schema):
    """Fields to add an organization."""

    name: str
    kind: str
    website: str = ""


class PhaseOut(Schema):
    """A lifecycle phase."""

    slug: str
    name: str
    order: int
    is_active: bool


class GoalOut(Schema):
    """A goal and how it stands today."""

    id: int
    name: str
    target_date: dt.date | None
    met: bool
    status: str
    progress: float
    summary: str
    lacking_regions: list[str]


def _industries(codes: list[str]) -> list[Industry]:
    """Industry rows for codes, or a 422 naming the unknown ones and BLS's "Unclassified" placeholders."""
    return services.industries_for_codes(codes)


def _detail(request, pk: int) -> Partnership:
    """The partnership if visible to the caller."""
    try:
        return selectors.partnership_detail(request.user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc


def _referenced(model, field: str, **lookup):
    """The record a body field names; a missing one is bad input (422 naming the field), not a missing page."""
    found = model.objects.filter(**lookup).first()
    if found is None:
        value = next(iter(lookup.values()))
        raise ValidationError({field: [f"No {model._meta.verbose_name} {value!r}."]})
    return found


@router.get("/partnerships", response=list[PartnershipOut], url_name="partnership_list")
@paginate(PageNumberPagination, page_size=50)
def partnership_list(request, region: int | None = None, industry: str = "", phase: str = ""):
    """Partnerships visible to the caller, filtered like the web list."""
    filters = selectors.PartnershipFilters(region=region, industry=industry, phase=phase)
    return selectors.partnership_list(request.user, filters)


@router.post("/partnerships", response={201: PartnershipOut}, auth=session, url_name="partnership_list")
def partnership_create(request, payload: PartnershipIn):
    """Register a partnership (state staff anywhere; conveners in their regions)."""
    partnership = services.create_partnership(
        user=request.user,
        name=payload.name,
        region=_referenced(Region, "region_id", pk=payload.region_id),
        industries=_industries(payload.industries),
        convener=_referenced(Organization, "convener_id", pk=payload.convener_id),
        phase=_referenced(Phase, "phase", slug=payload.phase),
        launch_date=payload.launch_date,
        description=payload.description,
        is_public=payload.is_public,
    )
    return Status(201, _detail(request, partnership.pk))


@router.get("/partnerships/{int:pk}", response=PartnershipOut, url_name="partnership_detail")
def partnership_detail(request, pk: int):
    """One partnership."""
    return _detail(request, pk)


@router.patch("/partnerships/{int:pk}", response=PartnershipOut, auth=session, url_name="partnership_detail")
def partnership_update(request, pk: int, payload: PartnershipPatch):
    """Change a partnership (state staff, or its assigned convener)."""
    partnership = _detail(request, pk)
    data = payload.dict(exclude_unset=True)
    fields = {k: v for k, v in data.items() if k in {"name", "launch_date", "description", "is_public"}}
    if "region_id" in data:
        fields["region"] = _referenced(Region, "region_id", pk=data["region_id"])
    if "convener_id" in data:
        fields["convener"] = _referenced(Organization, "convener_id", pk=data["convener_id"])
    industries = _industries(data["industries"]) if data.get("industries") is not None else None
    services.update_partnership(user=request.user, partnership=partnership, industries=industries, **fields)
    return _detail(request, pk)


@router.post(
    "/partnerships/{int:pk}/phase", response={201: PartnershipOut}, auth=session, url_name="partnership_phase"
)
def partnership_phase(request, pk: int, payload: PhaseIn):
    """Record a dated phase change."""
    partnership = _detail(request, pk)
    phase = _referenced(Phase, "phase", slug=payload.phase)
    services.change_phase(
        user=request.user,
        partnership=partnership,
        phase=phase,
        changed_on=payload.changed_on,
        note=payload.note,
    )
    return Status(201, _detail(request, pk))


@router.get("/organizations", response=list[OrganizationOut], url_name="organization_list")
@paginate(PageNumberPagination, page_size=100)
def organization_list(request, q: str = ""):
    """Organizations (signed-in users)."""
    return selectors.organizations(q=q)


@router.post("/organizations", response={201: OrganizationOut}, auth=session, url_name="organization_list")
def organization_create(request, payload: OrganizationIn):
    """Add an organization."""
    org = services.create_organization(
        user=request.user, name=payload.name, kind=payload.kind, website=payload.website
    )
    return Status(201, OrganizationOut(id=org.pk, name=org.name, kind=org.kind))


@router.get("/phases", response=list[PhaseOut], url_name="phase_list")
def phase_list(request):
    """The configured lifecycle phases in order."""
    return [
        PhaseOut(slug=p.slug, name=p.name, order=p.order, is_active=p.is_active) for p in Phase.objects.all()
    ]


@router.get("/goals", response=list[GoalOut], url_name="goal_list")
def goal_list(request):
    """The state's goals, evaluated now."""
    return [
        GoalOut(
            id=r.goal.pk,
            name=r.goal.name,
            target_date=r.goal.target_date,
            met=r.met,
            status=r.status,
            progress=r.progress,
            summary=r.summary,
            lacking_regions=[region.name for region in r.lacking_regions],
        )
        for r in selectors.goal_results(request.user)
    ]
