"""The duplicate finder, and merging: only moderators, with redirects and no orphan."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from opensearchpy.exceptions import NotFoundError
from wagtail.contrib.redirects.models import Redirect
from wagtail.users.models import UserProfile

from desk.duplicates import find_duplicates, refresh_duplicates
from desk.models import DuplicateCandidate
from desk.tasks import search_duplicates
from practices.models import PracticePage
from search.client import get_client
from search.indexer import alias_name, indexed_ids, write_documents

pytestmark = pytest.mark.django_db

SUMMARY = "Los vecinos proponen y votan obras del presupuesto municipal en asambleas."


@pytest.fixture
def twins(make_practice):
    first = make_practice(
        "Presupuesto participativo de Zapopan",
        summary=SUMMARY,
        municipality="Zapopan",
        keywords=["asambleas"],
    )
    second = make_practice(
        "Presupuestos participativos en Zapopan",
        summary=SUMMARY.replace("Los vecinos", "Las colonias"),
        municipality="Zapopan",
        keywords=["obra pública"],
    )
    return first, second


def _document(key):
    try:
        return get_client().get(index=alias_name(), id=str(key))["_source"]
    except NotFoundError:
        return None


def test_near_duplicates_of_one_country_are_paired_and_others_are_not(
    twins, make_practice, make_pair, empty_index
):
    first, second = twins
    make_practice("Presupuesto participativo de Zapopan", summary=SUMMARY, country="CO")
    make_practice("Contraloría social de obra", summary="Comités vigilan las obras.")
    # Templated titles of two cities: alike, but two practices.
    make_practice(
        "Presupuesto participativo en Aracaju", summary=SUMMARY, municipality="Aracaju"
    )
    make_practice(
        "Presupuesto participativo en Araras", summary=SUMMARY, municipality="Araras"
    )
    make_pair(
        {"title": "Presupuesto abierto", "summary": "Cuentas claras del gasto."},
        {"title": "Open budget", "summary": "Clear accounts of spending."},
    )
    pairs = find_duplicates()
    assert [{p.first.pk, p.second.pk} for p in pairs] == [{first.pk, second.pk}]
    assert pairs[0].score >= 80


def _run_background_tasks() -> None:
    """What the worker process does (deploy/systemd/repertorio-tasks.service)."""
    call_command(
        "db_worker",
        "--batch",
        "--backend=background",
        "--queue-name=desk",
        "--no-startup-delay",
        verbosity=0,
    )


# The worker takes its task in an exclusive transaction: the rows must be committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_duplicate_search_runs_as_a_task_never_in_the_request(
    client_for, editor, twins, empty_index
):
    """The request only queues it, once however often it is asked for; the worker
    runs it and the report then shows its pairs."""
    client = client_for(editor)
    html = client.post(reverse("desk:find_duplicates"), follow=True).content.decode()
    assert "The search for duplicates has started" in html
    assert not DuplicateCandidate.objects.exists()
    html = client.post(reverse("desk:find_duplicates"), follow=True).content.decode()
    assert "already under way" in html
    searches = DBTaskResult.objects.filter(task_path=search_duplicates.module_path)
    assert searches.count() == 1
    _run_background_tasks()
    assert DuplicateCandidate.objects.count() == 1
    assert searches.get().status == TaskResultStatus.SUCCESSFUL
    assert searches.get().return_value == {"pairs": 1, "pages": 2}


def test_editors_see_the_report_but_cannot_merge(
    client_for, editor, twins, empty_index
):
    first, second = twins
    client = client_for(editor)
    html = client.get(reverse("desk:duplicates")).content.decode()
    assert "No search for duplicates has run yet" in html
    html = client.post(reverse("desk:find_duplicates"), follow=True).content.decode()
    assert "The search for duplicates has started" in html
    search_duplicates.call()  # what the worker runs (see the test above)
    html = client.get(reverse("desk:duplicates")).content.decode()
    assert "Presupuestos participativos en Zapopan" in html
    assert reverse("desk:merge") not in html
    # No "Merge" and "Not a duplicate" columns empty on every row: a sentence.
    headings = [
        " ".join(th.split()) for th in re.findall(r"<th[^>]*>([^<]*)</th>", html)
    ]
    assert "Similarity" in headings
    assert "Merge" not in headings and "Not a duplicate" not in headings
    assert "Moderators merge a pair or mark it as not a duplicate" in html
    response = client.post(
        reverse("desk:merge"),
        {"first": first.pk, "second": second.pk, "keep": first.pk},
    )
    assert response.status_code == 302 and response.url == "/admin/"
    second.refresh_from_db()
    assert second.live


def test_a_merge_moves_sources_and_keywords_redirects_and_leaves_no_orphan(
    client_for, moderator, twins, empty_index, django_capture_on_commit_callbacks
):
    first, second = twins
    write_documents([first.translation_key, second.translation_key])
    refresh_duplicates()
    old_url = second.url
    client = client_for(moderator)
    html = client.get(reverse("desk:duplicates")).content.decode()
    assert reverse("desk:merge") in html
    headings = [
        " ".join(th.split()) for th in re.findall(r"<th[^>]*>([^<]*)</th>", html)
    ]
    assert headings[-2:] == ["Merge", "Not a duplicate"]
    assert "Moderators merge a pair" not in html
    compare = client.get(
        reverse("desk:merge"), {"first": first.pk, "second": second.pk}
    )
    assert compare.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("desk:merge"),
            {"first": first.pk, "second": second.pk, "keep": first.pk},
        )
    assert response.status_code == 302

    kept = PracticePage.objects.get(pk=first.pk)
    retired = PracticePage.objects.get(pk=second.pk)
    assert kept.live and not retired.live
    assert {s.url for s in kept.sources.all()} >= {s.url for s in second.sources.all()}
    assert set(kept.keywords.names()) == {"asambleas", "obra pública"}
    redirect = Redirect.objects.get(old_path=Redirect.normalise_path(old_url))
    assert redirect.redirect_page_id == kept.pk
    response = client.get(old_url)
    assert response.status_code == 301 and response.url.endswith(kept.url)

    assert _document(second.translation_key) is None
    assert "obra pública" in _document(first.translation_key)["terms_es"]
    assert indexed_ids() == {str(first.translation_key)}
    html = client.get(reverse("desk:duplicates")).content.decode()
    assert reverse("desk:merge") not in html  # the merged pair is gone


def test_a_merge_refuses_to_publish_someone_elses_draft(
    client_for, moderator, twins, empty_index
):
    first, second = twins
    first.title = "Borrador sin publicar"
    first.save_revision()
    response = client_for(moderator).post(
        reverse("desk:merge"),
        {"first": first.pk, "second": second.pk, "keep": first.pk},
        follow=True,
    )
    assert "unpublished changes" in response.content.decode()
    assert PracticePage.objects.get(pk=second.pk).live


def test_merge_without_page_ids_is_a_clear_400(client_for, moderator, empty_index):
    response = client_for(moderator).get(reverse("desk:merge"), {"first": "x"})
    assert response.status_code == 400
    assert "page ids" in response.content.decode()


def test_the_merge_screen_is_titled_and_its_choices_read_differently(
    client_for, moderator, twins, empty_index
):
    first, second = twins
    html = (
        client_for(moderator)
        .get(reverse("desk:merge"), {"first": first.pk, "second": second.pk})
        .content.decode()
    )
    assert "<title>Merge duplicate practices" in html
    # The header's breadcrumbs name the screen (it read "Home" alone) and lead back.
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert reverse("desk:duplicates") in crumbs
    assert "Merge duplicate practices" in crumbs
    labels = re.findall(r'name="keep"[^>]*>\s*([^<]+?)\s*</label>', html)
    assert len(labels) == 2 and labels[0] != labels[1]
    assert f"Page {first.pk}" in html and f"Page {second.pk}" in html


def test_the_merge_form_asks_which_to_keep_and_chooses_nothing_beforehand(
    client_for, moderator, twins, empty_index
):
    """A merge is not undone here: no practice is kept unless the moderator picks
    it; the choices name the page, not a side ("left" is above on a phone), in a
    fieldset whose legend asks the question, in either language."""
    first, second = twins
    client = client_for(moderator)
    profile = UserProfile.get_for_user(moderator)
    for language in ("en", "es"):
        profile.preferred_language = language
        profile.save()
        html = client.get(
            reverse("desk:merge"), {"first": first.pk, "second": second.pk}
        ).content.decode()
        assert f'<html lang="{language}"' in html or f'lang="{language}"' in html
        radios = re.findall(r'<input type="radio" name="keep"[^>]*>', html)
        assert len(radios) == 2
        assert all("required" in radio and "checked" not in radio for radio in radios)
        fieldset = html[html.index("<fieldset") : html.index("</fieldset>")]
        assert "<legend" in fieldset and 'name="keep"' in fieldset
        for side in ("(left)", "(right)", "(izquierda)", "(derecha)"):
            assert side not in html
        if language == "en":
            assert "Which practice do you keep?" in fieldset
            labels = re.findall(r'name="keep"[^>]*>\s*([^<]+?)\s*</label>', html)
            assert labels == [
                f"Keep this one (page {pk}) and merge the other one into it"
                for pk in (first.pk, second.pk)
            ]


def test_a_merged_out_practice_is_marked_as_merged(
    client_for, moderator, twins, empty_index
):
    first, second = twins
    client = client_for(moderator)
    client.post(
        reverse("desk:merge"),
        {"first": first.pk, "second": second.pk, "keep": first.pk},
    )
    retired = PracticePage.objects.get(pk=second.pk)
    assert retired.merged_into_id == first.pk
    with translation.override("en"):
        assert retired.get_admin_display_title().endswith("(merged)")
        assert (
            not PracticePage.objects.get(pk=first.pk)
            .get_admin_display_title()
            .endswith("(merged)")
        )
    # In the admin's language, whichever the moderator's is.
    listing = client.get(reverse("practices:index")).content.decode()
    assert re.search(rf"{re.escape(retired.title)} \((merged|fusionada)\)", listing)


def test_not_a_duplicate_is_kept_across_searches(
    client_for, moderator, twins, empty_index
):
    first, second = twins
    refresh_duplicates()
    pair = DuplicateCandidate.objects.get()
    client = client_for(moderator)
    html = client.get(reverse("desk:duplicates")).content.decode()
    url = reverse("desk:not_duplicate", args=[pair.pk])
    assert url in html
    response = client.post(url)
    assert response.status_code == 302
    assert not DuplicateCandidate.objects.exists()

    refresh_duplicates()  # the nightly search
    assert not DuplicateCandidate.objects.exists()
    html = client.get(reverse("desk:duplicates")).content.decode()
    assert reverse("desk:merge") not in html and "not-duplicate" not in html


def test_editors_cannot_dismiss_a_pair(client_for, editor, twins, empty_index):
    refresh_duplicates()
    pair = DuplicateCandidate.objects.get()
    response = client_for(editor).post(reverse("desk:not_duplicate", args=[pair.pk]))
    assert response.status_code in (302, 403)
    assert DuplicateCandidate.objects.filter(pk=pair.pk).exists()


def _ogp(source_id, title, summary):
    from tests.factories import create_practices, practice_record

    create_practices(
        [practice_record(source_id, title, summary, source_catalogue="ogp")]
    )


def test_two_records_of_one_catalogue_pair_only_when_near_identical(site):
    """Different commitments of one action plan (AR0094, AR0096) read alike."""
    summary = "Crear un portal de datos abiertos del presupuesto nacional."
    _ogp("AR0094", "Portal de datos abiertos presupuestarios", summary)
    _ogp(
        "AR0096",
        "Portal de datos abiertos presupuestales",
        summary.replace("presupuesto nacional", "gasto nacional"),
    )
    assert find_duplicates() == []
    _ogp("AR0101", "Portal de datos abiertos presupuestarios", summary)
    pairs = find_duplicates()
    assert [{p.first.source_id, p.second.source_id} for p in pairs] == [
        {"AR0094", "AR0101"}
    ]


def test_before_any_search_the_report_says_so_in_grammatical_spanish(
    client_for, editor, empty_index
):
    """ "Todavía no se ha buscado duplicados": a plural object wants "se han" (or
    another turn). The report, to an editor whose admin speaks Spanish, says it
    with none."""
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    html = client_for(editor).get(reverse("desk:duplicates")).content.decode()
    assert (
        "Todavía no se ha hecho ninguna búsqueda de duplicados (se hace cada noche)."
        in html
    )
    assert "se ha buscado" not in html
