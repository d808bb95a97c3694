"""The one SectorHub command line: ``sectorhub lmi ...`` for the engine, web and data-package commands beside it.

Each command group lives with the code it drives and registers itself here; `sectorhub lmi` never sets up Django.
Groups load lazily: ``sectorhub lmi load`` imports only ``sectorhub.lmi.cli`` (not pandas, Altair or Django, which
the package and web commands need), so the CLI starts in about the time Python takes to import DuckDB and Polars.
``sectorhub --help`` loads every group to list them.
"""

from __future__ import annotations

import importlib

import click
import typer
import typer.core

# Which module adds each top-level command; each module defines register(app). The order is --help's order.
COMMAND_MODULES: dict[str, str] = {
    "occupations": "sectorhub.lmi.supply.cli",
    "pathways": "sectorhub.lmi.supply.cli",
    "lmi": "sectorhub.lmi.cli",
    "package": "sectorhub.lmi.packages.cli.package",
    "outcomes": "sectorhub.lmi.outcomes_cli",
    "data": "sectorhub.data_cli",
    "performance": "sectorhub.performance.cli",
    "web": "sectorhub.web_cli",
    "demo": "sectorhub.web_cli",
    "backup": "sectorhub.web_cli",
    "restore": "sectorhub.web_cli",
}


class LazyGroup(typer.core.TyperGroup):
    """The root group: a command's module is imported when that command is looked up, not before.

    A missing public data file ends every command the same way, once, without a traceback.
    """

    def _load(self, module: str) -> None:
        holder = typer.Typer()
        importlib.import_module(module).register(holder)
        for name, command in typer.main.get_group(holder).commands.items():
            self.commands.setdefault(name, command)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            self._load(COMMAND_MODULES[cmd_name])
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMAND_MODULES if self.get_command(ctx, name) is not None]

    def invoke(self, ctx):
        from sectorhub.paths import MissingDataError

        try:
            return super().invoke(ctx)
        except MissingDataError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="sectorhub",
    help="SectorHub: sector partnerships, the labor-market engine and regional data packages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LazyGroup,
)


@app.callback()
def _root() -> None:
    """SectorHub: sector partnerships, the labor-market engine and regional data packages."""


def full_command() -> click.Group:
    """The root command with every group loaded (for ``sectorhub.clidocs``, which walks them all)."""
    group = typer.main.get_command(app)
    group.list_commands(click.Context(group))
    return group


if __name__ == "__main__":  # pragma: no cover
    app()
