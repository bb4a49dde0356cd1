"""The written sections of a practice, in reading order: declared once, read by the
model, the importers, the exporters, the translator and the search document."""

RICH_TEXT_SECTIONS = ("problem", "actions", "results", "lessons", "evidence")
