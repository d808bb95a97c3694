"""Who may see and publish data packages: signed-in users build any region's package; state staff publish;
everyone reads what was published. Published packages carry no confidential cell: suppressed values stay
'suppressed' (or a '≥' lower bound of published cells), and no estimate of a suppressed cell is ever part of a published
package (a signed-in user may ask for estimates on a region's working page, marked as such and never published);
the occupation jobs of the supply section are model estimates from public inputs only, labelled as
estimates (docs/methods.md, "What a published package contains")."""

from __future__ import annotations

from sectorhub.core.permissions import allow, role_of
from sectorhub.core.roles import EVERYONE, NOBODY, SIGNED_IN, STATE, Role

# State staff and LMI analysts supply program completions for the training-gap table.
TRAINING_UPLOADERS = STATE | {Role.ANALYST.value}

URL_PERMISSIONS = {
    "datapackages:region_package": allow(SIGNED_IN),
    "datapackages:download": allow(SIGNED_IN),
    "datapackages:publish": allow(NOBODY, write=STATE),
    "datapackages:withdraw": allow(NOBODY, write=STATE),
    "datapackages:training_supply": allow(NOBODY, write=TRAINING_UPLOADERS),
    "datapackages:published": allow(EVERYONE),
    "datapackages:published_detail": allow(EVERYONE),
    "datapackages:published_download": allow(EVERYONE),
    # Occupation pages show only public figures (BLS OEWS, O*NET): no QCEW cell, nothing confidential.
    "datapackages:occupation_search": allow(EVERYONE),
    "datapackages:occupation": allow(EVERYONE),
    # The API: published packages for anyone (the one public selector), a region's package for signed-in users.
    "api:published_package_list": allow(EVERYONE),
    "api:published_package_detail": allow(EVERYONE),
    "api:region_package": allow(SIGNED_IN),
}


def can_publish(user) -> bool:
    """State administrators and staff publish and withdraw packages."""
    return role_of(user) in STATE


def can_upload_training(user) -> bool:
    """State staff and analysts upload a region's program completions."""
    return role_of(user) in TRAINING_UPLOADERS
