"""The QCEW downloader against a local HTTP server that serves the shared BLS files under BLS's URL layout."""

from __future__ import annotations

import gzip
import hashlib
import io
import socket
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sectorhub.lmi.sources import qcew_download as dl
from sectorhub.paths import data_dir

SHARED = data_dir()
BY_AREA = SHARED / "qcew" / "2016.q1-q4.by_area" / "ohio_counties_and_statewide"
SLICES = SHARED / "qcew" / "2020.open_data_slices"

pytestmark = pytest.mark.skipif(
    not (BY_AREA.is_dir() and SLICES.is_dir()), reason=f"shared QCEW data not found under {SHARED}"
)


def sha(data: bytes) -> str:
    """SHA-256 of some bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def by_area_file(fips: str) -> Path:
    """The shared 2016 by-area file of one area (BLS's own file name, plus .gz)."""
    (path,) = BY_AREA.glob(f"2016.q1-q4 {fips} *.csv.gz")
    return path


class BLSStub(ThreadingHTTPServer):
    """A local stand-in for data.bls.gov: serves bytes by path, honours Range/If-Range, can misbehave on cue."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.files: dict[str, bytes] = {}
        self.plan: dict[
            str, list[str]
        ] = {}  # path -> behaviours for the next requests ("503", "drop", "html")
        self.log: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        """Base URL, as SECTORHUB_QCEW_BASE_URL would be set."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def requests_for(self, path: str) -> list[dict[str, str]]:
        """The headers of every request made for one path."""
        return [headers for p, headers in self.log if p == path]


class Handler(BaseHTTPRequestHandler):
    """Serves BLSStub.files with HTTP/1.1 keep-alive and byte ranges."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 (http.server's naming)
        server: BLSStub = self.server
        with server.lock:
            server.log.append((self.path, dict(self.headers)))
            plan = server.plan.get(self.path, [])
            action = plan.pop(0) if plan else "serve"
        body = server.files.get(self.path)
        if action == "503":
            return self._send(503, b"busy", "text/plain")
        if action == "html":
            return self._send(200, b"<!DOCTYPE html><html><body>Access Denied</body></html>", "text/html")
        if action == "html-csv":
            return self._send(200, b"<html><body>Error</body></html>", "text/csv")
        if body is None:
            return self._send(404, b"<html>Not Found</html>", "text/html")
        etag = f'"{sha(body)[:16]}"'
        start, status = 0, 200
        if_range = self.headers.get("If-Range")
        ranged = self.headers.get("Range", "").startswith("bytes=") and if_range in (None, etag)
        if ranged:
            start = int(self.headers["Range"][6:].split("-")[0])
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 206
        chunk = body[start:]
        self.send_response(status)
        self.send_header("Content-Type", "application/zip" if self.path.endswith(".zip") else "text/csv")
        self.send_header("Content-Length", str(len(chunk)))
        self.send_header("ETag", etag)
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.end_headers()
        if action == "drop":  # half the promised bytes, then hang up
            self.wfile.write(chunk[: len(chunk) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        self.wfile.write(chunk)

    def _send(self, code: int, body: bytes, ctype: str):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def bls():
    """A running BLSStub serving the 2020 open-data slices of Franklin (39049) and Delaware (39041)."""
    server = BLSStub()
    for q in ("a", "1", "2", "3", "4"):
        for fips in ("39049", "39041"):
            raw = gzip.decompress((SLICES / f"morpc-qcew-2020-{q}-{fips}.csv.gz").read_bytes())
            server.files[f"/cew/data/api/2020/{q}/area/{fips}.csv"] = raw
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def slice_bytes(q: str, fips: str) -> bytes:
    """The decompressed bytes of one shared 2020 slice."""
    return gzip.decompress((SLICES / f"morpc-qcew-2020-{q}-{fips}.csv.gz").read_bytes())


def fetch(bls: BLSStub, tmp_path: Path, **kwargs) -> list[Path]:
    """fetch_qcew against the stub, with no real waiting between retries."""
    kwargs.setdefault("backoff", 0.0)
    return dl.fetch_qcew(kwargs.pop("year", 2020), dest=tmp_path / "out", base_url=bls.url, **kwargs)


def test_urls_are_the_ones_bls_documents():
    """Bulk zips and open-data slices have the addresses on BLS's "QCEW Data Files" and "CSV Data Slices" pages."""
    base = "https://data.bls.gov"
    assert [t.url for t in dl.qcew_targets(2023, period="A", base_url=base)] == [
        "https://data.bls.gov/cew/data/files/2023/csv/2023_annual_by_area.zip"
    ]
    assert [t.url for t in dl.qcew_targets(2016, period="Q", base_url=base)] == [
        "https://data.bls.gov/cew/data/files/2016/csv/2016_qtrly_by_area.zip"
    ]
    assert [t.url for t in dl.qcew_targets(2024, areas=["US000", "c1814"], period="Q", base_url=base)] == [
        f"https://data.bls.gov/cew/data/api/2024/{q}/area/{a}.csv" for a in ("US000", "C1814") for q in "1234"
    ]


def test_base_url_comes_from_the_setting(monkeypatch):
    """SECTORHUB_QCEW_BASE_URL replaces https://data.bls.gov (a trailing slash is ignored)."""
    monkeypatch.setenv("SECTORHUB_QCEW_BASE_URL", "http://127.0.0.1:9/")
    assert (
        dl.qcew_targets(2020, areas=["39049"])[0].url
        == "http://127.0.0.1:9/cew/data/api/2020/a/area/39049.csv"
    )


def test_bad_arguments_are_refused_before_any_download():
    """A period other than A/Q, a malformed area code or an unknown state is a ValueError saying what is wrong."""
    with pytest.raises(ValueError, match="period"):
        dl.qcew_targets(2020, period="M")
    with pytest.raises(ValueError, match="area code"):
        dl.qcew_targets(2020, areas=["39049x"])
    with pytest.raises(ValueError, match="unknown state 'XX'"):
        dl.qcew_targets(2020, state="XX")


def test_a_state_means_statewide_plus_every_county_as_bls_files_them():
    """Ohio's areas equal the area codes in the names of BLS's 2016 Ohio by-area files: 39000, 88 counties, 39999.

    The titles file has lost leading zeros ("1001" for Autauga County, Alabama), so Alabama shows the padding:
    01000 statewide and 67 counties (Autauga 01001 .. Winston 01133), plus 01999.
    """
    from_bls = sorted(p.name.split(" ")[1] for p in BY_AREA.glob("*.csv.gz"))
    assert len(from_bls) == 90
    assert dl.state_areas("OH") == from_bls
    assert dl.state_areas("39") == from_bls
    alabama = dl.state_areas("al")
    assert alabama[0] == "01000" and alabama[1] == "01001" and alabama[-2:] == ["01133", "01999"]
    assert len(alabama) == 1 + 67 + 1


def test_slices_download_byte_for_byte(bls, tmp_path):
    """Annual and quarterly slices of 39049 and 39041 arrive identical to the shared files (SHA-256)."""
    annual = fetch(bls, tmp_path, areas=["39049", "39041"], period="A")
    assert [p.name for p in annual] == ["qcew-2020-a-39049.csv", "qcew-2020-a-39041.csv"]
    quarters = fetch(bls, tmp_path, areas=["39049"], period="Q")
    assert [p.name for p in quarters] == [f"qcew-2020-{q}-39049.csv" for q in "1234"]
    for path in annual + quarters:
        _, _, q, fips = path.stem.split("-")
        assert sha(path.read_bytes()) == sha(slice_bytes(q, fips))
    assert not list((tmp_path / "out").glob("*.part*"))


def test_bulk_zip_downloads_byte_for_byte(bls, tmp_path):
    """The quarterly by-area zip lands at BLS's name, and each CSV in it equals the shared BLS file decompressed."""
    members = {fips: gzip.decompress(by_area_file(fips).read_bytes()) for fips in ("39041", "39049", "39159")}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for fips, raw in members.items():
            zf.writestr(f"2016.q1-q4.by_area/{by_area_file(fips).name[:-3]}", raw)
    bls.files["/cew/data/files/2016/csv/2016_qtrly_by_area.zip"] = buffer.getvalue()

    (path,) = fetch(bls, tmp_path, year=2016, period="Q")
    assert path.name == "2016_qtrly_by_area.zip"
    assert sha(path.read_bytes()) == sha(buffer.getvalue())
    with zipfile.ZipFile(path) as zf:
        got = {name.split(" ")[1]: sha(zf.read(name)) for name in zf.namelist()}
    assert got == {fips: sha(raw) for fips, raw in members.items()}


def test_two_503s_are_retried_with_backoff(bls, tmp_path):
    """The server answers 503 twice, then the file; the waits double (0.5 s, then 1 s) and the file is whole."""
    path_on_server = "/cew/data/api/2020/a/area/39049.csv"
    bls.plan[path_on_server] = ["503", "503"]
    waits: list[float] = []
    with dl.httpx.Client() as client:
        target = dl.qcew_targets(2020, areas=["39049"], base_url=bls.url)[0]
        path = dl.download_file(client, target, tmp_path, backoff=0.5, sleep=waits.append)
    assert len(bls.requests_for(path_on_server)) == 3
    assert waits == [0.5, 1.0]
    assert sha(path.read_bytes()) == sha(slice_bytes("a", "39049"))


def test_persistent_5xx_gives_up_naming_the_url(bls, tmp_path):
    """Always 503: after retries + 1 tries the error names the URL and the status, and nothing is saved."""
    path_on_server = "/cew/data/api/2020/a/area/39041.csv"
    bls.plan[path_on_server] = ["503"] * 10
    with pytest.raises(dl.QcewDownloadError) as err:
        fetch(bls, tmp_path, areas=["39041"], retries=2)
    assert f"{bls.url}{path_on_server}" in str(err.value) and "503" in str(err.value)
    assert len(bls.requests_for(path_on_server)) == 3
    assert not list((tmp_path / "out").iterdir())


def test_a_dropped_connection_resumes_with_a_range_request(bls, tmp_path):
    """The first response stops halfway; the retry asks for the rest (Range from the bytes held, If-Range = ETag)."""
    path_on_server = "/cew/data/api/2020/a/area/39049.csv"
    expected = slice_bytes("a", "39049")
    bls.plan[path_on_server] = ["drop"]
    (path,) = fetch(bls, tmp_path, areas=["39049"])
    first, second = bls.requests_for(path_on_server)
    assert "Range" not in first
    assert second["Range"] == f"bytes={len(expected) // 2}-"
    assert second["If-Range"] == f'"{sha(expected)[:16]}"'
    assert sha(path.read_bytes()) == sha(expected)
    assert not list(path.parent.glob("*.part*"))


def test_an_interrupted_run_is_resumed_by_the_next(bls, tmp_path):
    """A run killed mid-file leaves only a .part; the next run fetches just the remaining bytes."""
    path_on_server = "/cew/data/api/2020/a/area/39049.csv"
    expected = slice_bytes("a", "39049")

    def interrupt(event: dl.FetchProgress) -> None:
        if event.received:
            raise KeyboardInterrupt

    bls.plan[path_on_server] = ["drop"]  # stop the stream early so the run dies with part of the file on disk
    with pytest.raises(KeyboardInterrupt):
        fetch(bls, tmp_path, areas=["39049"], progress=interrupt)
    out = tmp_path / "out"
    held = (out / "qcew-2020-a-39049.csv.part").stat().st_size
    assert 0 < held < len(expected) and not (out / "qcew-2020-a-39049.csv").exists()

    (path,) = fetch(bls, tmp_path, areas=["39049"])
    assert bls.requests_for(path_on_server)[-1]["Range"] == f"bytes={held}-"
    assert sha(path.read_bytes()) == sha(expected)


def test_a_part_holding_every_byte_is_finished_without_downloading_again(bls, tmp_path):
    """Killed after the last byte but before the rename: the resume gets 416 (nothing left) and the .part is kept."""
    expected = slice_bytes("a", "39041")
    out = tmp_path / "out"
    out.mkdir()
    (out / "qcew-2020-a-39041.csv.part").write_bytes(expected)
    (path,) = fetch(bls, tmp_path, areas=["39041"])
    (request,) = bls.requests_for("/cew/data/api/2020/a/area/39041.csv")
    assert request["Range"] == f"bytes={len(expected)}-"
    assert sha(path.read_bytes()) == sha(expected)


def test_a_part_of_a_file_since_replaced_is_fetched_afresh(bls, tmp_path):
    """The .part was begun under another ETag: the server answers If-Range with the whole file, which replaces it."""
    expected = slice_bytes("a", "39049")
    url = f"{bls.url}/cew/data/api/2020/a/area/39049.csv"
    out = tmp_path / "out"
    out.mkdir()
    (out / "qcew-2020-a-39049.csv.part").write_bytes(b"area_fips,stale bytes of an older vintage\n")
    (out / "qcew-2020-a-39049.csv.part.json").write_text(f'{{"url": "{url}", "validator": "\\"old\\""}}')
    (path,) = fetch(bls, tmp_path, areas=["39049"])
    (request,) = bls.requests_for("/cew/data/api/2020/a/area/39049.csv")
    assert request["If-Range"] == '"old"'
    assert sha(path.read_bytes()) == sha(expected)


def test_a_complete_file_is_not_downloaded_again(bls, tmp_path):
    """The second run makes no request and reports the file as skipped."""
    fetch(bls, tmp_path, areas=["39041"])
    before = len(bls.log)
    events: list[dl.FetchProgress] = []
    (path,) = fetch(bls, tmp_path, areas=["39041"], progress=events.append)
    assert len(bls.log) == before
    size = len(slice_bytes("a", "39041"))
    assert events == [dl.FetchProgress("qcew-2020-a-39041.csv", 1, 1, size, size, skipped=True)]


@pytest.mark.parametrize("behaviour", ["html", "html-csv"])
def test_an_html_error_page_is_never_saved_as_data(bls, tmp_path, behaviour):
    """An HTML page, whether labelled text/html or text/csv, is refused and leaves no file behind."""
    bls.plan["/cew/data/api/2020/a/area/39049.csv"] = [behaviour]
    with pytest.raises(dl.QcewDownloadError, match=r"39049\.csv.*(HTML|not a QCEW CSV)"):
        fetch(bls, tmp_path, areas=["39049"])
    assert not list((tmp_path / "out").iterdir())


def test_a_missing_file_is_a_clear_error_and_the_others_still_arrive(bls, tmp_path):
    """2020 has no slice for 39999 on the server: the 404 names the URL; 39049 is still saved."""
    with pytest.raises(dl.QcewDownloadError) as err:
        fetch(bls, tmp_path, areas=["39999", "39049"])
    url = f"{bls.url}/cew/data/api/2020/a/area/39999.csv"
    assert err.value.failures[0][0] == url
    assert f"{url}: HTTP 404" in str(err.value) and "1 of 2" in str(err.value)
    assert [p.name for p in err.value.paths] == ["qcew-2020-a-39049.csv"]
    assert len(bls.requests_for("/cew/data/api/2020/a/area/39999.csv")) == 1  # a 404 is not retried


def cli() -> typer.Typer:
    """A throwaway app holding only what register_fetch adds."""
    app = typer.Typer()
    app.command("noop")(
        lambda: None
    )  # a second command keeps "fetch" a sub-command, as under `sectorhub lmi`
    dl.register_fetch(app)
    return app


def test_cli_fetches_areas_into_the_out_folder(bls, tmp_path, monkeypatch):
    """`fetch qcew --year 2020 --areas 39049,39041` saves both annual slices and prints their paths."""
    monkeypatch.setenv("SECTORHUB_QCEW_BASE_URL", bls.url)
    out = tmp_path / "dl"
    args = ["fetch", "qcew", "--year", "2020", "--areas", "39049,39041", "--out", str(out)]
    result = CliRunner().invoke(cli(), args)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(out / "qcew-2020-a-39049.csv"), str(out / "qcew-2020-a-39041.csv")]
    assert sha((out / "qcew-2020-a-39041.csv").read_bytes()) == sha(slice_bytes("a", "39041"))


def test_cli_state_fetches_every_ohio_county_and_quarter(bls, tmp_path, monkeypatch):
    """`--state OH --period Q` asks for 90 areas x 4 quarters; the four slices of each area hold BLS's rows.

    The stub serves BLS's 2016 by-area file of each area cut by its qtr column, standing in for the slices.
    """
    monkeypatch.setenv("SECTORHUB_QCEW_BASE_URL", bls.url)
    originals, header_of = {}, {}
    for path in BY_AREA.glob("*.csv.gz"):
        fips = path.name.split(" ")[1]
        header, *rows = gzip.decompress(path.read_bytes()).splitlines(keepends=True)
        originals[fips], header_of[fips] = rows, header
        for q in "1234":
            cut = [r for r in rows if r.split(b",", 7)[6] == f'"{q}"'.encode()]
            bls.files[f"/cew/data/api/2016/{q}/area/{fips}.csv"] = header + b"".join(cut)
    out = tmp_path / "oh"
    result = CliRunner().invoke(
        cli(), ["fetch", "qcew", "--year", "2016", "--state", "OH", "--period", "Q", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert len(result.stdout.split()) == 360
    for fips, rows in originals.items():
        parts = [(out / f"qcew-2016-{q}-{fips}.csv").read_bytes().splitlines(keepends=True) for q in "1234"]
        assert all(part[0] == header_of[fips] for part in parts), fips
        assert sorted(line for part in parts for line in part[1:]) == sorted(rows), fips


def test_cli_rejects_areas_with_state_and_reports_failures(bls, tmp_path, monkeypatch):
    """Both --areas and --state: usage error 2. A 404: exit status 1 with the URL on stderr."""
    monkeypatch.setenv("SECTORHUB_QCEW_BASE_URL", bls.url)
    both = ["fetch", "qcew", "--year", "2020", "--areas", "39049", "--state", "OH"]
    assert CliRunner().invoke(cli(), both).exit_code == 2
    missing = ["fetch", "qcew", "--year", "2019", "--areas", "39049", "--out", str(tmp_path)]
    result = CliRunner().invoke(cli(), missing)
    assert result.exit_code == 1
    assert f"{bls.url}/cew/data/api/2019/a/area/39049.csv: HTTP 404" in result.stderr
