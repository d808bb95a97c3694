"""The training-supply upload refuses bad bytes properly (tests/badinput.py): arbitrary bytes and mutated valid
IPEDS completions files give a ValueError naming the file and line, never another exception, and keep nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given

from sectorhub.core.roles import Role
from tests.badinput import FAST, assert_refuses_properly, damaged

COMPLETIONS = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT\n204796,51.3801,1,3,12\n204796,11.0701,1,5,30\n"


@pytest.mark.django_db
@FAST
@given(data=damaged(COMPLETIONS))
def test_the_training_supply_upload_refuses_damaged_files_and_keeps_nothing(
    data, region, make_user, tmp_path_factory
):
    """upload_training_supply: ValueError naming the uploaded file's name and a line; no TrainingSupply kept."""
    from sectorhub.datapackages.models import TrainingSupply
    from sectorhub.datapackages.services import upload_training_supply

    analyst = (
        make_user(Role.ANALYST, username="analyst") if not hasattr(region, "_analyst") else region._analyst
    )
    region._analyst = analyst

    def upload(path):
        file = SimpleUploadedFile("completions.csv", path.read_bytes(), content_type="text/csv")
        return upload_training_supply(user=analyst, region=region, upload=file)

    assert_refuses_properly(
        upload,
        data,
        error=ValueError,
        folder=tmp_path_factory.mktemp("up"),
        name="completions.csv",
        stored=lambda: TrainingSupply.objects.count(),
    )
