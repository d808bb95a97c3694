"""Seed the challenge-category list; the state edits it in the admin afterwards (it is data, not code)."""

from django.db import migrations

from sectorhub.capacity.migrations._defaults import CATEGORIES


def seed(apps, schema_editor):
    Category = apps.get_model("capacity", "ChallengeCategory")
    for order, (slug, name) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("capacity", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
