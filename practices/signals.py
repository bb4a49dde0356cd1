"""Signals other apps listen to, so practices never import them."""

from django.dispatch import Signal

# Sent once for a batch of pages published together (the batch path of imports),
# with `translation_keys`: what one `page_published` per page would have said.
practices_published = Signal()

# Sent with `translation_keys` after new machine translations are stored: whatever
# shows them (the search index) refreshes those practices.
machine_translations_changed = Signal()
