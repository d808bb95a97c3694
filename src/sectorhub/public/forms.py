"""Forms for the public site."""

from __future__ import annotations

from django import forms

from sectorhub.public.models import RETENTION_DAYS


class ContactForm(forms.Form):
    """An employer's message to a partnership; `website` is a honeypot that people never see or fill."""

    name = forms.CharField(max_length=200, label="Your name")
    email = forms.EmailField(label="Your e-mail address")
    organization = forms.CharField(max_length=200, required=False, label="Your business or organization")
    message = forms.CharField(widget=forms.Textarea, max_length=5000)
    consent = forms.BooleanField(
        label="I agree that my name, e-mail address and message are stored and shared with this partnership's "
        f"conveners so they can reply. They are deleted after {RETENTION_DAYS} days.",
        error_messages={"required": "We can store and pass on your message only with your consent."},
    )
    website = forms.CharField(required=False, label="Leave this field empty")

    def is_spam(self) -> bool:
        """True when the honeypot was filled (by a robot)."""
        return bool(self.data.get("website", "").strip())


class ProfileForm(forms.Form):
    """A partnership's public profile."""

    works_on = forms.CharField(widget=forms.Textarea, label="What the partnership works on")
    how_to_join = forms.CharField(widget=forms.Textarea, label="How an employer joins")
    accepts_messages = forms.BooleanField(required=False, initial=True, label="Show the contact form")
    is_published = forms.BooleanField(required=False, label="Publish this profile on the public directory")
