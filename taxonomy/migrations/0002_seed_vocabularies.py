from django.db import migrations


def seed(apps, schema_editor):
    from taxonomy.seeding import seed_geography, seed_vocabularies

    def get_model(name):
        return apps.get_model("taxonomy", name)

    seed_vocabularies(get_model)
    seed_geography(get_model)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
