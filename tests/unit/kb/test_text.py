"""kb.text: names folded for comparison, markup stripped exactly as Django does
it (whatever the text), rich text as plain paragraphs."""

from django.utils import html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kb.text import block_text, fold, plain_text, strip_tags

PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br/>",
        "<br />",
        '<a href="/x?a=1&amp;b=2" linktype="page" id="3">',
        "</a >",
        "<b class=x>",
        "<!-- note -->",
        "<script>",
        "</script>",
        "<STYLE>",
        "<title>",
        "&amp;",
        "&#65;",
        "&#x41;",
        "&",
        "AT&T",
        "<",
        ">",
        '"',
        "'",
        "<p title='a>b'>",
        '<p\ntitle="x">',
        "texto ",
        "ñandú",
        "\n",
    ]
)


@settings(max_examples=2000, deadline=None)
@example("AT&T<p>;")  # Django's parser ends "&T" at the tag as "&T;"
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=12).map("".join))
def test_same_as_django_on_any_mix_of_markup_and_text(text):
    assert strip_tags(text) == html.strip_tags(text)


def test_rich_text_loses_its_tags_and_keeps_its_entities():
    markup = '<p>Datos &amp; <a href="/x" linktype="page" id="3">mapas</a></p><br/>'
    assert strip_tags(markup) == "Datos &amp; mapas"


def test_block_text_breaks_between_blocks_and_keeps_character_references():
    """The index reads this text: without the break, "seguros.El" is one word."""
    markup = "<p>Barrios seguros.</p><p>El &amp; otro<br/>más</p>"
    assert block_text(markup) == "Barrios seguros.\n\nEl &amp; otro\n\nmás\n\n"


def test_names_are_compared_without_case_accents_or_punctuation():
    assert fold("  Ciudad de México, D.F. ") == "ciudad de mexico d f"
    assert fold("São Paulo") == fold("SAO-PAULO")
    assert fold("Zapopan") != fold("Zapotlán")


def test_plain_text_keeps_one_blank_line_between_blocks_and_unescapes_entities():
    markup = "<h2>Resultados</h2><p>Datos &amp;\n  mapas</p><ul><li>uno</li><li>dos</li></ul>"
    assert plain_text(markup) == "Resultados\n\nDatos & mapas\n\nuno\n\ndos"


def test_a_line_break_starts_a_paragraph_and_empty_markup_is_empty_text():
    assert plain_text("<p>primera<br/>segunda</p><p> </p>") == "primera\n\nsegunda"
    assert plain_text("") == plain_text(None) == ""
