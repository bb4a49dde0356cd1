"""The content measures find what they claim to find."""

from practices.demo.content_checks import (
    deferring_sentences,
    figures,
    foreign_sentences,
    ngrams,
    sentence_skeleton,
    sentences,
    shared_runs,
    shared_sentences,
)


def test_sentences_split_at_full_stops_but_not_inside_numbers():
    text = "La Ley 27.275 se aprobó en 2016. Luego hubo 1.500 pedidos. ¿Y después?"
    assert sentences(text) == [
        "La Ley 27.275 se aprobó en 2016.",
        "Luego hubo 1.500 pedidos.",
        "¿Y después?",
    ]


def test_figures_match_whatever_the_separators():
    assert figures("1,500 requests in 2019 and 1.500 solicitudes") == [
        "1500",
        "2019",
        "1500",
    ]


def test_a_skeleton_masks_names_and_numbers():
    one = sentence_skeleton("Jalisco published 40 datasets in 2017.")
    other = sentence_skeleton("Ciudad de México published 12 datasets in 2019.")
    assert one == other


def test_a_sentence_in_four_practices_is_shared_and_in_three_is_not():
    sentence = "The commitment was never assessed by anyone at all."
    texts = {f"p{i}": [sentence] for i in range(4)}
    assert list(shared_sentences(texts, 3)) == [
        "the commitment was never assessed by anyone at all"
    ]
    del texts["p3"]
    assert shared_sentences(texts, 3) == {}


def test_a_sentence_that_sends_the_reader_to_the_sources_defers():
    assert deferring_sentences(
        "Se publicaron datos. La ficha enlazada en las fuentes describe el resto."
    ) == ["La ficha enlazada en las fuentes describe el resto."]
    assert deferring_sentences("The council published 40 datasets.") == []


def test_english_on_a_spanish_page_is_found_and_proper_names_are_not():
    found = foreign_sentences(
        "Colombia included this commitment in its second action plan.", "es"
    )
    assert [language for _s, language in found] == ["en"]
    assert (
        foreign_sentences(
            "Four partners took part: Fundación Conocimiento Abierto and Directorio "
            "Legislativo.",
            "en",
            names=["Fundación Conocimiento Abierto", "Directorio Legislativo"],
        )
        == []
    )


def test_a_run_of_eight_words_from_a_source_is_found_but_not_a_list_of_names():
    source = ngrams("the government will publish every contract of public works online")
    assert shared_runs(
        "In 2019 the government will publish every contract of public works",
        source,
    ) == [
        "the government will publish every contract of public",
        "government will publish every contract of public works",
    ]
    names = ngrams(
        "Fundación Directorio Legislativo Fundación Conocimiento Abierto La Nación Data"
    )
    assert (
        shared_runs(
            "Fundación Directorio Legislativo Fundación Conocimiento Abierto La Nación Data",
            names,
        )
        == []
    )
