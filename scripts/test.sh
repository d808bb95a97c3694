#!/usr/bin/env bash
# The README's test command (`make test`) runs this after `make install`: lint, migrations check, the suite.
# The suite runs on PostgreSQL where one is reachable (CI: 127.0.0.1:5432, trust auth) and on SQLite otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export SECTORHUB_DATA="${SECTORHUB_DATA:-$(cd .. && pwd)/shared/data}"
# Tests never touch the developer's ./var: each run gets a scratch home.
SECTORHUB_HOME="$(mktemp -d -t sectorhub-test-XXXXXX)"
export SECTORHUB_HOME
trap 'rm -rf "$SECTORHUB_HOME"' EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
    sleep 2
  fi
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/sectorhub"
    # The migrations check reads the history of this database; pytest-django makes its own test database.
    psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'sectorhub'" 2>/dev/null | grep -q 1 \
      || createdb -h 127.0.0.1 -U postgres sectorhub 2>/dev/null || true
    echo "test database: PostgreSQL at 127.0.0.1:5432"
  else
    echo "test database: SQLite (no PostgreSQL reachable at 127.0.0.1:5432)"
  fi
fi

$BIN/ruff check src tests bench
$BIN/ruff format --check src tests bench
$BIN/lint-imports --no-cache  # the layer contracts in pyproject.toml [tool.importlinter]
$BIN/python manage.py makemigrations --check --dry-run >/dev/null
set +e
$BIN/pytest -q -p no:cacheprovider "$@"
status=$?
set -e
# pytest exits 5 when nothing was collected: that is a failure of the suite, not a pass.
exit $status
