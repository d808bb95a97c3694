"""Reads for funding, by area. `selectors.public` is the one place that decides what an anonymous visitor sees."""
