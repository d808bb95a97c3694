"""Load the default lifecycle phases and the five-trait quality definition (a state may edit or replace them)."""

from django.db import migrations

from sectorhub.partnerships.defaults import PHASES, QUALITY_CRITERIA


def load(apps, schema_editor):
    """Create the default phases and criteria where they are missing."""
    Phase = apps.get_model("partnerships", "Phase")
    Criterion = apps.get_model("partnerships", "QualityCriterion")
    for order, (slug, name, active) in enumerate(PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order * 10, "is_active": active}
        )
    for order, (key, name, description) in enumerate(QUALITY_CRITERIA, start=1):
        Criterion.objects.get_or_create(
            key=key, defaults={"name": name, "description": description, "order": order}
        )


def unload(apps, schema_editor):
    """Remove the defaults (only when nothing refers to them)."""
    apps.get_model("partnerships", "Phase").objects.filter(slug__in=[p[0] for p in PHASES]).delete()
    apps.get_model("partnerships", "QualityCriterion").objects.filter(
        key__in=[c[0] for c in QUALITY_CRITERIA]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
