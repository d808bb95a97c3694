"""The partnership registry: partnerships, organizations, memberships, phases, quality, meetings, goals."""
