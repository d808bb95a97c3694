"""IPEDS completions parser (files written here in the C{year}_A layout) and the NCES downloader (mocked HTTP)."""

from __future__ import annotations

import gzip
import io
import zipfile

import httpx
import pytest

from sectorhub.lmi.sources import ipeds

HEADER = "UNITID,CIPCODE,MAJORNUM,AWLEVEL,CTOTALT,CTOTALM,CTOTALW\n"
ROWS = (
    "204796,51.3801,1,3,120,12,108\n"  # associate's in registered nursing
    "204796,51.3801,1,5,80,10,70\n"  # bachelor's in registered nursing
    "204796,51.3801,2,5,4,1,3\n"  # second majors: left out by default
    "204796,99,1,3,900,400,500\n"  # the institution's grand total: dropped
    "204796,51,1,3,200,22,178\n"  # a 2-digit family summary: dropped
    "204796,11.0701,1,5,35,30,5\n"
)


def write(tmp_path, text, name="c2023_a.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_first_majors_are_kept_and_totals_dropped(tmp_path):
    result = ipeds.read_completions(write(tmp_path, HEADER + ROWS))
    t = result.table
    assert list(t["completers"]) == [120, 80, 35]
    assert list(t["cip_code"]) == ["51.3801", "51.3801", "11.0701"]
    assert result.rows_read == 6 and result.total_rows_dropped == 2


def test_second_majors_can_be_included(tmp_path):
    t = ipeds.read_completions(write(tmp_path, HEADER + ROWS), majors=(1, 2)).table
    assert int(t["completers"].sum()) == 120 + 80 + 4 + 35


def test_gzip_and_nces_zip_files_read_the_same(tmp_path):
    gz = tmp_path / "c.csv.gz"
    gz.write_bytes(gzip.compress((HEADER + ROWS).encode()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("c2023_a.csv", HEADER + ROWS)
    zp = tmp_path / "C2023_A.zip"
    zp.write_bytes(buf.getvalue())
    plain = ipeds.read_completions(write(tmp_path, HEADER + ROWS)).table
    assert ipeds.read_completions(gz).table.equals(plain)
    assert ipeds.read_completions(zp).table.equals(plain)


def test_a_wrong_header_names_the_file_line_and_missing_columns(tmp_path):
    path = write(tmp_path, "UNITID,CIP,AWLEVEL,TOTAL\n1,51.3801,3,5\n", "upload.csv")
    with pytest.raises(ipeds.IpedsFormatError) as info:
        ipeds.read_completions(path)
    err = info.value
    assert err.line == 1 and err.column == "CIPCODE, MAJORNUM, CTOTALT"
    assert "upload.csv: line 1" in str(
        err
    ) and "header lacks required column(s) CIPCODE, MAJORNUM, CTOTALT" in str(err)


def test_a_bad_value_names_its_line_and_column(tmp_path):
    path = write(tmp_path, HEADER + "204796,51.3801,1,3,12x,1,1\n")
    with pytest.raises(
        ipeds.IpedsFormatError, match="line 2, column CTOTALT: expected a whole number, found '12x'"
    ):
        ipeds.read_completions(path)
    path = write(tmp_path, HEADER + "204796,51.3801,1,3,12,1,1\n204796,5138.01,1,3,1,1,0\n")
    with pytest.raises(ipeds.IpedsFormatError, match="line 3, column CIPCODE"):
        ipeds.read_completions(path)
    path = write(tmp_path, HEADER + "204796,51.3801,1,9,12,1,1\n")
    with pytest.raises(ipeds.IpedsFormatError, match="column AWLEVEL: unknown award level 9"):
        ipeds.read_completions(path)


def test_an_empty_file_is_a_clear_error(tmp_path):
    with pytest.raises(ipeds.IpedsFormatError, match="line 1: empty file"):
        ipeds.read_completions(write(tmp_path, ""))


def test_the_download_address_is_nces_data_center():
    assert ipeds.completions_url(2023) == "https://nces.ed.gov/ipeds/datacenter/data/C2023_A.zip"


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("c2023_a.csv", HEADER + ROWS)
    return buf.getvalue()


def test_the_download_retries_a_server_error_then_saves_the_zip(tmp_path):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(503) if len(calls) < 3 else httpx.Response(200, content=zip_bytes())

    client = httpx.Client(transport=httpx.MockTransport(handler))
    path = ipeds.download_completions(2023, tmp_path, retries=3, backoff=0.0, client=client)
    assert len(calls) == 3 and calls[0] == ipeds.completions_url(2023)
    assert path.name == "C2023_A.zip" and list(ipeds.read_completions(path).table["completers"]) == [
        120,
        80,
        35,
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["C2023_A.zip"]


def test_the_download_gives_up_after_the_retries(tmp_path):
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    with pytest.raises(ConnectionError, match="failed after 3 attempts"):
        ipeds.download_completions(2023, tmp_path, retries=2, backoff=0.0, client=client)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_year_fails_at_once(tmp_path):
    calls = []

    def handler(request):
        calls.append(1)
        return httpx.Response(404)

    with pytest.raises(FileNotFoundError, match="404"):
        ipeds.download_completions(
            1999 + 1, tmp_path, backoff=0.0, client=httpx.Client(transport=httpx.MockTransport(handler))
        )
    assert len(calls) == 1
