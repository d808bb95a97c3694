"""Faults end in a page that says what happened and what to do: a database that does not answer, a request that
runs too long, an API refusal for any role; and `sectorhub web serve` stops all of gunicorn on SIGTERM/SIGINT."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connections

from sectorhub.core.roles import Role


@pytest.fixture
def unreachable_database(transactional_db):
    """Point the default connection at a database that cannot be reached (a closed port, or an SQLite file in a
    folder that does not exist), then restore it: yields a function that brings the database back."""
    conn = connections["default"]
    saved = dict(conn.settings_dict)
    conn.close()
    if conn.vendor == "postgresql":
        conn.settings_dict.update(HOST="127.0.0.1", PORT=_closed_port())
    else:
        conn.settings_dict["NAME"] = "/nonexistent-folder/sectorhub.sqlite3"

    def restore():
        conn.close()
        conn.settings_dict.clear()
        conn.settings_dict.update(saved)

    yield restore
    restore()


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_database_gives_a_503_page_without_a_traceback_and_the_app_recovers(
    client, unreachable_database, settings
):
    """Before: a bare 500 (or, with DEBUG, a traceback). Now 503 with Retry-After and a page that says what to
    do; the same client gets the dashboard once the database is back."""
    settings.DEBUG = True  # even in development the user sees the explanation, not the technical page
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "The database is not answering" in body and "Nothing you submitted was saved" in body
    assert "Traceback" not in body and "OperationalError" not in body
    api = client.get("/api/partnerships")
    assert api.status_code == 503 and api["Content-Type"] == "application/json"
    assert "database is not answering" in api.json()["detail"]

    unreachable_database()
    assert client.get("/").status_code == 200
    assert client.get("/api/partnerships").status_code == 200


def test_a_request_past_the_timeout_gets_a_took_too_long_page(client, db, settings, monkeypatch):
    """A view that would run 5 s under a 0.3 s guard is stopped; the user reads what happened (503)."""
    from sectorhub.partnerships import selectors

    assert client.get("/").status_code == 200  # imports warm, as in a running server
    settings.SECTORHUB_REQUEST_TIMEOUT = 0.3
    monkeypatch.setattr(selectors, "partnership_detail", lambda user, pk: time.sleep(5))
    started = time.monotonic()
    response = client.get("/partnerships/1/")
    assert time.monotonic() - started < 3
    assert response.status_code == 503
    body = response.content.decode()
    assert "This page took too long" in body and "Try again in a minute" in body
    assert client.get("/").status_code == 200  # the alarm is off again


def test_an_unexpected_error_gets_the_explained_500_page(client, db, settings, monkeypatch):
    """DEBUG off (production): an unexpected exception shows the 500 page that says what to do."""
    from sectorhub.partnerships import selectors

    settings.DEBUG = False
    client.raise_request_exception = False

    def boom(user):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "goal_results", boom)
    response = client.get("/goals/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "tell the state" in response.content.decode()
    api = client.get("/api/goals")
    assert api.status_code == 500 and "detail" in api.json()


@pytest.mark.parametrize("role", [Role.GRANT_REVIEWER, Role.ANALYST])
def test_a_read_only_role_refused_on_an_api_write_gets_json(client, make_user, role):
    """Before: a reviewer or analyst POSTing to /api/partnerships got Django's HTML 403 page."""
    client.force_login(make_user(role))
    response = client.post("/api/partnerships", {}, content_type="application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Your role does not allow this."}


# --- sectorhub web serve and signals -----------------------------------------------------------------------------


def _free_port() -> int:
    """A port in this worktree's range (8100-8199) that nothing listens on."""
    for port in range(8190, 8200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8190-8199")


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_stops_gunicorn_and_every_worker_on_a_signal(tmp_path, signum):
    """Start `sectorhub web serve` (SQLite in a scratch home, 2 workers), wait until it answers, send the signal
    to the serve process: it exits, the port is free, and neither worker survives (before: the workers went on
    serving after the serve process died)."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(SECTORHUB_HOME=str(tmp_path), DJANGO_DEBUG="0")
    sectorhub = Path(sys.executable).with_name("sectorhub")
    proc = subprocess.Popen(
        [str(sectorhub), "web", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while not (_listening(port) and len(_children(proc.pid)) == 2):
            assert proc.poll() is None, "serve exited before listening"
            assert time.monotonic() < deadline, "serve did not start within 90 s"
            time.sleep(0.3)
        workers = _children(proc.pid)
        proc.send_signal(signum)
        assert proc.wait(timeout=30) is not None
        deadline = time.monotonic() + 15
        while (_listening(port) or any(_alive(w) for w in workers)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port)
        assert not [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
