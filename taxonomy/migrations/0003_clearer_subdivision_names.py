from django.db import migrations


def name_clearly(apps, schema_editor):
    from taxonomy.seeding import name_subdivisions_clearly

    name_subdivisions_clearly(lambda name: apps.get_model("taxonomy", name))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_seed_vocabularies")]

    operations = [migrations.RunPython(name_clearly, migrations.RunPython.noop)]
