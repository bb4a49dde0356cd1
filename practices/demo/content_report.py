"""How deep the written content is, per language: `manage.py content_report`.

Reads interchange records (the shipped demo by default), so the same measures apply
to the demo, an import file or an export of the live site. Figures are checked
against provenance where the records come with it (the written demo cases).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kb.text import plain_text
from kb.translations import site_languages
from practices.demo.content_checks import (
    deferring_sentences,
    figures,
    foreign_sentences,
    median,
    normalise_figure,
    shared_sentences,
    shared_skeletons,
    words,
)
from practices.records.record import PracticeRecord
from practices.sections import RICH_TEXT_SECTIONS

SHARED_SENTENCE_LIMIT = 3
SHARED_SKELETON_LIMIT = 10
# A section "says something" from this many words on (the content issue's bar).
FULL_SECTION_WORDS = {"problem": 40, "actions": 40, "results": 30}


@dataclass
class LanguageReport:
    language: str
    practices: int = 0
    with_section: dict[str, int] = field(default_factory=dict)
    full_section: dict[str, int] = field(default_factory=dict)
    median_words: dict[str, float] = field(default_factory=dict)
    shared_sentences: dict[str, list[str]] = field(default_factory=dict)
    shared_skeletons: dict[str, list[str]] = field(default_factory=dict)
    deferring: list[tuple[str, str]] = field(default_factory=list)
    wrong_language: list[tuple[str, str, str]] = field(default_factory=list)
    figures_without_provenance: list[tuple[str, str]] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.practices if self.practices else 0.0


@dataclass
class ContentReport:
    practices: int
    languages: dict[str, LanguageReport]
    same_titles: list[str]
    over_four_themes: list[str]
    with_two_sources: int
    provenance_checked: bool

    def lines(self) -> list[str]:
        out = [f"practices: {self.practices}"]
        for language, report in self.languages.items():
            out.append(f"\n[{language}] {report.practices} practices")
            for name in ("summary", *RICH_TEXT_SECTIONS):
                has = report.with_section.get(name, 0)
                row = (
                    f"  {name:<9} present {has:>4} ({report.share(has):6.1%})"
                    f"  median words {report.median_words.get(name, 0):6.1f}"
                )
                if name in FULL_SECTION_WORDS:
                    full = report.full_section.get(name, 0)
                    row += (
                        f"  {FULL_SECTION_WORDS[name]}+ words {full:>4}"
                        f" ({report.share(full):6.1%})"
                    )
                out.append(row)
            out.append(
                f"  sentences shared by more than {SHARED_SENTENCE_LIMIT} practices: "
                f"{len(report.shared_sentences)}"
            )
            out += _examples(report.shared_sentences)
            out.append(
                f"  sentence shapes shared by more than {SHARED_SKELETON_LIMIT}: "
                f"{len(report.shared_skeletons)}"
            )
            out += _examples(report.shared_skeletons)
            out.append(f"  sentences deferring to the sources: {len(report.deferring)}")
            out += [f"    {key}: {text!r}" for key, text in report.deferring[:5]]
            out.append(f"  fields in the wrong language: {len(report.wrong_language)}")
            out += [
                f"    {key} {name} reads as {detected}"
                for key, name, detected in report.wrong_language[:5]
            ]
            figures_line = (
                str(len(report.figures_without_provenance))
                if self.provenance_checked
                else "not checked (no provenance in these records)"
            )
            out.append(f"  figures without provenance: {figures_line}")
            out += [
                f"    {key}: {figure}"
                for key, figure in report.figures_without_provenance[:5]
            ]
        out.append(
            f"\npractices whose two titles are the same: {len(self.same_titles)}"
        )
        out += [f"  {key}" for key in self.same_titles[:5]]
        out.append(f"practices with more than 4 themes: {len(self.over_four_themes)}")
        out.append(
            f"practices with two or more sources: {self.with_two_sources}"
            f" of {self.practices}"
        )
        return out


def _examples(found: dict[str, list[str]], count: int = 5) -> list[str]:
    ordered = sorted(found.items(), key=lambda item: -len(item[1]))[:count]
    return [f"    {len(keys):>3}× {text!r}" for text, keys in ordered]


def practice_key(record: PracticeRecord) -> str:
    return f"{record.source_catalogue}:{record.source_id}"


def build_report(
    records: Iterable[PracticeRecord],
    provenance: dict[str, list[dict]] | None = None,
) -> ContentReport:
    """Measure records; `provenance` maps a practice key to its provenance entries."""
    by_practice: dict[str, dict[str, PracticeRecord]] = defaultdict(dict)
    for record in records:
        by_practice[practice_key(record)][record.locale] = record
    languages = {}
    for language in site_languages():
        report = LanguageReport(language)
        texts_by_practice = {}
        words_by_section = defaultdict(list)
        for key, versions in by_practice.items():
            record = versions.get(language)
            if record is None:
                continue
            report.practices += 1
            texts = {"summary": record.summary} | {
                name: plain_text(getattr(record, name)) for name in RICH_TEXT_SECTIONS
            }
            texts_by_practice[key] = [record.title, *texts.values()]
            names = [
                *record.implementing_institutions,
                *record.partners,
                record.municipality,
            ]
            for name, text in texts.items():
                count = len(words(text))
                if count:
                    report.with_section[name] = report.with_section.get(name, 0) + 1
                    words_by_section[name].append(count)
                if count >= FULL_SECTION_WORDS.get(name, 10**9):
                    report.full_section[name] = report.full_section.get(name, 0) + 1
            for name, text in {"title": record.title, **texts}.items():
                report.deferring += [(key, s) for s in deferring_sentences(text)]
                report.wrong_language += [
                    (key, name, detected)
                    for _s, detected in foreign_sentences(text, language, names)
                ]
            if provenance is not None:
                known = {normalise_figure(p["fact"]) for p in provenance.get(key, [])}
                report.figures_without_provenance += [
                    (key, figure)
                    for text in [record.title, *texts.values()]
                    for figure in figures(text)
                    if figure not in known
                ]
        report.median_words = {
            name: median(counts) for name, counts in words_by_section.items()
        }
        report.shared_sentences = shared_sentences(
            texts_by_practice, SHARED_SENTENCE_LIMIT
        )
        report.shared_skeletons = shared_skeletons(
            texts_by_practice, SHARED_SKELETON_LIMIT
        )
        languages[language] = report
    same_titles = [
        key
        for key, versions in by_practice.items()
        if len(versions) == 2
        and versions["es"].title.casefold() == versions["en"].title.casefold()
    ]
    any_version = [next(iter(v.values())) for v in by_practice.values()]
    return ContentReport(
        practices=len(by_practice),
        languages=languages,
        same_titles=same_titles,
        over_four_themes=[practice_key(r) for r in any_version if len(r.themes) > 4],
        with_two_sources=sum(1 for r in any_version if len(r.sources) >= 2),
        provenance_checked=provenance is not None,
    )
