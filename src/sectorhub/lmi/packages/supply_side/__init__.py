"""The supply side of a data package: its occupations-and-training section and the occupation page."""
