"""Stories for the annual report: state staff list, add, change and delete (soft) them; each keeps its history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from sectorhub.core.history import form_labels, history_rows
from sectorhub.performance import forms, selectors, services
from sectorhub.performance.models import Story


def _story(pk: int) -> Story:
    return get_object_or_404(Story.objects.select_related("partnership"), pk=pk, is_deleted=False)


def _errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


def stories(request):
    """Every story (not deleted), newest year first, with whether it is public."""
    return render(request, "performance/story_list.html", {"stories": selectors.stories_for_staff()})


def _save(request, story: Story | None):
    form = forms.StoryForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.STORY_FIELDS}
        try:
            if story is None:
                story = services.add_story(user=request.user, **data)
            else:
                # The form changed the instance in place; read it back so the service sees the stored values.
                story.refresh_from_db()
                services.update_story(user=request.user, story=story, **data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, f"“{story.title}” is saved.")
            return redirect("performance:story_detail", story.pk)
    title = "Add a story" if story is None else f"Change “{story.title}”"
    return render(request, "core/form.html", {"form": form, "title": title})


def story_new(request):
    """Add a story for the annual report."""
    return _save(request, None)


def story_edit(request, pk: int):
    """Change a story."""
    return _save(request, _story(pk))


def story_detail(request, pk: int):
    """A story as the report prints it, whether it is public, and its change history."""
    story = _story(pk)
    history = history_rows(story, labels=form_labels(forms.StoryForm))
    return render(request, "performance/story_detail.html", {"story": story, "history": history})


def story_delete(request, pk: int):
    """Delete a story (soft): it leaves every report; its history stays."""
    story = services.delete_story(user=request.user, story=_story(pk))
    messages.success(request, f"“{story.title}” is deleted.")
    return redirect("performance:stories")
