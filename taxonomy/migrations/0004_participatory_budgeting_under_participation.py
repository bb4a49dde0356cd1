from django.db import migrations


def move(apps, schema_editor):
    """Participatory budgeting under citizen participation (see vocabularies.py);
    the search index takes it at the next `search rebuild`."""
    theme = apps.get_model("taxonomy", "Theme")
    parent = theme.objects.filter(slug="citizen-participation").first()
    theme.objects.filter(slug="participatory-budgeting").update(parent=parent)


def move_back(apps, schema_editor):
    theme = apps.get_model("taxonomy", "Theme")
    parent = theme.objects.filter(slug="fiscal-openness").first()
    theme.objects.filter(slug="participatory-budgeting").update(parent=parent)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_clearer_subdivision_names")]

    operations = [migrations.RunPython(move, move_back)]
