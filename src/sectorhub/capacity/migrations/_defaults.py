"""The challenge categories seeded at install (the state edits the list in the admin afterwards)."""

CATEGORIES = [
    ("employer-engagement", "Employer engagement"),
    ("convener-capacity", "Convener capacity"),
    ("data-use", "Data use"),
    ("funding-sustainability", "Funding and sustainability"),
    ("partner-alignment", "Partner alignment"),
]
