"""The root CLI loads a command group only when it is used, so `sectorhub lmi ...` starts fast."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "altair", "ibis", "vl_convert", "weasyprint", "django", "httpx", "sklearn", "openpyxl")

PROBE = """
import json, sys
from typer.testing import CliRunner
from sectorhub.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
assert result.exit_code == 0, result.output
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy})))
"""


def _loaded_after(*args: str) -> list[str]:
    code = PROBE.format(heavy=repr(set(HEAVY)))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [("lmi", "--help"), ("lmi", "load", "--help"), ("lmi", "region", "--help"), ("lmi", "fetch", "--help")],
)
def test_engine_commands_start_without_pandas_altair_ibis_or_django(args):
    """Nothing heavier than DuckDB and Polars is imported before an engine command runs."""
    assert _loaded_after(*args) == []


def test_root_help_still_lists_every_command_group():
    """`sectorhub --help` loads every group, in the order of COMMAND_MODULES."""
    from typer.testing import CliRunner

    from sectorhub.cli import COMMAND_MODULES, app

    out = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200", "NO_COLOR": "1"}).output
    commands = out[out.index("Commands") :]  # the commands panel: one "│ name  help" line per command
    listed = [line.strip("│ ").split()[0] for line in commands.splitlines()[1:] if line.strip("│ ─╭╮╰╯")]
    assert listed == list(COMMAND_MODULES)


def test_an_unknown_command_is_refused_with_usage():
    """A misspelt command exits 2 with click's message, not a traceback."""
    from typer.testing import CliRunner

    from sectorhub.cli import app

    result = CliRunner().invoke(app, ["lmx"])
    assert result.exit_code == 2
    assert "No such command" in result.output
