"""Helpers the funding views share."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def add_errors(form, exc: ValidationError) -> None:
    """Show a service's validation errors on the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def form_page(
    request, form, action, *, title: str, success: str, back, context=None, template="funding/form.html"
):
    """Render `form`; on a valid POST run `action(cleaned_data)` and redirect to `back(result)`."""
    if request.method == "POST" and form.is_valid():
        try:
            result = action(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(back(result))
    ctx = {
        "form": form,
        "title": title,
        "multipart": any(f.widget.needs_multipart_form for f in form.fields.values()),
    }
    ctx.update(context or {})
    return render(request, template, ctx)
