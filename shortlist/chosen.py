"""The public practices a selection names, each shown in the reader's language when
it has a page in it, else in the language it was written in."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from practices.citation import Citation, cite
from practices.dataset import PracticeGroup, practice_groups
from practices.models import PracticePage

from .selection import Selection


@dataclass
class ChosenPractice:
    group: PracticeGroup
    page: PracticePage
    url: str
    citation: Citation

    @property
    def id(self) -> str:
        return self.group.key

    @property
    def link(self) -> str:
        """The page's path, for links within the site (`url`, whole, is cited)."""
        return urlsplit(self.url).path

    @property
    def text_lang(self) -> str:
        """The language of the page shown: the reader's, or the original's."""
        return self.page.locale.language_code


@dataclass
class ChosenPractices:
    found: list[ChosenPractice]
    # Ids that name no live, public practice (unpublished, private, or mistyped).
    missing: list[str]

    @property
    def selection(self) -> Selection:
        """What is left of the selection once the missing ids are dropped."""
        return Selection(tuple(chosen.id for chosen in self.found))


def chosen_practices(
    selection: Selection, *, lang: str, url_for: Callable[[PracticePage], str]
) -> ChosenPractices:
    """Only live practices open to the public; in the selection's order."""
    groups = practice_groups(selection.ids, lang=lang, url_for=url_for)
    found = []
    for group in groups:
        page = group.page(lang) or group.primary
        url = url_for(page)
        found.append(ChosenPractice(group, page, url, cite(page, url)))
    keys = {group.key for group in groups}
    return ChosenPractices(found, [key for key in selection.ids if key not in keys])
