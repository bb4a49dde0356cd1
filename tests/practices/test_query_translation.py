"""A search query is translated by a warm Apertium pipeline (the real one): the same
words as a new Apertium process gives, in milliseconds, surviving odd input and a
pipeline that died. Its first program alone, the analyser, tells a word of the
language from a typo the same way."""

import os
import signal
import statistics
import time

import pytest

from practices.translation import ApertiumTranslator, known_words, translate_query
from practices.translation.apertium import (
    ApertiumAnalyser,
    ApertiumPipeline,
    TranslatorUnavailable,
    warm_pipeline,
)

QUERIES = [
    "datos abiertos",
    "registro de beneficiarios finales",
    "¿cómo publicar los contratos de obra pública del municipio?",
]


@pytest.fixture
def pipeline(settings):
    pipeline = ApertiumPipeline(settings.APERTIUM_COMMAND, "spa-eng")
    if not ApertiumTranslator().status().ok:
        pytest.skip("Apertium with apertium-en-es is not installed")
    yield pipeline
    pipeline.close()


def test_the_warm_pipeline_translates_as_a_new_apertium_process_does(pipeline):
    one_shot = ApertiumTranslator().translate(QUERIES, "es", "en")
    assert [pipeline.translate(q) for q in QUERIES] == one_shot
    assert pipeline.translate("datos abiertos") == "Open data"


def test_a_warm_query_translation_takes_well_under_20_ms(pipeline):
    pipeline.translate("gobierno abierto")  # starts the pipeline
    millis = []
    for _round in range(5):
        for q in QUERIES:
            started = time.perf_counter()
            pipeline.translate(q)
            millis.append((time.perf_counter() - started) * 1000)
    assert statistics.median(millis) < 20


def test_apertium_s_reserved_characters_and_nul_neither_hang_nor_break_it(pipeline):
    assert pipeline.translate("datos ^abiertos$ [x] <a/b> @{c}\\ \0 municipio")
    assert pipeline.translate("datos abiertos") == "Open data"
    assert pipeline.translate("^$[]<>") == ""


def test_a_pipeline_that_died_is_started_again_on_the_next_query(pipeline):
    assert pipeline.translate("datos abiertos") == "Open data"
    os.killpg(pipeline._process.pid, signal.SIGKILL)
    pipeline._process.wait()
    assert pipeline.translate("datos abiertos") == "Open data"


def test_without_apertium_a_query_is_not_translated(settings):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    with pytest.raises(TranslatorUnavailable):
        warm_pipeline("es", "en").translate("datos abiertos")
    assert translate_query("datos abiertos sin apertium", "es", "en") == ""


@pytest.fixture
def analyser(settings):
    analyser = ApertiumAnalyser(settings.APERTIUM_COMMAND, "eng-spa")
    if not ApertiumTranslator().status().ok:
        pytest.skip("Apertium with apertium-en-es is not installed")
    yield analyser
    analyser.close()


def test_the_warm_analyser_tells_the_dictionary_s_words_from_typos(analyser):
    words = ["protect", "protest", "protectoin", "transparencai", "budget"]
    assert analyser.known_words(words) == {"protect", "protest", "budget"}
    assert analyser.known_words([]) == set()


def test_a_spanish_verb_with_pronouns_attached_is_no_word(settings):
    assert known_words(["beneficiaros", "presupuesto", "publicar"], "es") == {
        "presupuesto",
        "publicar",
    }


def test_an_analyser_that_died_is_started_again(analyser):
    assert analyser.known_words(["protect"]) == {"protect"}
    os.killpg(analyser._process.pid, signal.SIGKILL)
    analyser._process.wait()
    assert analyser.known_words(["protect"]) == {"protect"}


def test_without_apertium_no_word_is_known(settings):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    assert known_words(["protect"], "en") is None
