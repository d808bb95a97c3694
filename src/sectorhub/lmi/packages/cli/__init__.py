"""The package commands: ``sectorhub package`` and the supply options it reads."""
