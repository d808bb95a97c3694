"""The package builder: what a data package says (the model, its figures, classes, settings and caching)."""
