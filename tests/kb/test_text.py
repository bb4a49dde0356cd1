"""kb.text.strip_tags gives exactly what Django's strip_tags gives, whatever the text."""

from django.utils import html
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.text import strip_tags

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
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=12).map("".join))
def test_same_as_django_on_any_mix_of_markup_and_text(text):
    assert strip_tags(text) == html.strip_tags(text)


def test_rich_text_loses_its_tags_and_keeps_its_entities():
    markup = '<p>Datos &amp; <a href="/x" linktype="page" id="3">mapas</a></p><br/>'
    assert strip_tags(markup) == "Datos &amp; mapas"
