"""One classification per practice: merge what the languages of a practice hold
today (practices/reconciliation.py says how), record it and print a report."""

from django.db import migrations

from practices.reconciliation import reconcile_classifications


def reconcile(apps, schema_editor):
    lines = reconcile_classifications(apps.get_model)
    print("\n" + "\n".join(lines))


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_classification_reconciliation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(reconcile, migrations.RunPython.noop)]
