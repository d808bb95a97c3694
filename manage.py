#!/usr/bin/env python
"""Django's command-line utility, for migrations and checks; day-to-day commands live in `sectorhub`."""

import os
import sys


def main() -> None:
    """Run a Django management command with SectorHub's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sectorhub.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
