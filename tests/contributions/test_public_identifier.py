"""The contributor's reference never leaves the moderators' tables (issue #24): a
contributed practice gets a random public id for open data, its slug and its URL,
and practices published before the fix are given one by a data migration."""

import importlib

import pytest
from django.apps import apps

from contributions.models import Submission
from practices.dataset import csv_header, csv_lines, practice_groups, practice_row
from practices.models import PracticePage
from search.models import PendingIndexUpdate

from .test_contribution_form import URL, _data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]
migration = importlib.import_module(
    "contributions.migrations.0003_public_ids_for_contributed_practices"
)


def _contribute(client) -> Submission:
    assert client.post(URL, _data()).status_code == 302
    return Submission.objects.get()


def _publish(page, capture):
    with capture(execute=True):
        page.get_latest_revision().publish()


def _open_data_csv() -> str:
    keys = PracticePage.objects.live().values_list("translation_key", flat=True)
    groups = practice_groups(keys, lang="es", url_for=lambda page: page.url)
    rows = (practice_row(group) for group in groups)
    return csv_header() + csv_lines(rows)


def test_a_contributed_practice_has_a_public_id_unrelated_to_the_reference(
    client, django_capture_on_commit_callbacks
):
    submission = _contribute(client)
    page = submission.practice.specific
    assert page.source_catalogue == "contribution"
    assert page.source_id and submission.reference not in page.source_id.upper()
    assert submission.reference.lower() not in page.slug
    _publish(page, django_capture_on_commit_callbacks)
    assert page.source_id in _open_data_csv()
    assert submission.reference not in _open_data_csv().upper()


def test_the_migration_replaces_a_published_reference_everywhere(
    client, django_capture_on_commit_callbacks
):
    submission = _contribute(client)
    page = submission.practice.specific
    _publish(page, django_capture_on_commit_callbacks)
    # As before the fix: the reference as source id and at the end of the slug.
    reference = submission.reference
    legacy_slug = page.slug.rsplit("-", 1)[0] + f"-{reference.lower()}"
    legacy_path = page.url_path.removesuffix(f"{page.slug}/") + f"{legacy_slug}/"
    PracticePage.objects.filter(pk=page.pk).update(
        source_id=reference, slug=legacy_slug, url_path=legacy_path
    )
    revision = page.get_latest_revision()
    revision.content.update(source_id=reference, slug=legacy_slug)
    revision.save()
    PendingIndexUpdate.objects.all().delete()

    migration.replace_references(apps, None)

    page = PracticePage.objects.get(pk=page.pk)
    assert page.source_id != reference and reference not in page.source_id.upper()
    assert reference.lower() not in page.slug and reference.lower() not in page.url
    assert page.url_path.endswith(f"/{page.slug}/")
    assert page.get_latest_revision().content["source_id"] == page.source_id
    assert page.get_latest_revision().content["slug"] == page.slug
    assert reference not in _open_data_csv().upper()
    assert PendingIndexUpdate.objects.filter(
        translation_key=page.translation_key
    ).exists()
    assert client.get(page.url).status_code == 200


def test_the_migration_renames_a_published_document_named_after_the_reference(
    client, private_uploads, settings, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from .test_contribution_form import PDF, _upload

    response = client.post(
        URL, {**_data(), "document": _upload("informe.pdf", PDF, "application/pdf")}
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    submission.publish_document = True
    submission.save()
    page = submission.practice.specific
    _publish(page, django_capture_on_commit_callbacks)
    submission.refresh_from_db()
    document = submission.published_document
    # As before the fix: named and titled after the reference.
    reference = submission.reference
    PracticePage.objects.filter(pk=page.pk).update(source_id=reference)
    old_file = document.file.name
    document.file.save(f"{reference}.pdf", ContentFile(PDF), save=False)
    (settings.MEDIA_ROOT / old_file).unlink()
    document.title = f"Document sent with contribution {reference}"
    document.save()

    migration.replace_references(apps, None)

    document.refresh_from_db()
    assert reference not in document.title
    assert reference not in document.file.name
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == PDF
    assert not list(settings.MEDIA_ROOT.rglob(f"{reference}*"))
