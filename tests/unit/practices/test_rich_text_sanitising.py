"""Imported rich text is what the editor's converter makes of it, whether it takes the
plain-paragraph shortcut or not."""

from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from practices.records.rich_text import sanitise_rich_text
from practices.sections import RICH_TEXT_FEATURES

CONVERTER = EditorHTMLConverter(features=RICH_TEXT_FEATURES)
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["'", '"', "&", "<", ">", "\r", "\n", "\xa0", "ñ", "é"]),
    ),
    max_size=30,
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_paragraphs_of_any_text_come_out_as_the_converter_makes_them(texts):
    markup = "".join(f"<p>{text}</p>" for text in texts)
    assert sanitise_rich_text(markup) == CONVERTER.to_database_format(markup)


def test_script_tags_and_handlers_are_removed():
    markup = '<p onclick="x()">Datos</p><script>alert(1)</script>'
    clean = sanitise_rich_text(markup)
    assert clean == CONVERTER.to_database_format(markup)
    assert "<script" not in clean and "onclick" not in clean
