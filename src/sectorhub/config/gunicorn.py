"""gunicorn settings for ``sectorhub web serve`` (``gunicorn -c python:sectorhub.config.gunicorn``).

The app is loaded once in the master (``preload_app``), which also imports the engine's package builder and
renderers and reads the reference tables (O*NET profiles, OEWS staffing patterns) before it forks: every worker
starts with them in memory. Each worker then warms its own store connection (compiled region queries, WeasyPrint's
fonts) in a background thread before its first request is served: a request that arrives meanwhile waits for that
thread (it holds the engine lock), so no user pays a cold build. A package build that is still slow runs in the
background while the page polls (see ``datapackages.building``), so nothing runs into ``timeout``.
"""

from __future__ import annotations

preload_app = True
# A PDF of a large region on a busy machine takes seconds; the limit is for stuck workers, not slow ones.
timeout = 120
graceful_timeout = 30


def when_ready(server) -> None:
    """In the master, before the first worker is forked: imports and reference tables (no database)."""
    from sectorhub.datapackages.building import warm_process

    timings = warm_process()
    server.log.info("warm: %s", ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


def post_worker_init(worker) -> None:
    """In each worker, before it serves: open the store and build one small package, in the background."""
    from sectorhub.datapackages.building import warm_worker

    warm_worker(worker.log)
