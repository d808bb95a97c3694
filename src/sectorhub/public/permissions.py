"""The public site is open to everyone; the inbox and the public-profile form are for conveners and state staff,
who see and change only partnerships they may change (partnerships.permissions.can_change_partnership)."""

from __future__ import annotations

from sectorhub.core.permissions import allow
from sectorhub.core.roles import EDITORS, EVERYONE

URL_PERMISSIONS = {
    "public:home": allow(EVERYONE),
    "public:directory": allow(EVERYONE),
    "public:partnership": allow(EVERYONE, write=EVERYONE),  # POST: the contact form
    "public:events": allow(EVERYONE),
    "public:resources": allow(EVERYONE),
    "public:packages": allow(EVERYONE),
    "public:why_join": allow(EVERYONE),
    "public:inbox": allow(EDITORS),
    "public:profile_edit": allow(EDITORS, write=EDITORS),
    "api:public_directory": allow(EVERYONE),
    "api:public_partnership": allow(EVERYONE),
}
