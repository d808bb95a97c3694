"""States, counties and regions (named sets of counties) with county maps."""
