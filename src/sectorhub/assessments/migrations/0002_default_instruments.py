"""Load the two instruments shipped with the app (state and regional); state staff edit them as new versions."""

from django.db import migrations

from sectorhub.assessments.instruments import DEFAULTS, read_default, write_version

NAMES = ("Instrument", "InstrumentVersion", "Capability", "Item")


def load(apps, schema_editor):
    """Store each shipped instrument as version 1 where it is missing."""
    models = {name: apps.get_model("assessments", name) for name in NAMES}
    for path in DEFAULTS:
        spec = read_default(path)
        if not models["Instrument"].objects.filter(slug=spec.slug).exists():
            write_version(spec, models=models, note="Shipped with SectorHub")


def unload(apps, schema_editor):
    """Remove the shipped instruments when no cycle uses them."""
    Instrument = apps.get_model("assessments", "Instrument")
    for path in DEFAULTS:
        slug = read_default(path).slug
        if not apps.get_model("assessments", "Cycle").objects.filter(version__instrument__slug=slug).exists():
            for version in apps.get_model("assessments", "InstrumentVersion").objects.filter(
                instrument__slug=slug
            ):
                version.delete()
            Instrument.objects.filter(slug=slug).delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
