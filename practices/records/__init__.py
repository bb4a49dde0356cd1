"""The interchange record: one practice in one language, as the importers read it,
the exporters write it and the practice service (practices/services.py) writes pages
from it; its validation, the vocabulary it may name, and its conversion to and from
pages."""
