"""Personal API tokens: issue one (the key is returned once), and find the user a key belongs to."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from sectorhub.core.models import ApiToken


def _hash(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(*, user, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the key, which is not stored and cannot be shown again."""
    key = "shk_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=_hash(key))
    return token, key


def user_for_key(key: str):
    """The active user whose active token has this key, or None; records when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key), is_active=True).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
