"""Writes for the public site: contact messages (consent, rate limit, retention) and public profiles."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from sectorhub.core.history import record
from sectorhub.partnerships.permissions import can_change_partnership
from sectorhub.public.models import RETENTION_DAYS, ContactMessage, PartnershipProfile

log = logging.getLogger(__name__)

RATE_LIMIT = 5  # messages per sender address per hour
RATE_WINDOW = 60 * 60


class RateLimited(Exception):
    """Too many messages from one address within the hour."""


def _rate_key(ip: str) -> str:
    # The address itself is never stored; only a salted hash, as a cache key that expires within the hour.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"contact-rate:{digest}"


def check_rate(ip: str) -> None:
    """Count one attempt from `ip`; raise RateLimited past RATE_LIMIT in the hour."""
    key = _rate_key(ip)
    if cache.add(key, 1, RATE_WINDOW):
        return
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)
        return
    if count > RATE_LIMIT:
        raise RateLimited


def recipients(partnership) -> list[str]:
    """E-mail addresses of the partnership's assigned conveners and its region's conveners."""
    users = list(partnership.conveners.filter(is_active=True)) + list(
        partnership.region.conveners.filter(is_active=True)
    )
    return sorted({u.email for u in users if u.email})


def purge_expired(*, now: dt.datetime | None = None) -> int:
    """Delete messages older than RETENTION_DAYS, and their history rows, so no copy outlives the retention."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=RETENTION_DAYS)
    old = ContactMessage.objects.filter(received_at__lt=cutoff)
    ids = list(old.values_list("pk", flat=True))
    old.delete()
    ContactMessage.history.filter(id__in=ids).delete()
    return len(ids)


@transaction.atomic
def send_message(
    *, partnership, name: str, email: str, organization: str, message: str, consent: bool
) -> ContactMessage:
    """Store a message for the partnership's conveners (only with consent) and e-mail it to them."""
    if not consent:
        raise PermissionDenied("The message is stored only with your consent.")
    purge_expired()
    msg = ContactMessage(
        partnership=partnership, name=name.strip(), email=email.strip(), organization=organization.strip(),
        message=message.strip(), consent_at=timezone.now(),
    )  # fmt: skip
    record(msg, user=None, reason="Received from the public contact form")
    msg.save()
    to = recipients(partnership)
    if to:
        body = (
            f"{msg.name} ({msg.email}{', ' + msg.organization if msg.organization else ''}) wrote to "
            f"{partnership.name} through the public site:\n\n{msg.message}\n\n"
            f"The message is kept for {RETENTION_DAYS} days in SectorHub's inbox."
        )
        # From the deployment's sender (DJANGO_DEFAULT_FROM_EMAIL, through the configured EMAIL_BACKEND), with the
        # visitor's address as Reply-To so a convener can answer; never sent as if from the visitor.
        email = EmailMessage(
            f"SectorHub: a message for {partnership.name}",
            body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=to,
            reply_to=[msg.email],
        )
        sent = email.send(fail_silently=True)
        if sent:
            ContactMessage.objects.filter(pk=msg.pk).update(emailed=True)
            msg.emailed = True
        else:
            log.warning("contact message %s could not be e-mailed; it is in the inbox", msg.pk)
    return msg


@transaction.atomic
def save_profile(*, user, partnership, works_on: str, how_to_join: str, accepts_messages: bool,
                 is_published: bool) -> PartnershipProfile:  # fmt: skip
    """Write a partnership's public profile (its conveners or state staff)."""
    if not can_change_partnership(user, partnership):
        raise PermissionDenied("You may change only your own partnerships' public profiles.")
    profile = PartnershipProfile.objects.filter(partnership=partnership).first() or PartnershipProfile(
        partnership=partnership
    )
    profile.works_on, profile.how_to_join = works_on.strip(), how_to_join.strip()
    profile.accepts_messages, profile.is_published = accepts_messages, is_published
    record(profile, user=user, reason="Public profile saved")
    profile.save()
    return profile
