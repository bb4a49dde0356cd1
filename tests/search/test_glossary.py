"""The bilingual glossary of public administration (taxonomy/glossary.csv):
500 concepts or more, none chained to another, and every Spanish term meets its
English one, both ways, through the real node's analysis."""

import pytest
from django.http import QueryDict

from search.client import get_client
from search.filters import parse_filters
from search.query import RankedQuery, build_search_request, rescore
from search.ranking import VECTOR_CANDIDATES, hybrid_query, matched_words
from search.synonyms import concepts, plural_variants
from taxonomy.glossary import glossary

from .helpers import tokens_of_each as _tokens_of_each

ANALYZED_BY = {"es": "es", "en": "en"}


def test_the_glossary_has_500_concepts_each_in_both_languages():
    entries = glossary()
    assert len(entries) >= 500
    assert all(entry.spanish and entry.english for entry in entries)
    assert {"cabildeo", "gestión de intereses"} <= set(
        next(e for e in entries if "lobbying" in e.english).spanish
    )


def test_no_two_concepts_share_a_phrase_so_none_is_merged_into_another():
    """A phrase (or its plural) in two rows would join both concepts into one rule,
    and a search for either would find both."""
    assert len(concepts([])) == len(glossary())


@pytest.mark.slow
def test_every_pair_analyses_to_matching_tokens_in_both_directions(glossary_index):
    """Each Spanish term, searched on English fields, gives the tokens the English
    term is indexed with; each English term, on Spanish fields, the Spanish one's."""
    missing = []
    for entry in glossary():
        for side, other, target in (
            (entry.spanish, "en", entry.english[0]),
            (entry.english, "es", entry.spanish[0]),
        ):
            (wanted,) = _tokens_of_each(glossary_index, ANALYZED_BY[other], [target])
            searched = _tokens_of_each(glossary_index, f"{other}_search", list(side))
            missing += [
                (phrase, target, sorted(wanted - tokens))
                for phrase, tokens in zip(side, searched, strict=True)
                if not wanted <= tokens
            ]
    assert missing == []


@pytest.mark.parametrize(
    "typed, language, glossary_term",
    [
        ("conflictos de interés", "en", "conflict of interest"),
        ("declaraciones patrimoniales", "en", "asset declaration"),
        ("registros de cabilderos", "en", "lobbying register"),
        ("órganos internos de control", "en", "internal control body"),
        ("asset declarations", "es", "declaración patrimonial"),
        ("land registries", "es", "catastro"),
    ],
)
def test_a_plural_typed_meets_the_glossary_term(
    glossary_index, typed, language, glossary_term
):
    (wanted,) = _tokens_of_each(glossary_index, ANALYZED_BY[language], [glossary_term])
    (searched,) = _tokens_of_each(glossary_index, f"{language}_search", [typed])
    assert wanted <= searched


def test_plurals_follow_the_head_of_the_phrase():
    assert plural_variants("declaracion patrimonial de bienes", "es") == {
        "declaracion patrimonial de bienes",
        "declaraciones patrimoniales de bienes",
    }
    assert plural_variants("conflict of interest", "en") == {
        "conflict of interest",
        "conflicts of interest",
    }
    assert plural_variants("land registry", "en") == {
        "land registry",
        "land registries",
    }
    assert plural_variants("ocds", "en") == {"ocds"}


@pytest.mark.django_db
def test_a_query_of_many_glossary_terms_stays_within_the_node_s_clause_limit(
    glossary_index,
):
    """The largest request a search makes (words, each glossary phrase they name
    as a phrase, a full set of vector neighbours, the phrase rescore) for words
    that are nearly all glossary terms: the node refuses a query past 1,024
    clauses, and a search would fail."""
    filters = parse_filters(
        QueryDict(
            "q=fiscalización del presupuesto por el congreso, contrataciones "
            "públicas, declaraciones patrimoniales y beneficiarios finales"
        )
    )
    words = matched_words(filters, translated="")
    assert len(words.key_phrases) >= 3
    neighbours = {str(n): 0.7 for n in range(VECTOR_CANDIDATES)}
    body = build_search_request(
        filters,
        RankedQuery(hybrid_query(words.query(), neighbours), rescore(filters.q)),
    )
    response = get_client().search(index=glossary_index, body=body, request_timeout=60)
    assert response["hits"]["total"]["value"] >= 0
