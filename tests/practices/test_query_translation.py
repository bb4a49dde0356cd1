"""A search query is translated by a warm Apertium pipeline (the real one): the same
words as a new Apertium process gives, in milliseconds, surviving odd input and a
pipeline that died."""

import os
import signal
import statistics
import time

import pytest

from practices.translation import ApertiumTranslator, translate_query
from practices.translation.apertium import (
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
