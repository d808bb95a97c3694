"""Load benchmark for the web app: 500 partnerships on PostgreSQL behind gunicorn, 50 concurrent clients.

Run: ``.venv/bin/python -m bench.web_load`` (options: ``--help``). Needs a PostgreSQL server
(``BENCH_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/postgres``); the benchmark creates and
drops its own database ``sectorhub_bench``. The app runs with production settings, so every request carries
``X-Forwarded-Proto: https`` as the TLS proxy in front of gunicorn would send it.

Each client sends requests back to back (a closed loop, no think time; `--think` adds pauses like a person reading)
for the measured period after a warm-up.
Clients cycle through the dashboard, the partnership list (random page and filters), a partnership's page, the
goals, a region's page and the API lists; signed-in clients (state staff) also ask for a warm package page (the
Franklin County area, from the shared QCEW files loaded into the bench's own engine store, or `--store`). The baseline, measured in the same run against the same server, is the health check
(one trivial query): the ratio says how much each page costs beyond the framework itself.
Results print as a table and are written to bench/out/web_load.json. Targets: p95 < 300 ms for every registry page
and API list, < 2 s for the package page, no errors. ``--seconds`` (default 300) sets the measured period;
``--smoke`` runs a 10-second check.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
# One database per run, so benchmarks run by others on the same server never collide.
BENCH_DB = os.environ.get("BENCH_DB_NAME", f"sectorhub_bench_{os.getpid()}")
REGISTRY_TARGET_MS = 300  # p95 for every registry page and API list
PACKAGE_TARGET_MS = 2000  # p95 for the warm package page
QCEW_FOLDERS = ("qcew/2016.q1-q4.by_area", "qcew/2020.open_data_slices")
LOAD_STORE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sectorhub.lmi.store import Store
    store = Store.open()
    try:
        store.load([Path(sys.argv[1]) / f for f in sys.argv[2:]])
    finally:
        store.close()
    """
)

SEED = textwrap.dedent(
    """
    import random, sys
    import django
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from sectorhub.partnerships.demo import load_demo
    from sectorhub.partnerships.models import (Industry, Membership, Organization, OrganizationKind, Partnership,
        Phase)
    from sectorhub.regions.models import Region

    total = int(sys.argv[1])
    load_demo(password="bench-password-not-used")
    rng = random.Random(7)
    regions = list(Region.objects.all())
    phases = list(Phase.objects.all())
    industries = list(Industry.objects.filter(code__regex=r"^[0-9]{3,4}$"))
    board = Organization.objects.filter(kind=OrganizationKind.WORKFORCE_BOARD).first()
    orgs = Organization.objects.bulk_create(
        [Organization(name=f"Bench employer {i}", kind=OrganizationKind.BUSINESS) for i in range(2000)]
    )
    have = Partnership.objects.count()
    new = Partnership.objects.bulk_create([
        Partnership(name=f"Bench partnership {i:03d}", region=rng.choice(regions), convener=board,
                    phase=rng.choice(phases), is_public=rng.random() < 0.9)
        for i in range(total - have)
    ])
    Through = Partnership.industries.through
    Through.objects.bulk_create([
        Through(partnership_id=p.pk, industry_id=ind.pk) for p in new for ind in rng.sample(industries, 2)
    ])
    Membership.objects.bulk_create([
        Membership(partnership=p, organization=o, role="member") for p in new for o in rng.sample(orgs, 6)
    ])
    staff = get_user_model().objects.get(username="staff")
    session = SessionStore()
    session["_auth_user_id"] = str(staff.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = staff.get_session_auth_hash()
    session.create()
    import json
    public = list(Partnership.objects.filter(is_public=True).values_list("pk", flat=True)[:200])
    package = Region.objects.get(name="Demo LWA: Franklin County").pk
    print(json.dumps({"count": Partnership.objects.count(), "regions": [r.pk for r in regions][:40],
                      "public": public, "package_region": package, "cookie": session.session_key}))
    """
)


def _free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _reset_database(admin_url: str) -> str:
    """Drop and create the benchmark database; return its URL."""
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        con.execute(f"CREATE DATABASE {BENCH_DB}")
    base, _, _name = admin_url.rpartition("/")
    return f"{base}/{BENCH_DB}"


def _run(env: dict, *args: str) -> str:
    """Run a command with the app's environment; raise with its output if it fails."""
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


async def _get(host: str, port: int, path: str, cookie: str) -> int:
    """One GET over a fresh loopback connection; returns the status (0 on a connection error).

    A bare HTTP/1.1 request keeps the load generator's own CPU use small next to the server's on a small machine.
    """
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n"
        + (f"Cookie: sessionid={cookie}\r\n" if cookie else "")
        + "\r\n"
    )
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(request.encode())
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # the server closes the connection after the body
        writer.close()
        return int(status_line.split()[1])
    except (OSError, IndexError, ValueError):
        return 0


async def _client(base, paths, cookie, deadline, warmup_end, samples, rng, think=0.0):
    """One client: requests until the deadline (pausing `think` seconds between them), recording each one."""
    host, port = base.removeprefix("http://").split(":")
    i = rng.randrange(2)
    while time.perf_counter() < deadline:
        kind, make = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        status = await _get(host, int(port), make(rng), cookie)
        end = time.perf_counter()
        if start >= warmup_end:
            samples.append((kind, end - start, status, bool(cookie)))
        if think:
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think)


def _percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def _summarize(samples, seconds) -> dict:
    """p50/p95/p99 in milliseconds, requests per second and errors, per page and overall."""
    table = {}
    groups = {kind: (lambda s, k=kind: s[0] == k) for kind in sorted({s[0] for s in samples})}
    groups["pages, public"] = lambda s: s[0] != "baseline" and not s[3]
    groups["pages, signed in"] = lambda s: s[0] != "baseline" and s[3]
    groups["all pages"] = lambda s: s[0] != "baseline"
    for kind, keep in groups.items():
        rows = [s for s in samples if keep(s)]
        if not rows:
            continue
        times = [s[1] * 1000 for s in rows]
        table[kind] = {
            "requests": len(rows),
            "per_second": round(len(rows) / seconds, 1),
            "p50_ms": round(_percentile(times, 0.50), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "p99_ms": round(_percentile(times, 0.99), 1),
            "mean_ms": round(statistics.fmean(times), 1),
            "errors": sum(1 for s in rows if s[2] != 200),
        }
    return table


def _pages(seed: dict, *, signed_in: bool, package: bool) -> list:
    """The mix a client cycles through: registry pages, API lists and (signed in) the warm package page."""
    region_ids, public = seed["regions"], seed["public"]
    pages = [
        ("dashboard", lambda rng: "/"),
        (
            "partnership list",
            lambda rng: rng.choice(
                [
                    "/partnerships/",
                    f"/partnerships/?page={rng.randint(1, 20)}",
                    f"/partnerships/?region={rng.choice(region_ids)}",
                    "/partnerships/?phase=launched",
                ]
            ),
        ),
        ("partnership detail", lambda rng: f"/partnerships/{rng.choice(public)}/"),
        ("goals", lambda rng: "/goals/"),
        ("region page", lambda rng: f"/regions/{rng.choice(region_ids)}/"),
        (
            "API lists",
            lambda rng: rng.choice(["/api/partnerships", "/api/regions/", "/api/goals", "/api/phases"]),
        ),
    ]
    if signed_in and package:
        pages.append(("package page (warm)", lambda rng: f"/regions/{seed['package_region']}/package/"))
    return pages


async def _prewarm(base: str, seed: dict, workers: int) -> list[int]:
    """Ask for the package page twice per worker at once, so each worker has imported the engine before the
    measured period (a deployment warms up the same way after a restart; the figures are for the warm page)."""
    host, port = base.removeprefix("http://").split(":")
    path = f"/regions/{seed['package_region']}/package/"
    return list(
        await asyncio.gather(*[_get(host, int(port), path, seed["cookie"]) for _ in range(2 * workers)])
    )


async def _load(base, seed, clients, signed_in, seconds, warmup, baseline_clients, think, package):
    """Run the clients and the baseline together; return the samples."""
    cookie = seed["cookie"]
    baseline = [("baseline", lambda rng: "/health/")]
    samples: list = []
    now = time.perf_counter()
    warmup_end, deadline = now + warmup, now + warmup + seconds
    tasks = [
        _client(
            base,
            _pages(seed, signed_in=i < signed_in, package=package),
            cookie if i < signed_in else "",
            deadline,
            warmup_end,
            samples,
            random.Random(i),
            think,
        )
        for i in range(clients)
    ]
    tasks += [
        _client(base, baseline, "", deadline, warmup_end, samples, random.Random(1000 + i), think)
        for i in range(baseline_clients)
    ]
    await asyncio.gather(*tasks)
    return samples


def main(argv: list[str] | None = None) -> int:
    """Set up the database and server, run the load, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partnerships", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--signed-in", type=int, default=10, help="how many of the clients are signed in")
    parser.add_argument("--seconds", type=float, default=300.0, help="measured period (default 5 minutes)")
    parser.add_argument("--warmup", type=float, default=10.0)
    parser.add_argument(
        "--smoke", action="store_true", help="a quick check: 100 partnerships, 10 s measured, 3 s warm-up"
    )
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("BENCH_PORT", "0")), help="gunicorn port"
    )
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="copy this engine store (lmi.duckdb and its .parts folder) for the package page instead of loading "
        "the shared QCEW files",
    )
    parser.add_argument("--no-package", action="store_true", help="leave the package page out")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default cores + 1)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause between a client's requests, seconds (0: back to back)",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.partnerships, args.seconds, args.warmup = 100, 10.0, 3.0

    admin_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    home = Path(tempfile.mkdtemp(prefix="sectorhub-bench-"))
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECTORHUB_ENV", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="sectorhub.config.settings",
        SECTORHUB_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_EMAIL_BACKEND="dummy",  # production requires SMTP or a named backend; the bench sends no mail
        DATABASE_URL=_reset_database(admin_url),
        SECTORHUB_HOME=str(home),
        SECTORHUB_LOG_LEVEL="WARNING",
        # A worker's first package page imports the engine (pandas, Ibis): on a loaded machine that can pass the
        # usual 25 s guard, so the bench allows more and warms every worker before measuring (_prewarm).
        SECTORHUB_REQUEST_TIMEOUT="150",
    )
    python = sys.executable
    print(f"Preparing: migrate, collectstatic, seed {args.partnerships} partnerships ...", flush=True)
    _run(env, python, "manage.py", "migrate", "--noinput")
    _run(env, python, "manage.py", "collectstatic", "--noinput")
    seed = json.loads(_run(env, python, "-c", SEED, str(args.partnerships)).strip().splitlines()[-1])
    count = seed["count"]
    package = not args.no_package
    if package and args.store:
        shutil.copy2(args.store, home / "lmi.duckdb")
        shutil.copytree(Path(f"{args.store}.parts"), home / "lmi.duckdb.parts")
    elif package:
        print("Loading the shared QCEW files into the engine store for the package page ...", flush=True)
        data = os.environ.get("SECTORHUB_DATA", str(ROOT.parent / "shared" / "data"))
        _run(env, python, "-c", LOAD_STORE, data, *QCEW_FOLDERS)

    # cores + 1 measured better than gunicorn's usual 2 x cores + 1 on a 2-core machine (docs/web.md).
    workers = args.workers or (os.cpu_count() or 1) + 1
    port = args.port or _free_port()
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "sectorhub.config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--threads", str(args.threads), "--log-level", "warning", "--timeout", "180"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/health/", headers={"X-Forwarded-Proto": "https"}).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        if package:
            started = time.perf_counter()
            statuses = asyncio.run(_prewarm(base, seed, workers))
            print(f"Pre-warm: {len(statuses)} package pages at once (every worker imports the engine once) in "
                  f"{time.perf_counter() - started:.1f} s, statuses {sorted(set(statuses))}", flush=True)  # fmt: skip
        print(f"Load: {args.clients} clients ({args.signed_in} signed in; think time {args.think} s) + 2 baseline clients, "
              f"{args.warmup:.0f} s warm-up, {args.seconds:.0f} s measured; gunicorn {workers} workers "
              f"x {args.threads} threads; {count} partnerships", flush=True)  # fmt: skip
        samples = asyncio.run(
            _load(
                base,
                seed,
                args.clients,
                args.signed_in,
                args.seconds,
                args.warmup,
                2,
                args.think,
                package,
            )
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        with psycopg.connect(admin_url, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        shutil.rmtree(home, ignore_errors=True)

    table = _summarize(samples, args.seconds)
    print(f"\n{'page':<20}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for kind, row in table.items():
        print(f"{kind:<20}{row['requests']:>9}{row['per_second']:>8}{row['p50_ms']:>9}{row['p95_ms']:>9}"
              f"{row['p99_ms']:>9}{row['errors']:>8}")  # fmt: skip
    ratio = table["all pages"]["p95_ms"] / table["baseline"]["p95_ms"]
    pages = [k for k in table if k not in {"baseline", "all pages", "pages, public", "pages, signed in"}]
    missed = [
        k
        for k in pages
        if table[k]["p95_ms"] >= (PACKAGE_TARGET_MS if k.startswith("package") else REGISTRY_TARGET_MS)
        or table[k]["errors"]
    ]
    target = not missed
    load = os.getloadavg()[0]
    print(
        f"\nLoad average at the end: {load:.1f} on {os.cpu_count()} cores (other processes share the machine)."
    )
    print(f"p95 of the pages is {ratio:.1f}x the health-check baseline. Targets p95 < {REGISTRY_TARGET_MS} ms "
          f"(registry pages, API lists), < {PACKAGE_TARGET_MS} ms (package page), no errors: "
          f"{'met' if target else 'NOT met: ' + ', '.join(missed)}.")  # fmt: skip
    OUT.mkdir(parents=True, exist_ok=True)
    result = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()} | {"workers": workers, "partnerships": int(count)}, "results": table,
              "p95_ratio_to_baseline": round(ratio, 2), "target_met": target, "missed": missed, "cpu_count": os.cpu_count(),
              "load_average": round(load, 2)}  # fmt: skip
    (OUT / "web_load.json").write_text(json.dumps(result, indent=2))
    return 0 if target else 1


if __name__ == "__main__":
    sys.exit(main())
