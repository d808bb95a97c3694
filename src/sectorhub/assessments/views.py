"""Self-assessment pages. Views parse the request, call one selector or service, and render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify

from sectorhub.assessments import charts, forms, selectors, services
from sectorhub.assessments.evidence import evidence_for
from sectorhub.assessments.models import ActionPlanItem, Cycle, Instrument, InstrumentVersion
from sectorhub.assessments.permissions import can_answer, can_see_cycle, can_see_results, is_state


def cycle_list(request):
    """The cycles the user may see, and the ones waiting for their answers."""
    cycles = list(selectors.cycles_for(request.user))
    mine = set(
        Cycle.objects.filter(responses__respondent=request.user, status="open").values_list("pk", flat=True)
    )
    context = {"cycles": cycles, "mine": mine, "is_state": is_state(request.user)}
    return render(request, "assessments/cycle_list.html", context)


def cycle_create(request):
    """Open a cycle."""
    form = forms.CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.create_cycle(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"“{cycle.name}” is open. Now choose its respondents.")
            return redirect("assessments:respondents", pk=cycle.pk)
    return render(request, "assessments/form.html", {"form": form, "title": "Open an assessment cycle"})


def cycle_detail(request, pk: int):
    """A cycle's status: respondents and who has submitted (state staff), the user's own response, links."""
    cycle = _cycle(request, pk)
    context = {
        "cycle": cycle,
        "is_state": is_state(request.user),
        "own": selectors.own_response(request.user, cycle),
        "can_answer": can_answer(request.user, cycle),
        "can_see_results": can_see_results(request.user, cycle),
        "responses": selectors.responses(cycle) if can_see_results(request.user, cycle) else [],
        "item_count": sum(len(c.items.all()) for c in selectors.capabilities_of(cycle)),
    }
    return render(request, "assessments/cycle_detail.html", context)


def respondents(request, pk: int):
    """Invite respondents to a cycle."""
    cycle = _cycle(request, pk)
    form = forms.RespondentsForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.add_respondents(
                user=request.user, cycle=cycle, respondents=form.cleaned_data["respondents"]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"{len(added)} respondent{'s' if len(added) != 1 else ''} invited.")
            return redirect("assessments:cycle_detail", pk=cycle.pk)
    context = {"form": form, "title": f"Respondents for {cycle.name}", "cycle": cycle}
    return render(request, "assessments/form.html", context)


def close(request, pk: int):
    """Close a cycle (POST)."""
    cycle = _cycle(request, pk)
    services.close_cycle(user=request.user, cycle=cycle)
    messages.success(request, f"“{cycle.name}” is closed; respondents can now see the results.")
    return redirect("assessments:report", pk=cycle.pk)


def respond(request, pk: int):
    """The respondent's own answers, item by item, with live evidence from the registry beside the items."""
    cycle = _cycle(request, pk)
    own = selectors.own_response(request.user, cycle)
    if own is None:
        raise PermissionDenied("You are not a respondent in this cycle.")
    capabilities = selectors.capabilities_of(cycle)
    answers = {a.item_id: a for a in own.answers.all()}
    form = forms.ResponseForm(
        request.POST or None, capabilities=capabilities, scale=cycle.version.rating_scale, answers=answers
    )
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            services.save_response(user=request.user, cycle=cycle, answers=form.answers(), submit=submit)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Your answers are submitted." if submit else "Your answers are saved.")
            return redirect("assessments:cycle_detail", pk=cycle.pk) if submit else redirect(request.path)
    keys = [i.evidence for c in capabilities for i in c.items.all() if i.evidence]
    context = {
        "cycle": cycle,
        "form": form,
        "own": own,
        "scale": cycle.version.rating_scale,
        "read_only": not can_answer(request.user, cycle),
        "evidence": evidence_for(keys, user=request.user, region=cycle.region),
    }
    return render(request, "assessments/response_form.html", context)


def _report_context(request, pk: int) -> dict:
    """The report's data and chart specs, once the user may see results."""
    cycle = _cycle(request, pk)
    if not can_see_results(request.user, cycle):
        raise PermissionDenied("Results are shown to respondents once the cycle closes.")
    data = selectors.report(cycle, user=request.user)
    scale = cycle.version.rating_scale
    labels = [lv.label for lv in scale.levels]
    series = [(cycle.name, [(r.name, r.mean) for r in data.results])]
    earlier = [p for p in data.history if p.cycle.pk != cycle.pk and p.mean is not None]
    if earlier:
        previous = earlier[-1].cycle  # the latest earlier cycle with ratings, drawn for comparison
        by_key = {p.capability_key: p.mean for p in data.history if p.cycle.pk == previous.pk}
        series.append((previous.name, [(r.name, by_key.get(r.key)) for r in data.results]))
    cycle_names = list(dict.fromkeys(p.cycle.name for p in data.history))
    # History rows follow capability keys, so a capability renamed in a later version keeps one row (latest name).
    means: dict[str, dict[str, float | None]] = {}
    names: dict[str, str] = {}
    for p in data.history:
        means.setdefault(p.capability_key, {})[p.cycle.name] = p.mean
        names[p.capability_key] = p.capability
    return {
        "report": data,
        "cycle": cycle,
        "scale": scale,
        "top_label": labels[-1],
        "submitted": sum(1 for r in data.responses if r.submitted_at),
        "report_items": {i.key: i for c in data.capabilities for i in c.items.all()},
        "history_cycles": cycle_names if len(cycle_names) > 1 else [],
        "history_rows": [(names[key], [row.get(n) for n in cycle_names]) for key, row in means.items()]
        if len(cycle_names) > 1
        else [],
        "radar_compared": len(series) > 1,
        "is_state": is_state(request.user),
        "radar": charts.radar_spec(series, top=scale.top, level_labels=labels) if data.results else None,
        "history_chart": charts.history_spec(data.history, top=scale.top) if len(cycle_names) > 1 else None,
    }


def report(request, pk: int):
    """Results per capability, disagreements, priorities, action plan, history, and every answer."""
    return render(request, "assessments/report.html", _report_context(request, pk))


def report_pdf(request, pk: int):
    """The report as a PDF (WeasyPrint), charts rendered offline."""
    from weasyprint import HTML

    context = _report_context(request, pk)
    context["radar_png"] = charts.png_data_uri(context["radar"]) if context["radar"] else None
    context["history_png"] = (
        charts.png_data_uri(context["history_chart"]) if context["history_chart"] else None
    )
    html = render_to_string("assessments/report_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(context["cycle"].name)}.pdf"'
    return response


def action_add(request, pk: int):
    """Add an action plan item."""
    cycle = _cycle(request, pk)
    form = forms.ActionForm(request.POST or None, cycle=cycle, initial=_action_initial(request, cycle))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_action(user=request.user, cycle=cycle, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Action added to the plan.")
            return redirect(f"{cycle_report_url(cycle)}#action-plan")
    context = {"form": form, "title": f"Add an action: {cycle.name}", "cycle": cycle}
    return render(request, "assessments/form.html", context)


def action_edit(request, pk: int):
    """Change an action plan item."""
    try:
        action = selectors.action(pk)
    except ActionPlanItem.DoesNotExist as exc:
        raise Http404("No such action") from exc
    initial = {
        f: getattr(action, f) for f in ("capability", "item", "title", "owner", "due_on", "status", "notes")
    }
    form = forms.ActionForm(request.POST or None, cycle=action.cycle, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action(user=request.user, action=action, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Action saved.")
            return redirect(f"{cycle_report_url(action.cycle)}#action-plan")
    context = {"form": form, "title": f"Edit action: {action.title}", "cycle": action.cycle}
    return render(request, "assessments/form.html", context)


def instrument_list(request):
    """Instruments and their versions; import a new one."""
    return render(request, "assessments/instrument_list.html", {"instruments": selectors.instruments()})


def instrument_detail(request, pk: int):
    """One instrument: a version's capabilities and items, and every version with the cycles that use it."""
    instrument = _instrument(pk)
    versions = list(selectors.instrument_versions(instrument))
    chosen = _int(request.GET.get("version")) or versions[0].pk
    if chosen not in {v.pk for v in versions}:
        raise Http404("No such version")
    context = {
        "instrument": instrument,
        "versions": versions,
        "version": selectors.version_with_items(chosen),
    }
    return render(request, "assessments/instrument_detail.html", context)


def instrument_edit(request, pk: int):
    """Edit an instrument's latest version as YAML; saving adds a version."""
    instrument = _instrument(pk)
    latest = services.latest_version(instrument.slug)
    form = forms.InstrumentEditForm(
        request.POST or None, initial={"text": selectors.version_spec(latest).to_yaml()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            version = services.import_instrument(
                user=request.user,
                text=form.cleaned_data["text"],
                note=form.cleaned_data["note"],
                slug=instrument.slug,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if version.pk == latest.pk:
                messages.info(request, "Nothing changed, so no new version was made.")
            else:
                messages.success(
                    request, f"Saved as version {version.number}; cycles on earlier versions keep theirs."
                )
            return redirect("assessments:instrument_detail", pk=instrument.pk)
    context = {"form": form, "title": f"Edit {instrument.name}", "instrument": instrument}
    return render(request, "assessments/form.html", context)


def instrument_import(request):
    """Import an instrument file."""
    form = forms.InstrumentImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.import_instrument(
                user=request.user, text=form.cleaned_data["file"], note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            _add_errors(form, exc, default="file")
        else:
            messages.success(request, f"Imported {version}.")
            return redirect("assessments:instrument_detail", pk=version.instrument_id)
    context = {"form": form, "title": "Import an instrument", "multipart": True}
    return render(request, "assessments/form.html", context)


def instrument_download(request, pk: int):
    """A version as a YAML file (to edit offline and import again)."""
    try:
        version = InstrumentVersion.objects.select_related("instrument").get(pk=pk)
    except InstrumentVersion.DoesNotExist as exc:
        raise Http404("No such version") from exc
    response = HttpResponse(selectors.version_spec(version).to_yaml(), content_type="application/yaml")
    response["Content-Disposition"] = (
        f'attachment; filename="{version.instrument.slug}-v{version.number}.yaml"'
    )
    return response


def cycle_report_url(cycle: Cycle) -> str:
    """The report page's address."""
    from django.urls import reverse

    return reverse("assessments:report", args=[cycle.pk])


def _action_initial(request, cycle) -> dict:
    """Pre-select the capability (and item) when the report's "plan an action" link names one."""
    initial = {}
    capability = _int(request.GET.get("capability"))
    if capability:
        initial["capability"] = capability
    item = _int(request.GET.get("item"))
    if item:
        initial["item"] = item
    return initial


def _cycle(request, pk: int) -> Cycle:
    """The cycle if the user may see it, else 404 (its existence is not confirmed to others)."""
    try:
        cycle = selectors.cycle(pk)
    except Cycle.DoesNotExist as exc:
        raise Http404("No such cycle") from exc
    if not can_see_cycle(request.user, cycle):
        raise Http404("No such cycle")
    return cycle


def _instrument(pk: int) -> Instrument:
    """The instrument, else 404."""
    try:
        return Instrument.objects.get(pk=pk)
    except Instrument.DoesNotExist as exc:
        raise Http404("No such instrument") from exc


def _int(value) -> int | None:
    """An integer query parameter, or None."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _add_errors(form, exc: ValidationError, default: str | None = None) -> None:
    """Show a service's validation errors on the form (unknown fields go to `default` or the whole form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else default, errors)
    else:
        form.add_error(default, exc)
