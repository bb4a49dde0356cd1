"""The moderation workflow and its task named in both languages, Spanish first.

Wagtail's migration (wagtailcore.0048) named them after the publishing group,
"Moderators approval", in English. Wagtail keeps these names as plain rows: its
templates, notification e-mails and the page history print them as stored, with no
translation hook, so a translated label would reach only the places this project
overrides. Both names in the row reach every one of them, in the repertory's first
language and in English. The page history prints the name each entry stored when
it was written, so those entries are renamed too. A name someone chose in the admin
is left alone.
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
BOTH_NAMES = "Aprobación de moderadores / Moderators approval"
WORKFLOW_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


def _rename(apps, old: str, new: str) -> None:
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    workflows = set(Workflow.objects.filter(name=old).values_list("pk", flat=True))
    tasks = set(Task.objects.filter(name=old).values_list("pk", flat=True))
    Workflow.objects.filter(pk__in=workflows).update(name=new)
    Task.objects.filter(pk__in=tasks).update(name=new)
    entries = PageLogEntry.objects.filter(action__in=WORKFLOW_ACTIONS)
    for entry in entries.iterator():
        described = (entry.data or {}).get("workflow")
        if not isinstance(described, dict):
            continue
        changed = _renamed(described, workflows, old, new)
        for step in ("task", "next"):
            if isinstance(described.get(step), dict):
                changed |= _renamed(described[step], tasks, old, new)
        if changed:
            entry.save(update_fields=["data"])


def _renamed(described: dict, renamed_ids: set, old: str, new: str) -> bool:
    if described.get("id") in renamed_ids and described.get("title") == old:
        described["title"] = new
        return True
    return False


def name_in_both_languages(apps, schema_editor):
    _rename(apps, WAGTAIL_NAME, BOTH_NAMES)


def back_to_wagtails_name(apps, schema_editor):
    _rename(apps, BOTH_NAMES, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0009_merge_editors_branch"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(name_in_both_languages, back_to_wagtails_name),
    ]
