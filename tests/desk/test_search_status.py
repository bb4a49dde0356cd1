"""“Is it in search?” on a practice's edit view, and its “re-index now” action."""

import datetime

import pytest
from django.urls import reverse

from practices.models import PracticePage
from search.index_status import practice_index_status
from search.indexer import delete_documents, write_documents
from search.models import PendingIndexUpdate
from search.sync import drain

pytestmark = pytest.mark.django_db


def _edit(client, page) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_side_panel_tells_missing_current_and_stale_apart(
    client_for, editor, make_practice, empty_index
):
    page = make_practice()
    client = client_for(editor)
    html = _edit(client, page)
    assert 'data-side-panel="search_status"' in html
    assert 'data-desk-verdict="missing"' in html

    write_documents([page.translation_key])
    html = _edit(client, page)
    assert 'data-desk-verdict="current"' in html
    assert f"#{page.live_revision_id}" in html

    # A newer publish the index has not seen yet (its update waits in the queue).
    page.title = "Cabildo abierto en Guadalajara, segunda etapa"
    page.save_revision().publish()
    status = practice_index_status(page.translation_key)
    assert status.indexed and not status.up_to_date
    html = _edit(client, page)
    assert 'data-desk-verdict="stale"' in html
    assert status.queued is not None
    assert "Queued update" in html and f"{status.queued.reason}, queued" in html


def test_re_index_now_puts_a_missing_practice_back_and_clears_the_queue(
    client_for, editor, make_practice, empty_index
):
    page = make_practice()
    write_documents([page.translation_key])
    delete_documents([str(page.translation_key)])
    assert not practice_index_status(page.translation_key).indexed

    client = client_for(editor)
    response = client.post(reverse("desk:reindex", args=[page.pk]), follow=True)
    assert "is now in search as published" in response.content.decode()
    status = practice_index_status(page.translation_key)
    assert status.indexed and status.up_to_date
    assert not PendingIndexUpdate.objects.filter(
        translation_key=page.translation_key
    ).exists()


def test_re_index_with_search_down_keeps_the_update_queued_with_its_error(
    client_for, editor, make_practice, empty_index, opensearch_down
):
    page = make_practice()
    response = client_for(editor).post(
        reverse("desk:reindex", args=[page.pk]), follow=True
    )
    assert response.status_code == 200
    assert "stays queued" in response.content.decode()
    queued = PendingIndexUpdate.objects.get(translation_key=page.translation_key)
    assert queued.last_error and queued.attempts >= 1
    html = _edit(client_for(editor), page)
    assert "Search could not be asked" in html


def test_only_users_who_may_edit_the_practice_can_re_index_or_mark_it(
    client_for, outsider, make_practice, empty_index
):
    page = make_practice()
    client = client_for(outsider)
    # Wagtail's admin answers a refusal by sending the user back to the dashboard.
    for action in ("desk:reindex", "desk:mark_reviewed", "desk:translate"):
        response = client.post(reverse(action, args=[page.pk]))
        assert response.status_code == 302 and response.url == "/admin/"
    assert not practice_index_status(page.translation_key).indexed
    page.refresh_from_db()
    assert page.last_reviewed is None
    assert (
        PracticePage.objects.filter(translation_key=page.translation_key).count() == 1
    )


def test_mark_as_reviewed_dates_the_page_and_its_latest_revision(
    client_for, editor, make_practice, empty_index
):
    page = make_practice()
    PracticePage.objects.filter(pk=page.pk).update(
        first_published_at=page.first_published_at - datetime.timedelta(days=400)
    )
    assert page in PracticePage.objects.review_due()
    client_for(editor).post(reverse("desk:mark_reviewed", args=[page.pk]))
    page.refresh_from_db()
    assert page.last_reviewed == datetime.date.today()
    assert page not in PracticePage.objects.review_due()
    # Publishing the latest revision keeps the review date.
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.last_reviewed == datetime.date.today()


def test_re_index_in_a_request_without_the_encoder_leaves_it_queued_for_the_drain_job(
    client_for, editor, make_practice, empty_index, encoder_not_loaded
):
    page = make_practice(title="Registro de beneficiarios finales en Jalisco")
    response = client_for(editor).post(
        reverse("desk:reindex", args=[page.pk]), follow=True
    )
    assert response.status_code == 200
    assert encoder_not_loaded == []
    assert PendingIndexUpdate.objects.filter(
        translation_key=page.translation_key
    ).exists()
    # The drain job (a command, not a request) loads the encoder and writes it.
    report = drain()
    assert encoder_not_loaded == [1]
    assert report.indexed >= 1
    assert not PendingIndexUpdate.objects.filter(
        translation_key=page.translation_key
    ).exists()


def test_after_unpublishing_one_language_the_panel_says_it_is_not_in_search(
    client_for, moderator, make_pair, empty_index, django_capture_on_commit_callbacks
):
    """The English page stays live; the Spanish one is unpublished. Its panel said
    "In search, with the published version"; it now says it is not, in Spanish."""
    pages = make_pair(
        {"title": "Presupuesto abierto", "summary": "Cuentas claras."},
        {"title": "Open budget", "summary": "Clear accounts."},
    )
    spanish = next(p for p in pages if p.locale.language_code == "es")
    english = next(p for p in pages if p.locale.language_code == "en")
    with django_capture_on_commit_callbacks(execute=True):
        spanish.unpublish()
    write_documents([spanish.translation_key])
    client = client_for(moderator)
    html = _edit(client, PracticePage.objects.get(pk=spanish.pk))
    assert 'data-desk-verdict="other-language"' in html
    # The other language by its name, not the index's code.
    assert "in its other language (English)" in html
    assert "(en)" not in html
    assert 'data-desk-verdict="current"' not in html
    assert 'data-desk-verdict="current"' in _edit(client, english)
