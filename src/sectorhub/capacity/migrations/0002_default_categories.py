"""Seed the challenge-category list; the state edits it in the admin afterwards (it is data, not code)."""

from django.db import migrations

CATEGORIES = [
    ("employer-engagement", "Employer engagement"),
    ("convener-capacity", "Convener capacity"),
    ("data-use", "Data use"),
    ("funding-sustainability", "Funding and sustainability"),
    ("partner-alignment", "Partner alignment"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("capacity", "ChallengeCategory")
    for order, (slug, name) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("capacity", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
