"""NCES CIP 2020 -> SOC 2018 crosswalk and CIP code list: BOM, Excel quoting, NO MATCH rows, code checks."""

from __future__ import annotations

import pytest

from sectorhub.lmi.sources import cip_soc


@pytest.fixture(scope="module")
def crosswalk(shared_data):
    return cip_soc.read_crosswalk()


def test_the_crosswalk_reads_every_row_despite_the_byte_order_mark(crosswalk):
    """The CSV holds 6,097 data rows; its first is 01.0000 Agriculture, General. -> 19-1011 Animal Scientists."""
    assert len(crosswalk) == 6097
    first = crosswalk.iloc[0]
    assert (first["cip_code"], first["soc_code"], first["soc_title"]) == (
        "01.0000",
        "19-1011",
        "Animal Scientists",
    )


def test_registered_nursing_links_to_nurses_and_nursing_teachers(crosswalk):
    """Rows for 51.3801: 25-1072 Nursing Instructors and Teachers, Postsecondary; 29-1141 Registered Nurses."""
    socs = sorted(crosswalk.loc[crosswalk["cip_code"] == "51.3801", "soc_code"])
    assert socs == ["25-1072", "29-1141"]


def test_no_match_rows_are_kept_apart(crosswalk, shared_data):
    links = cip_soc.cip_soc_links()
    assert (crosswalk["soc_code"] == cip_soc.NO_MATCH_SOC).any()
    assert not (links["soc_code"] == cip_soc.NO_MATCH_SOC).any()
    assert not (links["cip_code"] == cip_soc.NO_MATCH_CIP).any()


def test_the_cip_list_loses_its_excel_wrappers(shared_data):
    """CIPCode2020.csv: 2,848 rows; the first two codes are written ="01" and ="01.00"."""
    codes = cip_soc.read_cip_codes()
    assert len(codes) == 2848
    assert list(codes["cip_code"].head(2)) == ["01", "01.00"]
    assert codes.loc[codes["cip_code"] == "51.3801", "cip_level"].item() == 6


def test_cip_codes_normalize_or_fail_clearly():
    assert cip_soc.normalize_cip("513801") == "51.3801"
    assert cip_soc.normalize_cip('="01.0101"') == "01.0101"
    assert cip_soc.normalize_cip("1.0101") == "01.0101"
    with pytest.raises(cip_soc.CodeError, match="not a 6-digit CIP code: '51.38'"):
        cip_soc.normalize_cip("51.38")
    with pytest.raises(cip_soc.CodeError, match="not a SOC code"):
        cip_soc.normalize_soc("29-114")


def test_an_unknown_cip_code_is_named():
    with pytest.raises(cip_soc.CodeError, match="1 CIP code\\(s\\) not in CIP 2020: 98.7654"):
        cip_soc.check_cip_codes(["51.3801", "98.7654"], known={"51.3801"})


def test_a_crosswalk_with_another_header_is_rejected(tmp_path):
    bad = tmp_path / "xwalk.csv"
    bad.write_text("CIP,SOC\n51.3801,29-1141\n", encoding="utf-8")
    with pytest.raises(cip_soc.CodeError, match="xwalk.csv: line 1: expected columns"):
        cip_soc.read_crosswalk(bad)


def test_a_bad_code_inside_the_crosswalk_names_its_line(tmp_path):
    bad = tmp_path / "xwalk.csv"
    bad.write_text(
        "\ufeffCIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n51.3801,Nursing,29-1141,RN\n51.38,X,29-1141,RN\n",
        encoding="utf-8",
    )
    with pytest.raises(cip_soc.CodeError, match="line 3: not a 6-digit CIP code"):
        cip_soc.read_crosswalk(bad)
