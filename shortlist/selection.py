"""A visitor's chosen practices, named in the address: `?ids=<id>,<id>`.

The list itself is kept in the visitor's browser (static/js/shortlist.js), never on
the server: the list, comparison and export pages read only their address, so a list
works without an account or JavaScript and is shared by sharing its link. An id is a
practice's public id, the translation key the search API and the exports give.
"""

from dataclasses import dataclass
from urllib.parse import urlencode
from uuid import UUID

from django.utils.translation import gettext as _

PARAMETER = "ids"
# Enough for a memo; keeps the address well under what browsers and servers accept.
MAX_LISTED = 50
MIN_COMPARED, MAX_COMPARED = 2, 4


class SelectionError(ValueError):
    """Ids that cannot be read, or too many; answered with 400 naming `ids`."""

    parameter = PARAMETER

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Selection:
    """Practice ids in the visitor's order, each once."""

    ids: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def joined(self) -> str:
        return ",".join(self.ids)

    def query(self, **extra: str) -> str:
        """`ids=…` and any other parameters, for a link to a page of this selection."""
        return urlencode({PARAMETER: self.joined, **extra}, safe=",")

    @property
    def can_be_compared(self) -> bool:
        return MIN_COMPARED <= len(self.ids) <= MAX_COMPARED


def parse_selection(params, *, maximum: int = MAX_LISTED) -> Selection:
    """Read `ids` (comma-separated, and/or repeated as a form's checkboxes send it).

    Raises SelectionError for an id that is not a practice id or for more than
    `maximum` ids. Ids that name no public practice are not an error here: the
    pages and exports say which they could not find.
    """
    parts = [
        part.strip()
        for value in params.getlist(PARAMETER)
        for part in value.split(",")
        if part.strip()
    ]
    ids: list[str] = []
    for part in parts:
        try:
            key = str(UUID(part))
        except ValueError:
            raise SelectionError(
                _("“%(id)s” is not a practice id.") % {"id": part[:40]}
            ) from None
        if key not in ids:
            ids.append(key)
    if len(ids) > maximum:
        raise SelectionError(
            _("At most %(count)s practices can be chosen at once.") % {"count": maximum}
        )
    return Selection(tuple(ids))
