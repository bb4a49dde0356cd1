"""Rich text as pages hold it: any markup kept to what the editor allows
(practices/sections.py's RICH_TEXT_FEATURES); plain paragraphs become markup with
`kb.text.paragraphs_html`."""

import re

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from practices.sections import RICH_TEXT_FEATURES

_converter = None
# Plain paragraphs: no other tag, no attribute, no entity, no control character. The
# editor keeps them as they are but for quotes, which it escapes; they need no
# parsing (most catalogue text is this).
_PLAIN_PARAGRAPHS = re.compile(r"(?:<p>[^<>&\x00-\x1f\x7f-\x9f]*</p>)+")


def sanitise_rich_text(markup: str) -> str:
    """Keep only what the rich text editor allows (no scripts, styles or handlers)."""
    global _converter
    if not markup:
        return ""
    if _PLAIN_PARAGRAPHS.fullmatch(markup):
        return markup.replace('"', "&quot;").replace("'", "&#x27;")
    if _converter is None:
        _converter = EditorHTMLConverter(features=RICH_TEXT_FEATURES)
    return _converter.to_database_format(markup)
