"""Public-site pages: no sign-in, every record through a public selector, no change history on any page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from sectorhub.capacity.selectors import public as public_capacity
from sectorhub.datapackages.selectors import published_packages
from sectorhub.partnerships.models import Partnership
from sectorhub.partnerships.permissions import can_change_partnership
from sectorhub.public import forms, selectors, services


def _client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "")


def home(request):
    """The public home: what partnerships are, and every public page of every app."""
    context = {"links": selectors.app_links(), "count": selectors.directory().count()}
    return render(request, "public/home.html", context)


def directory(request):
    """Published partnerships with industry, region, convener and (when published) their profile."""
    region = request.GET.get("region", "")
    q = request.GET.get("q", "").strip()[:100]
    rows = list(selectors.directory(region=int(region) if region.isdigit() else None, q=q))
    profiles = selectors.published_profiles(rows)
    entries = [(p, profiles.get(p.pk)) for p in rows]
    regions = sorted({(p.region_id, p.region.name) for p in selectors.directory()}, key=lambda r: r[1])
    context = {"entries": entries, "q": q, "region": region, "regions": regions}
    return render(request, "public/directory.html", context)


def partnership(request, pk: int):
    """One published partnership and its contact form (POST sends it)."""
    try:
        p = selectors.directory().get(pk=pk)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    profile = selectors.published_profile(p)
    accepts = profile is None or profile.accepts_messages
    form = forms.ContactForm(request.POST or None)
    status = 200
    if request.method == "POST" and accepts:
        try:
            services.check_rate(_client_ip(request))
        except services.RateLimited:
            form.add_error(
                None, "Too many messages from your address in the last hour; please try again later."
            )
            status = 429
        else:
            if form.is_valid():
                if not form.is_spam():
                    data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
                    services.send_message(partnership=p, **data)
                messages.success(request, f"Thank you. Your message is on its way to {p.name}.")
                return redirect("public:partnership", pk=pk)
    context = {"p": p, "profile": profile, "form": form if accepts else None}
    return render(request, "public/partnership.html", context, status=status)


def events(request):
    """Public events, upcoming first then past."""
    return render(request, "public/events.html", {"events": public_capacity().events})


def resources(request):
    """Public toolkits, templates, case studies and recordings."""
    return render(request, "public/resources.html", {"resources": public_capacity().resources})


def packages(request):
    """Published regional data packages (through the data-packages app's public selector)."""
    return render(
        request, "public/packages.html", {"packages": published_packages().order_by("region__name")}
    )


def why_join(request):
    """Why employers join a sector partnership."""
    return render(request, "public/why_join.html")


def inbox(request):
    """Messages from the public for the partnerships the user may change."""
    context = {
        "messages_in": selectors.inbox_for(request.user)[:200],
        "partnerships": selectors.editable_partnerships(request.user),
    }
    return render(request, "public/inbox.html", context)


def profile_edit(request, pk: int):
    """A partnership's public profile (its conveners and state staff)."""
    try:
        p = Partnership.objects.get(pk=pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc
    if not can_change_partnership(request.user, p):
        raise PermissionDenied
    current = p.public_profile if hasattr(p, "public_profile") else None
    initial = {"works_on": current.works_on, "how_to_join": current.how_to_join,
               "accepts_messages": current.accepts_messages, "is_published": current.is_published} if current else {}  # fmt: skip
    form = forms.ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_profile(user=request.user, partnership=p, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, "Public profile saved.")
            return redirect("public:partnership" if p.is_public else "partnerships:detail", pk=pk)
    return render(request, "public/profile_form.html", {"form": form, "p": p})
