"""Questions told by their form, matched by their topic. Pure logic (no node)."""

from django.test import override_settings

from search.filters import SearchFilters
from search.questions import is_question, question_topic
from search.ranking import TEXT, matched_words, vector_words


def test_a_question_is_told_by_its_mark_or_its_opening_word_not_its_length():
    assert is_question("¿cómo regular el cabildeo en el congreso?")
    assert is_question("como lograr que los jovenes participen en las decisiones")
    assert is_question("how to publish the budget in plain language for citizens")
    assert is_question("por que cerrar los datos")
    assert is_question("presupuesto?")
    assert not is_question("ley de acceso a la información pública")
    assert not is_question("organizaciones de la sociedad civil y espacio cívico")
    assert not is_question("atencion a victimas y acceso a la justicia")


def test_a_questions_topic_leaves_out_its_asking_words_in_either_language():
    assert question_topic("¿Cómo regular el cabildeo en el Congreso?") == (
        "regular cabildeo congreso"
    )
    assert question_topic(
        "¿qué hacen otros países para proteger a los denunciantes de corrupción?"
    ) == ("proteger denunciantes corrupcion")
    assert question_topic("how can we protect people who report corruption?") == (
        "protect people report corruption"
    )


def test_the_verbs_of_doing_better_go_only_when_asked():
    question = "¿cómo crear un registro de beneficiarios finales?"
    assert question_topic(question) == "crear registro beneficiarios finales"
    assert question_topic(question, without_actions=True) == (
        "registro beneficiarios finales"
    )


def test_a_question_with_no_topic_left_is_matched_as_typed():
    assert question_topic("¿cómo se hace?") == "¿cómo se hace?"
    assert question_topic("¿qué es el catastro?") == "¿qué es el catastro?"


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_a_question_is_matched_by_its_topic_across_fields_and_rescored_as_typed():
    q = "¿cómo fortalecer la auditoría del gasto público?"
    words = matched_words(SearchFilters(q=q), translated="")
    assert (words.q, words.across_fields, words.phrase) == (
        "auditoria gasto publico",
        True,
        q,
    )
    ranked = TEXT.ranked(SearchFilters(q=q), translated="")
    typed = ranked.query["bool"]["should"][0]["multi_match"]
    assert (typed["query"], typed["type"]) == (
        "auditoria gasto publico",
        "cross_fields",
    )
    # The phrase, beside the share of the topic's words (test_word_share.py).
    phrase = ranked.rescore["query"]["rescore_query"]["bool"]["should"][0]
    assert phrase["dis_max"]["queries"][0]["multi_match"]["query"] == q


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_a_topic_phrase_is_matched_as_typed_in_one_field():
    q = "ley de acceso a la información pública"
    ranked = TEXT.ranked(SearchFilters(q=q), translated="")
    typed = ranked.query["bool"]["should"][0]["multi_match"]
    assert (typed["query"], typed["type"]) == (q, "best_fields")


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_under_a_place_the_words_may_meet_across_fields():
    in_country = matched_words(
        SearchFilters(q="datos abiertos", selected={"country": ("PY",)}), ""
    )
    anywhere = matched_words(SearchFilters(q="datos abiertos"), "")
    assert (in_country.q, in_country.across_fields) == ("datos abiertos", True)
    assert (anywhere.q, anywhere.across_fields) == ("datos abiertos", False)


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_each_question_switch_changes_only_its_own_part(monkeypatch):
    q = "¿cómo fortalecer la auditoría del gasto público?"
    monkeypatch.setattr("search.ranking.QUESTION_WITHOUT_ACTIONS", False)
    monkeypatch.setattr("search.ranking.QUESTION_ACROSS_FIELDS", False)
    words = matched_words(SearchFilters(q=q), translated="")
    assert (words.q, words.across_fields) == (
        "fortalecer auditoria gasto publico",
        False,
    )
    monkeypatch.setattr("search.ranking.QUESTION_BY_TOPIC", False)
    assert matched_words(SearchFilters(q=q), translated="").q == q


def test_a_questions_vector_is_made_from_its_topic_other_queries_from_the_words():
    assert vector_words("¿cómo crear un registro de beneficiarios finales?") == (
        "crear registro beneficiarios finales"
    )
    assert vector_words("how do other countries regulate lobbying?") == (
        "regulate lobbying"
    )
    assert vector_words("ley de acceso a la información pública") == (
        "ley de acceso a la información pública"
    )
