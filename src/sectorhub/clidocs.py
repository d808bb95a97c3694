"""Write ``docs/cli.md`` from the real ``--help`` output of every command (a test checks it is current).

Run ``python -m sectorhub.clidocs > docs/cli.md`` after changing a command.
"""

from __future__ import annotations

import os

from typer.testing import CliRunner


def _walk(group, path: list[str]):
    yield path
    if hasattr(group, "commands"):
        for name in sorted(group.commands):
            yield from _walk(group.commands[name], [*path, name])


def render() -> str:
    """The Markdown page: one section per command with its help text."""
    from sectorhub.cli import app, full_command

    os.environ.setdefault("COLUMNS", "100")
    os.environ["TERM"] = "dumb"
    root = full_command()
    runner = CliRunner()
    parts = [
        "# The `sectorhub` command line\n",
        "Generated from the commands' own `--help` by `python -m sectorhub.clidocs`; a test keeps it current.\n",
    ]
    for path in _walk(root, []):
        result = runner.invoke(
            app, [*path, "--help"], env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
        )
        title = " ".join(["sectorhub", *path])
        text = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts.append(f"## `{title}`\n\n```\n{text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
