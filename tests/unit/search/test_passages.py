"""What a practice's passage vectors are made of (search/document_builder.py
`passage_texts`, off in the index: docs/search.md, sixth wave). Pure logic."""

from types import SimpleNamespace

from search import document_builder
from search.document_builder import embedding_text, passage_texts


def _page(language: str, pk: int = 1, **sections) -> SimpleNamespace:
    values = dict.fromkeys(document_builder.RICH_TEXT_SECTIONS, "")
    values.update(sections)
    return SimpleNamespace(
        pk=pk,
        locale=SimpleNamespace(language_code=language),
        original_language="en",
        title="Open budget",
        summary="The budget is published.",
        **values,
    )


def test_the_title_and_summary_then_each_section_each_text_once():
    page = _page("en", actions="<p>A portal.</p>", results="<p>Readers &amp; all.</p>")
    assert passage_texts([page]) == [
        embedding_text([page]),
        "A portal.",
        "Readers & all.",
    ]


def test_a_long_section_is_cut_every_passage_words(monkeypatch):
    monkeypatch.setattr(document_builder, "PASSAGE_WORDS", 3)
    page = _page("en", actions="<p>one two three four five</p>")
    assert passage_texts([page])[1:] == ["one two three", "four five"]


def test_the_machine_translation_joins_a_single_language_practice(monkeypatch):
    page = _page("en", actions="<p>A portal.</p>")
    machine = {1: {"title": "Presupuesto abierto", "actions": "Un portal."}}
    assert "Presupuesto abierto" not in passage_texts([page], machine)
    monkeypatch.setattr(document_builder, "PASSAGE_MACHINE", True)
    assert passage_texts([page], machine)[-2:] == ["Presupuesto abierto", "Un portal."]
    monkeypatch.setattr(document_builder, "PASSAGE_SECTIONS", ())
    assert passage_texts([page], machine) == [
        embedding_text([page]),
        "Presupuesto abierto",
    ]
