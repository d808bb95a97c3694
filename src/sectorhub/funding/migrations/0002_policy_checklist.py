"""Seed the checklist with the brief's six administrative policies (one row each, not started)."""

from django.db import migrations

SIX = [
    "competitive_grants",
    "ajc_standards",
    "etpl_targeting",
    "braided_funding",
    "business_services",
    "local_guidance",
]


def seed(apps, schema_editor):
    PolicyCheck = apps.get_model("funding", "PolicyCheck")
    for key in SIX:
        PolicyCheck.objects.get_or_create(key=key)


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
