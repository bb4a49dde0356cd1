"""The written sections of a practice, in reading order: declared once, read by the
model, the importers, the exporters, the translator and the search document."""

from django.utils.translation import gettext_lazy as _

RICH_TEXT_SECTIONS = ("problem", "actions", "results", "lessons", "evidence")

# What an editor may use in rich text: the editor's toolbar, and what the importers
# keep of the markup they read. A practice's sections start at h3 (the page heads
# each with an h2); a text page (pages/) adds h2.
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]

# What readers call each section (the practice page's headings).
SECTION_HEADINGS = {
    "problem": _("Problem addressed"),
    "actions": _("What was done"),
    "results": _("Results"),
    "lessons": _("Lessons and how to replicate it"),
    "evidence": _("How we know: the evidence"),
}
