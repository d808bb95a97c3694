"""Training provider list: the upload layout and its errors, and alignment through the real NCES CIP–SOC crosswalk.

The hand-built file (five programs) and the crosswalk links that matter (from CIP2020_SOC2018_Crosswalk.csv):
51.3801 Registered Nursing → 29-1141 Registered Nurses; 48.0508 Welding → 51-4121 Welders; 49.0205 Truck and Bus
Driver → 53-3032 Heavy and Tractor-Trailer Truck Drivers; 51.0801 Medical Assistant → 31-9092 (not a target);
24.0101 Liberal Arts → 25-1199 (not a target).
"""

import os
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sectorhub.funding import services
from sectorhub.funding.models import ProgramUpload, TrainingProgram
from sectorhub.funding.selectors.etpl import etpl_page

DATA = Path(os.environ.get("SECTORHUB_DATA", "../shared/data"))
needs_crosswalk = pytest.mark.skipif(
    not (DATA / "crosswalks" / "CIP2020_SOC2018_Crosswalk.csv").exists(),
    reason="the shared crosswalk is absent",
)

PROVIDERS = """provider,program,cip_code,credential,cost,length_weeks,enrollments,completers
College A,Registered Nursing,51.3801,Associate degree,"9,800.00",88,200,150
College A,Welding,480508,Certificate,4200,32,100,80
College B,Liberal Studies,24.0101,Associate degree,7000,64,300,120
School C,CDL-A,49.0205,License,5900,6,150,130
School D,Medical Assistant,51.0801,Certificate,12500,48,50,20
"""
TARGETS = ["29-1141", "51-4121", "53-3032", "15-1212", "49-9041", "29-2061", "43-4051"]


def _upload(staff, text, name="providers.csv"):
    return services.upload_programs(user=staff, upload=SimpleUploadedFile(name, text.encode()))


@needs_crosswalk
def test_alignment_shares_and_gaps_against_the_crosswalk(staff):
    """Aligned: nursing, welding, CDL. Programs 3/5 = 60%; enrollments (200+100+150)/800 = 56.25%;
    completers (150+80+130)/500 = 72%. No program links to 15-1212, 49-9041, 29-2061 or 43-4051."""
    _upload(staff, PROVIDERS)
    result = etpl_page(socs=TARGETS)["result"]
    assert result.program_share == pytest.approx(0.6)
    assert result.enrollment_share == pytest.approx(0.5625)
    assert result.completer_share == pytest.approx(0.72)
    assert result.unserved == ["15-1212", "49-9041", "29-2061", "43-4051"]
    by_name = {m.program["name"]: m.targets for m in result.programs}
    assert by_name == {
        "Registered Nursing": ["29-1141"],
        "Welding": ["51-4121"],
        "Liberal Studies": [],
        "CDL-A": ["53-3032"],
        "Medical Assistant": [],
    }


@needs_crosswalk
def test_targets_come_from_the_regions_published_package(staff, client):
    """A published package whose supply section lists 31-9092 and 29-1141: medical assistant and nursing align
    (2 of 5 programs); the page shows the region's gaps (none)."""
    from sectorhub.datapackages.models import PublishedPackage
    from tests.regions.factories import RegionFactory

    _upload(staff, PROVIDERS)
    region = RegionFactory()
    rows = [
        {"soc_code": "31-9092", "title": "Medical Assistants"},
        {"soc_code": "29-1141", "title": "Registered Nurses"},
    ]
    PublishedPackage.objects.create(
        region=region,
        year=2024,
        period="A",
        title="Package",
        body_html="",
        data={"sections": [{"key": "supply_occupations", "rows": rows}]},
        published_by=staff,
    )
    context = etpl_page(region_id=region.pk)
    assert context["result"].program_share == pytest.approx(0.4) and context["result"].unserved == []
    client.force_login(staff)
    page = client.get(reverse("funding:etpl"), {"region": region.pk}).content.decode()
    assert "None: every target occupation has a program." in page


def test_a_bad_row_refuses_the_file_naming_line_and_column_and_keeps_nothing(staff):
    """Line 3's CIP code is a 4-digit family; line 4 has more completers than enrollments. Nothing is stored,
    and the earlier list stays."""
    _upload(staff, PROVIDERS.splitlines()[0] + "\nKeep,Me,51.3801,AD,1,1,1,1\n", "first.csv")
    bad_cip = PROVIDERS.replace("24.0101", "24.01")
    with pytest.raises(ValidationError) as exc:
        _upload(staff, bad_cip, "bad.csv")
    assert "bad.csv: line 4, column 3 (cip_code): not a 6-digit CIP code: '24.01'" in exc.value.messages[0]
    too_many = PROVIDERS.replace("150,130", "150,151")
    with pytest.raises(ValidationError, match="line 5: 151 completers but only 150 enrollments"):
        _upload(staff, too_many, "bad2.csv")
    missing = "provider,program,cip_code\nA,B,51.3801\n"
    with pytest.raises(ValidationError, match="line 1: missing column"):
        _upload(staff, missing, "bad3.csv")
    assert list(TrainingProgram.objects.values_list("provider", flat=True)) == ["Keep"]
    assert ProgramUpload.objects.count() == 1


def test_the_upload_parses_money_and_codes(staff):
    """'9,800.00' is $9,800.00; '480508' is CIP 48.0508."""
    _upload(staff, PROVIDERS)
    nursing = TrainingProgram.objects.get(name="Registered Nursing")
    welding = TrainingProgram.objects.get(name="Welding")
    assert str(nursing.cost) == "9800.00" and welding.cip_code == "48.0508"
