"""The written sections of a practice, in reading order: declared once, read by the
model, the importers, the exporters, the translator and the search document."""

RICH_TEXT_SECTIONS = ("problem", "actions", "results", "lessons", "evidence")

# What an editor may use in rich text: the editor's toolbar, and what the importers
# keep of the markup they read. A practice's sections start at h3 (the page heads
# each with an h2); a text page (pages/) adds h2.
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]
