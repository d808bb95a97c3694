"""SectorHub: launch, grow and sustain regional sector partnerships."""

__version__ = "0.1.0"
