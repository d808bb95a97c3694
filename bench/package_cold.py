"""A region's data package against a fresh server: the first page and PDF, the warm figures, and load.

Run after ``sectorhub demo load`` with the same environment (DATABASE_URL, SECTORHUB_DATA, SECTORHUB_HOME)::

    .venv/bin/python -m bench.package_cold [--region 1] [--port 8240] [--clients 10 50] [--seconds 20]

The benchmark copies the loaded store into a new, empty SECTORHUB_HOME (no cached package, no cached O*NET
profiles: a server started for the first time on this data), starts ``sectorhub web serve`` on it, waits until
the server answers and its workers are warm, then, signed in as state staff:

* cold: the first request of ``/regions/<id>/package/`` and of ``package.pdf`` (seconds to the complete
  response; a page that says "building" and polls counts until the package is on it);
* warm: the same requests again (median of five), and the JSON download;
* load: N clients asking for the same package page back to back for ``--seconds`` (p50, p95, requests a second).

Targets (issue 12): cold page < 3 s and PDF < 8 s, both 200; warm HTML/JSON < 2 s, PDF < 10 s; p95 < 2 s at 50
clients. Results print as a table and go to ``bench/out/package_cold.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent

SESSION = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sectorhub.config.settings")
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
staff = get_user_model().objects.get(username="staff")
s = SessionStore()
s["_auth_user_id"] = str(staff.pk)
s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
s["_auth_user_hash"] = staff.get_session_auth_hash()
s.create()
print(s.session_key)
"""


def log(msg: str) -> None:
    print(f"[package-cold] {msg}", file=sys.stderr, flush=True)


def fresh_home(source: Path) -> Path:
    """A new SECTORHUB_HOME holding a copy of the loaded store (and nothing cached)."""
    home = Path(tempfile.mkdtemp(prefix="sectorhub-bench-home-"))
    shutil.copy2(source / "lmi.duckdb", home / "lmi.duckdb")
    if (source / "lmi.duckdb.parts").is_dir():
        shutil.copytree(source / "lmi.duckdb.parts", home / "lmi.duckdb.parts")
    return home


def timed_get(client: httpx.Client, url: str, *, until_built: bool = False) -> tuple[float, int, int]:
    """(seconds, status, bytes) of a GET; with ``until_built``, polls while the page says it is building."""
    t = time.perf_counter()
    while True:
        r = client.get(url, timeout=180)
        if not (until_built and r.status_code == 200 and "sh-package-building" in r.text):
            return time.perf_counter() - t, r.status_code, len(r.content)
        time.sleep(0.5)


async def load(base: str, path: str, cookie: str, clients: int, seconds: float) -> dict:
    """N clients requesting ``path`` back to back for ``seconds``: latencies and throughput."""
    samples: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def one(client: httpx.AsyncClient):
        nonlocal errors
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            r = await client.get(path)
            if r.status_code != 200 or "sh-package-building" in r.text:
                errors += 1
            samples.append(time.perf_counter() - t)

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(
        base_url=base, cookies={"sessionid": cookie}, timeout=180, limits=limits
    ) as client:
        started = time.perf_counter()
        await asyncio.gather(*(one(client) for _ in range(clients)))
        took = time.perf_counter() - started
    samples.sort()
    return {
        "clients": clients,
        "requests": len(samples),
        "errors": errors,
        "p50_s": statistics.median(samples),
        "p95_s": samples[int(0.95 * (len(samples) - 1))],
        "per_second": len(samples) / took,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.package_cold", description=__doc__.split("\n")[0])
    ap.add_argument("--region", type=int, default=1, help="the region's id (default 1, the demo's first)")
    ap.add_argument("--port", type=int, default=8240)
    ap.add_argument("--clients", type=int, nargs="*", default=[10, 50])
    ap.add_argument("--seconds", type=float, default=20.0, help="seconds of each load run")
    ap.add_argument(
        "--workers", type=int, default=0, help="gunicorn workers (0: the serve command's default)"
    )
    args = ap.parse_args(argv)

    source = Path(os.environ.get("SECTORHUB_HOME", "var")).resolve()
    if not (source / "lmi.duckdb").exists():
        log(f"no store at {source}/lmi.duckdb: run `sectorhub demo load` first")
        return 2
    home = fresh_home(source)
    env = {**os.environ, "SECTORHUB_HOME": str(home)}
    cookie = subprocess.run(
        [str(BIN / "python"), "-c", SESSION], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()[-1]
    base = f"http://127.0.0.1:{args.port}"
    page = f"/regions/{args.region}/package/"
    server_log = home / "server.log"
    command = [str(BIN / "sectorhub"), "web", "serve", "--port", str(args.port)]
    command += ["--workers", str(args.workers)] if args.workers else []
    started = time.perf_counter()
    log(f"starting {' '.join(command)} on a fresh home {home}")
    with server_log.open("w") as out:
        server = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    results: dict = {"region": args.region}
    try:
        with httpx.Client(base_url=base, cookies={"sessionid": cookie}) as client:
            while True:
                try:
                    client.get("/", timeout=5)
                    break
                except httpx.TransportError:
                    if server.poll() is not None:
                        raise SystemExit(f"the server stopped; see {server_log}") from None
                    time.sleep(0.5)
            results["server_ready_s"] = time.perf_counter() - started
            workers = args.workers or 2 * (os.cpu_count() or 1) + 1
            while server_log.read_text().count("worker warm:") < workers:
                time.sleep(0.5)
            results["workers_warm_s"] = time.perf_counter() - started
            log(
                f"server answers after {results['server_ready_s']:.1f} s, workers warm after "
                f"{results['workers_warm_s']:.1f} s"
            )
            for name, url, poll in (
                ("cold page", page, True),
                ("cold pdf", f"/regions/{args.region}/package.pdf", False),
            ):
                seconds, status, size = timed_get(client, url, until_built=poll)
                results[name] = {"seconds": seconds, "status": status, "bytes": size}
                log(f"{name}: {seconds:.2f} s, HTTP {status}, {size:,} bytes")
            for name, url in (
                ("warm page", page),
                ("warm json", f"/regions/{args.region}/package.json"),
                ("warm pdf", f"/regions/{args.region}/package.pdf"),
            ):
                runs = [timed_get(client, url) for _ in range(5)]
                results[name] = {
                    "seconds": statistics.median(r[0] for r in runs),
                    "status": max(r[1] for r in runs),
                    "bytes": runs[-1][2],
                }
                log(f"{name}: {results[name]['seconds']:.3f} s (median of 5)")
        results["load"] = []
        for n in args.clients:
            row = asyncio.run(load(base, page, cookie, n, args.seconds))
            results["load"].append(row)
            log(
                f"{n} clients: p50 {row['p50_s']:.2f} s, p95 {row['p95_s']:.2f} s, "
                f"{row['per_second']:.1f} requests/s, {row['errors']} errors"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(home, ignore_errors=True)
    print(f"\nData package, region {args.region}, fresh server (load average {os.getloadavg()[0]:.1f})")
    print(f"{'request':<12} {'cold s':>8} {'warm s':>8}  target")
    print(
        f"{'page':<12} {results['cold page']['seconds']:>8.2f} {results['warm page']['seconds']:>8.3f}  "
        "cold < 3, warm < 2"
    )
    print(
        f"{'pdf':<12} {results['cold pdf']['seconds']:>8.2f} {results['warm pdf']['seconds']:>8.3f}  "
        "cold < 8, warm < 10"
    )
    print(f"{'json':<12} {'':>8} {results['warm json']['seconds']:>8.3f}  warm < 2")
    for row in results["load"]:
        print(
            f"{row['clients']} clients: p50 {row['p50_s']:.2f} s, p95 {row['p95_s']:.2f} s, "
            f"{row['per_second']:.1f} requests/s, {row['errors']} errors ({row['requests']} requests)"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "package_cold.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
