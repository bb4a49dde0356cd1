"""The page tree's root, shown to editors in the admin's explorer and breadcrumbs,
reads "Repertorio" rather than Wagtail's "Root". Only the untouched default is
renamed: a root an administrator already renamed is left alone."""

from django.db import migrations

DEFAULT_TITLE = "Root"
TITLE = "Repertorio"


def title_the_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=DEFAULT_TITLE).update(
        title=TITLE, draft_title=TITLE
    )


def restore_the_default_title(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=TITLE).update(
        title=DEFAULT_TITLE, draft_title=DEFAULT_TITLE
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_site_pages_setting"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(title_the_root, restore_the_default_title)]
