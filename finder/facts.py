"""What a practice's page records beyond the index: who did it, with whom, when,
what was done first, its results and its sources. Read for the few practices a
finder page shows, in one query each for pages and sources."""

from dataclasses import dataclass, field

from kb.text import plain_text
from practices.models import PracticePage, PracticeSource
from taxonomy.models import Country

SENTENCE_ENDS = (". ", "; ")


@dataclass
class PracticeFacts:
    institutions: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    municipality: str = ""
    start_year: int | None = None
    end_year: int | None = None
    actions: str = ""
    results: str = ""
    lessons: str = ""
    sources: list[tuple[str, str]] = field(default_factory=list)
    # The language of the page the facts were read from.
    language: str = ""

    @property
    def first_action(self) -> str:
        """The first sentence of what was done: where the practice started."""
        return first_sentence(self.actions)


def first_sentence(text: str) -> str:
    paragraph = text.split("\n\n", 1)[0].strip()
    cut = min(
        (paragraph.find(end) for end in SENTENCE_ENDS if paragraph.find(end) > 40),
        default=-1,
    )
    return paragraph[: cut + 1] if cut > 0 else paragraph


def practice_facts(
    keys_and_languages: list[tuple[str, str]],
) -> dict[str, PracticeFacts]:
    """Facts of each practice (translation key) in the language it is shown in, or
    its original's when that language has no page."""
    keys = [key for key, _lang in keys_and_languages]
    pages: dict[tuple[str, str], PracticePage] = {}
    for page in (
        PracticePage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only(
            "translation_key",
            "locale__language_code",
            "original_language",
            "implementing_institutions",
            "partners",
            "municipality",
            "start_year",
            "end_year",
            "actions",
            "results",
            "lessons",
        )
    ):
        pages[(str(page.translation_key), page.locale.language_code)] = page
    chosen = {}
    for key, lang in keys_and_languages:
        page = pages.get((key, lang)) or next(
            (p for (k, _l), p in sorted(pages.items()) if k == key), None
        )
        if page is not None:
            chosen[key] = page
    sources: dict[int, list[tuple[str, str]]] = {}
    for page_id, title, url in PracticeSource.objects.filter(
        page_id__in=[page.pk for page in chosen.values()]
    ).values_list("page_id", "title", "url"):
        sources.setdefault(page_id, []).append((title, url))
    return {
        key: PracticeFacts(
            institutions=page.institutions_list(),
            partners=page.partners_list(),
            municipality=page.municipality,
            start_year=page.start_year,
            end_year=page.end_year,
            actions=plain_text(page.actions),
            results=plain_text(page.results),
            lessons=plain_text(page.lessons),
            sources=sources.get(page.pk, []),
            language=page.locale.language_code,
        )
        for key, page in chosen.items()
    }


def region_of(country: str) -> str | None:
    """The UN M49 region (the `region` facet's slug) of a country code."""
    if not country:
        return None
    return (
        Country.objects.filter(code=country)
        .values_list("region__slug", flat=True)
        .first()
    )
