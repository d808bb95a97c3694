"""Every package and estimates setting is documented, by name, in docs/methods-estimates.md."""

from __future__ import annotations

from pathlib import Path

from sectorhub.lmi import estimates
from sectorhub.lmi.packages.building import settings

DOC = Path(__file__).resolve().parents[3] / "docs/methods-estimates.md"


def test_every_package_and_estimate_setting_is_documented():
    """A setting added in code without a line in the methods page fails here."""
    text = DOC.read_text()
    missing = [s.name for s in (*settings.SETTINGS, *estimates.SETTINGS) if f"`{s.name}`" not in text]
    assert not missing, f"undocumented settings: {missing}"


def test_unknown_package_settings_are_refused():
    """A typo in an override is an error, not a silent default."""
    import pytest

    with pytest.raises(KeyError):
        settings.resolve({"target_lq": 1.2})
    assert settings.resolve({"target_lq_threshold": "1.25"})["target_lq_threshold"] == 1.25
