"""Text helpers every app shares: how names and words are compared, markup stripped,
plain paragraphs made markup."""

import html as html_module
import re
import unicodedata

from django.utils import html

# A start tag with well-formed attributes, or an end tag: what rich text is made of.
# Not the elements whose content an HTML parser reads as raw text (script, style and
# the like): text around those goes to Django's parser.
_TAG = re.compile(
    r"""<(?!(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b)"""
    r"""[A-Za-z][A-Za-z0-9]*"""
    r"""(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?)*"""
    r"""\s*/?>|</[A-Za-z][A-Za-z0-9]*\s*>""",
    re.IGNORECASE,
)
# Where a block of rich text ends: a paragraph break in plain text.
_BLOCK_END = re.compile(r"</(?:p|li|ol|ul|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
# An ampersand that does not start a complete entity or character reference.
_BARE_AMPERSAND = re.compile(r"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)")


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(
        "".join(ch if ch.isalnum() else " " for ch in letters.lower()).split()
    )


def strip_tags(markup: str) -> str:
    """Exactly Django's `strip_tags`, about twenty times faster on well-formed markup.

    Django's runs an HTML parser over the text, which is most of the cost of building
    a search document. Removing well-formed tags with one expression gives the same
    text; anything else left (a stray `<` or `>`, a comment, an ampersand that is not
    a complete entity, which Django's parser rewrites) goes to Django's own.
    """
    text = _TAG.sub("", markup)
    # The ampersand is looked for before the tags go: Django's parser ends "&T" at
    # a tag as "&T;", and "AT&T<p>;" would otherwise read as a complete "&T;".
    if "<" in text or ">" in text or _BARE_AMPERSAND.search(markup):
        return html.strip_tags(markup)
    return text


def paragraphs_html(text: str) -> str:
    """Plain text to escaped <p> paragraphs, one per blank-line-separated block:
    the way back from `plain_text`."""
    blocks = [
        b.strip() for b in re.split(r"\n\s*\n|\r\n\s*\r\n", text or "") if b.strip()
    ]
    return "".join(f"<p>{html.escape(' '.join(block.split()))}</p>" for block in blocks)


def block_text(markup: str) -> str:
    """Rich text without its tags, a blank line where each block ended, character
    references left as they are. Without the break, "seguros.</p><p>El" would read
    "seguros.El": one word to an analyzer, found by neither of its halves."""
    return strip_tags(_BLOCK_END.sub("\n\n", markup or ""))


def plain_text(markup: str) -> str:
    """Rich text as plain paragraphs separated by blank lines."""
    text = html_module.unescape(block_text(markup))
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
