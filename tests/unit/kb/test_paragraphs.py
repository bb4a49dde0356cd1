"""Plain paragraphs become escaped markup and come back unchanged (kb.text)."""

import pytest

from kb.text import paragraphs_html, plain_text


@pytest.mark.parametrize(
    "text",
    [
        "Una sola línea.",
        "Primero.\n\nSegundo, con <etiquetas> & signos.",
        "  Espacios   de más \n en un párrafo.\n\n\n\nY otro.",
    ],
)
def test_plain_text_reads_back_what_paragraphs_html_wrote(text):
    markup = paragraphs_html(text)
    assert "<etiquetas>" not in markup
    assert plain_text(markup) == "\n\n".join(
        " ".join(block.split()) for block in text.split("\n\n") if block.strip()
    )


def test_every_blank_line_separated_block_is_one_paragraph():
    assert paragraphs_html("a\nb\n\nc") == "<p>a b</p><p>c</p>"
    assert paragraphs_html("") == ""
