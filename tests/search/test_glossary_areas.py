"""A practice about the field a query names ranks above one that shares the query's
words in passing (search/glossary_areas.py, search/ranking.py AREA_BONUS), on the
real node."""

import uuid
from unittest import mock

import pytest
from django.http import QueryDict

from practices.models import PracticePage
from search import ranking
from search.client import get_client
from search.document_builder import build_document, facet_ancestry
from search.evaluation.clause_scores import practice_texts
from search.filters import parse_filters
from search.glossary_areas import AREA_MENTIONS
from search.indexer import alias_name
from search.mapping import AREAS_FIELD, THEMES_FIELD
from search.scan import scan_practice_ids
from search.service import search_practices
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_passing_and_about(empty_index, django_capture_on_commit_callbacks):
    """A hospital naming its cleaning contracts twice, and a state's procurement
    portal naming five procurement phrases, "contratos" once."""
    tag = uuid.uuid4().hex[:6]
    in_passing, about = f"hospital-{tag}", f"compras-{tag}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    in_passing,
                    "Un hospital publica sus contratos de limpieza",
                    "Los pacientes consultan horarios, vacunas y los contratos "
                    "de limpieza del hospital.",
                ),
                practice_record(
                    about,
                    "El estado abre sus compras",
                    "Cada licitación, sus proveedores, las adjudicaciones directas "
                    "y los contratos firmados, en datos de compras públicas "
                    "abiertas.",
                ),
            ]
        )
    return in_passing, about


def _first(query: str) -> str:
    results = search_practices(parse_filters(QueryDict(query)))
    return PracticePage.objects.get(translation_key=results.results[0].id).source_id


def test_the_practice_about_procurement_is_indexed_so(in_passing_and_about):
    in_passing, about = in_passing_and_about
    areas = {}
    for source_id in in_passing_and_about:
        page = PracticePage.objects.get(source_id=source_id)
        document = get_client().get(index=alias_name(), id=page.translation_key)
        areas[source_id] = document["_source"][AREAS_FIELD]
    assert areas == {in_passing: [], about: ["procurement"]}


@pytest.mark.parametrize("mode", ["text", "hybrid"])
def test_it_ranks_first_for_a_procurement_word(in_passing_and_about, settings, mode):
    settings.SEARCH_MODE = mode
    in_passing, about = in_passing_and_about
    with mock.patch.object(ranking, "THEME_BONUS", 0):
        assert _first("q=contratos&lang=es") == about
        with mock.patch.object(ranking, "AREA_BONUS", 0):
            assert _first("q=contratos&lang=es") == in_passing


@pytest.mark.parametrize("mode", ["text", "hybrid"])
def test_an_export_which_cannot_rescore_lists_them_as_the_page(
    in_passing_and_about, settings, mode
):
    """A walk in sorted batches scores the bonuses on every match, in either mode."""
    settings.SEARCH_MODE = mode
    in_passing, about = in_passing_and_about
    filters = parse_filters(QueryDict("q=contratos&lang=es"))
    exported = [key for batch in scan_practice_ids(filters).batches for key in batch]
    shown = [hit.id for hit in search_practices(filters).results]
    assert exported == shown
    assert PracticePage.objects.get(translation_key=exported[0]).source_id == about


def _stored(record) -> PracticePage:
    create_practices([record])
    return PracticePage.objects.get(source_id=record.source_id)


def _areas(page: PracticePage) -> list[str]:
    return build_document([page], facet_ancestry())[AREAS_FIELD]


def test_a_phrase_with_an_apostrophe_counts_in_a_section(site):
    """A section's rich text keeps "citizens' assemblies" as "citizens&#x27;
    assemblies": read as the words a reader sees, each is a mention."""
    naming = "<p>The council runs citizens' assemblies.</p>" * AREA_MENTIONS
    record = practice_record(
        f"assemblies-{uuid.uuid4().hex[:6]}",
        "A council listens",
        "Residents are heard.",
        locale="en",
        original_language="en",
        actions=naming,
    )
    page = _stored(record)
    assert "citizens&#x27; assemblies" in page.actions
    assert "participation" in _areas(page)


@pytest.fixture
def integrity_and_lobbying(empty_index, django_capture_on_commit_callbacks):
    """Two integrity practices: a comptroller's disclosures naming its lobbyists'
    register once, in the title, and a congress regulating lobbying throughout."""
    tag = uuid.uuid4().hex[:6]
    in_passing, about = f"contraloria-{tag}", f"cabildeo-{tag}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    in_passing,
                    "Registro de cabilderos y declaraciones patrimoniales",
                    "La contraloría publica a los cabilderos, las declaraciones "
                    "patrimoniales, los conflictos de interés y las sanciones por "
                    "corrupción para la integridad del servicio.",
                ),
                practice_record(
                    about,
                    "El congreso regula el cabildeo",
                    "Quien hace gestión de intereses se inscribe; cada legislador "
                    "publica su agenda pública y las reuniones con cabilderos, "
                    "contra la corrupción.",
                ),
            ]
        )
    return in_passing, about


def test_a_practice_is_indexed_with_the_themes_it_is_about(integrity_and_lobbying):
    in_passing, about = integrity_and_lobbying
    indexed = {}
    for source_id in integrity_and_lobbying:
        page = PracticePage.objects.get(source_id=source_id)
        document = get_client().get(index=alias_name(), id=page.translation_key)
        indexed[source_id] = (
            document["_source"][AREAS_FIELD],
            document["_source"][THEMES_FIELD],
        )
    assert indexed == {
        in_passing: (["integrity"], ["anti-corruption"]),
        about: (["integrity"], ["lobbying"]),
    }


@pytest.mark.parametrize("mode", ["text", "hybrid"])
def test_the_theme_ranks_first_where_the_area_cannot_tell(
    integrity_and_lobbying, settings, mode
):
    settings.SEARCH_MODE = mode
    in_passing, about = integrity_and_lobbying
    assert _first("q=cabilderos&lang=es") == about
    with mock.patch.object(ranking, "THEME_BONUS", 0):
        assert _first("q=cabilderos&lang=es") == in_passing


def _publish_legislative_footprint(capture) -> None:
    """A congress's legislative footprint: the words "huella legislativa", which
    name the lobbying theme, twice (too few to make it about lobbying)."""
    with capture(execute=True):
        create_practices(
            [
                practice_record(
                    f"huella-{uuid.uuid4().hex[:6]}",
                    "La huella legislativa de cada ley",
                    "El congreso publica la huella legislativa: quién propuso "
                    "cada cambio al texto de una ley.",
                )
            ]
        )


@pytest.mark.parametrize("admitted", [True, False])
def test_under_a_country_its_practices_about_the_querys_theme_are_found(
    integrity_and_lobbying, settings, django_capture_on_commit_callbacks, admitted
):
    """ "Huella legislativa" names the lobbying theme: under the practices' country,
    beside a congress's legislative footprint (the words, and the query's
    nearest), the practice about lobbying that never says it is found by its
    theme, not by its vector."""
    settings.SEARCH_MODE = "hybrid"
    _in_passing, about = integrity_and_lobbying
    _publish_legislative_footprint(django_capture_on_commit_callbacks)
    # The vector half admits none but by the words: only the theme can.
    with mock.patch.multiple(
        ranking,
        THEME_ADMITTED=1.0 if admitted else 0,
        VECTOR_MIN_SCORE=1.0,
        FILTERED_VECTOR_MIN_SCORE=1.0,
        SELECTION_FLOOR=1.0,
    ):
        results = search_practices(
            parse_filters(QueryDict("q=huella+legislativa&lang=es&country=MX"))
        )
    found = {
        PracticePage.objects.get(translation_key=hit.id).source_id
        for hit in results.results
    }
    assert (about in found) is admitted


def test_the_themes_editors_filed_it_under_count_as_its_own(site):
    """A practice filed under lobbying (a child of anti-corruption) is about both,
    though its words name neither."""
    record = practice_record(
        f"filed-{uuid.uuid4().hex[:6]}",
        "Un congreso publica sus reuniones",
        "Cada diputado da a conocer con quién se reúne.",
        themes=["lobbying"],
    )
    page = _stored(record)
    document = build_document([page], facet_ancestry())
    assert document[THEMES_FIELD] == ["anti-corruption", "lobbying"]


def test_an_export_ranks_the_practices_admitted_by_theme_as_the_page(
    integrity_and_lobbying, settings, django_capture_on_commit_callbacks
):
    """The page's rescore gives the practice let in by its theme (it never says
    "huella legislativa") the theme's bonus; a walk in sorted batches, which cannot
    rescore, gave the bonuses only to the words' matches and listed it last."""
    settings.SEARCH_MODE = "hybrid"
    _in_passing, about = integrity_and_lobbying
    _publish_legislative_footprint(django_capture_on_commit_callbacks)
    filters = parse_filters(QueryDict("q=huella+legislativa&lang=es&country=MX"))
    # The vector half admits none, and the theme's bonus outweighs any words'.
    with mock.patch.multiple(
        ranking,
        THEME_ADMITTED=1.0,
        THEME_BONUS=1000,
        VECTOR_MIN_SCORE=1.0,
        FILTERED_VECTOR_MIN_SCORE=1.0,
        SELECTION_FLOOR=1.0,
    ):
        shown = [hit.id for hit in search_practices(filters).results]
        exported = [
            key for batch in scan_practice_ids(filters).batches for key in batch
        ]
    assert PracticePage.objects.get(translation_key=shown[0]).source_id == about
    assert exported == shown


def test_the_clause_tools_read_a_practices_text_as_the_index_does(
    empty_index, django_capture_on_commit_callbacks
):
    """`--clause-scores-out` saves each practice's own text for trying other
    readings of the glossary offline: in the words a reader sees, as the index
    counts them, not with the sections' "&#x27;"."""
    source_id = f"assemblies-{uuid.uuid4().hex[:6]}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    "A council listens",
                    "Residents are heard.",
                    locale="en",
                    original_language="en",
                    actions="<p>The council runs citizens' assemblies.</p>",
                )
            ]
        )
    page = PracticePage.objects.get(source_id=source_id)
    texts = practice_texts({str(page.translation_key): source_id})
    assert "citizens' assemblies" in texts[source_id]["en"]
