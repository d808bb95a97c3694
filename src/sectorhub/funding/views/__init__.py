"""Funding pages, by area. Views parse the request, call one selector or service, and render."""
