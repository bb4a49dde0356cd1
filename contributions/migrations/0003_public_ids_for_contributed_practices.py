"""Contributed practices published before #24 carry the submitter's reference as
their source id (an open data column) and in their slug and URL. Each gets a random
public id instead, in its pages, their revisions and its published document; the
practices are queued for re-indexing, since their URLs change.
"""

import secrets
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import migrations
from django.utils.text import slugify


def replace_references(apps, schema_editor):
    Submission = apps.get_model("contributions", "Submission")
    PracticePage = apps.get_model("practices", "PracticePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    Document = apps.get_model("wagtaildocs", "Document")
    PendingIndexUpdate = apps.get_model("search", "PendingIndexUpdate")
    for submission in Submission.objects.exclude(practice=None).iterator():
        reference = submission.reference
        pages = list(
            PracticePage.objects.filter(
                source_catalogue="contribution", source_id=reference
            )
        )
        if not pages:
            continue
        public_id = secrets.token_hex(8)
        for page in pages:
            _renumber_page(page, reference, public_id, Revision)
            PendingIndexUpdate.objects.update_or_create(
                translation_key=page.translation_key,
                defaults={"reason": "contribution id"},
            )
        if submission.published_document_id:
            document = Document.objects.get(pk=submission.published_document_id)
            _rename_document(document, reference, public_id, pages[0].title)


def _renumber_page(page, reference: str, public_id: str, Revision) -> None:
    old_slug = page.slug
    page.source_id = public_id
    tail = slugify(reference)
    if old_slug.endswith(tail):
        page.slug = old_slug[: -len(tail)] + public_id
        if page.url_path.endswith(f"/{old_slug}/"):
            page.url_path = page.url_path[: -len(old_slug) - 1] + page.slug + "/"
    page.save(update_fields=["source_id", "slug", "url_path"])
    for revision in Revision.objects.filter(
        object_id=str(page.pk), content_type_id=page.content_type_id
    ):
        content = dict(revision.content)
        content.update(source_id=page.source_id, slug=page.slug)
        if "url_path" in content:
            content["url_path"] = page.url_path
        revision.content = content
        revision.save(update_fields=["content"])


def _rename_document(document, reference: str, public_id: str, title: str) -> None:
    if reference in document.title:
        document.title = f"Document sent with the contribution “{title}”"
    if reference in PurePath(document.file.name).name:
        storage = document.file.storage
        old_name = document.file.name
        with storage.open(old_name, "rb") as old_file:
            content = old_file.read()
        suffix = PurePath(old_name).suffix
        document.file.name = storage.save(
            f"documents/contribution-{public_id}{suffix}", ContentFile(content)
        )
        storage.delete(old_name)
    document.save()


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0002_document_publication"),
        ("practices", "0004_source_url_validator"),
        ("search", "0004_queue_version"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(replace_references, migrations.RunPython.noop),
    ]
