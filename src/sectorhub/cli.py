"""The one SectorHub command line: ``sectorhub lmi ...`` for the engine, web and data-package commands beside it.

Each command group lives with the code it drives and registers itself here; `sectorhub lmi` never sets up Django.
"""

from __future__ import annotations

import importlib

import typer
from typer.core import TyperGroup


class _Root(TyperGroup):
    """The root command: a missing public data file ends every command the same way, once, without a traceback."""

    def invoke(self, ctx):
        from sectorhub.paths import MissingDataError

        try:
            return super().invoke(ctx)
        except MissingDataError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="sectorhub",
    cls=_Root,
    help="SectorHub: sector partnerships, the labor-market engine and regional data packages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that add commands to the CLI; each defines register(app).
COMMAND_MODULES = (
    "sectorhub.lmi.cli",
    "sectorhub.lmi.supply.cli",
    "sectorhub.lmi.packages.cli",
    "sectorhub.lmi.outcomes_cli",
    "sectorhub.performance.cli",
    "sectorhub.web_cli",
    "sectorhub.data_cli",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
