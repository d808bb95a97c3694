"""Shared web foundations: users and roles, the permission map, audit history, USWDS templates."""
