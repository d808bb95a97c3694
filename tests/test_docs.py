"""Documentation that must match the code: the CLI reference and every engine setting."""

from __future__ import annotations

from pathlib import Path

from sectorhub import clidocs
from sectorhub.lmi import measures

ROOT = Path(__file__).resolve().parents[1]


def test_docs_cli_md_is_the_real_help_output():
    """docs/cli.md is regenerated with `python -m sectorhub.clidocs > docs/cli.md` after a command changes."""
    assert (ROOT / "docs/cli.md").read_text() == clidocs.render()


def test_every_engine_setting_is_documented_in_methods_md():
    """Each declared engine parameter appears, by name, in docs/methods.md."""
    text = (ROOT / "docs/methods.md").read_text()
    missing = [s.name for s in measures.SETTINGS if f"`{s.name}`" not in text]
    assert not missing, f"undocumented settings: {missing}"
