"""Build the demo repertory from the facts of the real catalogues.

Every Latin American record in ../shared/data (OGP commitments and Participedia
cases) becomes a practice in Spanish and English. Only facts are taken (names,
places, years, institutions, ratings, source URLs); every sentence is written
here from templates, never copied from the source files.
"""

import uuid
from collections.abc import Iterator
from pathlib import Path

from babel import Locale

from practices.importers.ogp import read_ogp
from practices.importers.participedia import read_participedia_joined
from practices.importers.record import PracticeRecord
from practices.importers.text import junk_in_title, paragraphs_html
from taxonomy.geography import region_slug_for
from taxonomy.vocabularies import THEMES

DEMO_NAMESPACE = uuid.UUID("8b0b6f8e-5c1a-4c55-9b1e-7a6c2f0d9e11")
THEME_LABELS = {slug: {"es": es, "en": en} for slug, es, en, _p, _a in THEMES}
LEVEL_WORDS = {
    "es": {
        "national": "nacional",
        "state": "estatal",
        "municipal": "municipal",
        "multi-level": "de varios órdenes de gobierno",
    },
    "en": {
        "national": "national",
        "state": "state-level",
        "municipal": "municipal",
        "multi-level": "multi-level",
    },
}


def build_demo_records(data_dir: Path) -> Iterator[PracticeRecord]:
    yield from _from_ogp(data_dir / "ogp_commitments_subset.csv")
    yield from _from_participedia(
        data_dir / "participedia_cases_text.csv",
        data_dir / "participedia_cases_facets.csv",
    )


def _latin_american(record: PracticeRecord | None) -> bool:
    return bool(
        record
        and record.country
        and region_slug_for(record.country) == ("latin-america-caribbean")
    )


def _from_ogp(path: Path) -> Iterator[PracticeRecord]:
    for row in read_ogp(path):
        if row.problems or not _latin_american(row.record):
            continue
        yield from _both_languages(row.record, _ogp_text)


def _from_participedia(text_path: Path, facets_path: Path) -> Iterator[PracticeRecord]:
    for row in read_participedia_joined(text_path, facets_path):
        if row.problems or not _latin_american(row.record):
            continue
        yield from _both_languages(row.record, _participedia_text)


def _both_languages(facts: PracticeRecord, write_text) -> Iterator[PracticeRecord]:
    key = str(uuid.uuid5(DEMO_NAMESPACE, f"{facts.source_catalogue}:{facts.source_id}"))
    for language in ("es", "en"):
        summary, actions, results = write_text(facts, language)
        yield PracticeRecord(
            source_catalogue=facts.source_catalogue,
            source_id=facts.source_id,
            locale=language,
            original_language=facts.original_language,
            title=_title(facts.title),
            summary=summary,
            actions=paragraphs_html(actions),
            results=paragraphs_html(results),
            lessons="",
            country=facts.country,
            subdivision=facts.subdivision,
            municipality=facts.municipality,
            government_level=facts.government_level,
            regulated_party_type=facts.regulated_party_type,
            practice_types=facts.practice_types,
            themes=facts.themes,
            outcomes=facts.outcomes,
            evidence_level=facts.evidence_level,
            start_year=facts.start_year,
            end_year=facts.end_year,
            status=facts.status,
            implementing_institutions=facts.implementing_institutions,
            partners=facts.partners[:5],
            sources=facts.sources,
            keywords=[],
            is_demo=True,
            translation_key=key,
        )


def _title(title: str) -> str:
    title = " ".join(title.split())
    junk = junk_in_title(title)
    if junk and title.endswith(junk):
        # "Municipal health councils (brazil) test22": the catalogue's own test
        # suffix on a real case (the import report flags it); the demo drops it.
        title = title.removesuffix(junk).rstrip()
    return title[:1].upper() + title[1:]


def _country_name(code: str, language: str) -> str:
    return Locale(language).territories.get(code, code)


def _place(facts: PracticeRecord, language: str) -> str:
    parts = [facts.municipality] if facts.municipality else []
    parts.append(_country_name(facts.country, language))
    return ", ".join(parts)


def _themes(facts: PracticeRecord, language: str, limit: int = 3) -> str:
    labels = [
        THEME_LABELS[s][language].lower() for s in facts.themes if s in THEME_LABELS
    ]
    labels = labels[:limit]
    if not labels:
        return ""
    joiner = " y " if language == "es" else " and "
    return (
        labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + joiner + labels[-1]
    )


def _ogp_text(facts: PracticeRecord, language: str) -> tuple[str, str, str]:
    place = _place(facts, language)
    lead = facts.implementing_institutions[0] if facts.implementing_institutions else ""
    level = LEVEL_WORDS[language].get(facts.government_level or "", "")
    themes = _themes(facts, language)
    year = facts.start_year
    if language == "es":
        summary = f"Compromiso {facts.source_id} de un plan de acción {level} de {place} ante la Alianza para el Gobierno Abierto"
        summary += f", presentado en {year}." if year else "."
        if lead:
            summary += f" Institución responsable: {lead}."
        if themes:
            summary += f" Temas: {themes}."
        actions = (
            f"{place} incluyó este compromiso en su plan de acción de gobierno abierto"
            + (f" de {year}" if year else "")
            + (f", bajo la responsabilidad de {lead}" if lead else "")
            + ". La ficha de OGP enlazada en las fuentes describe su alcance y metas."
        )
        results = _ogp_results_es(facts)
    else:
        summary = f"Commitment {facts.source_id} of a {level} action plan that {place} submitted to the Open Government Partnership"
        summary += f" in {year}." if year else "."
        if lead:
            summary += f" Lead institution: {lead}."
        if themes:
            summary += f" Themes: {themes}."
        actions = (
            f"{place} included this commitment in its open government action plan"
            + (f" of {year}" if year else "")
            + (f", led by {lead}" if lead else "")
            + ". The OGP record linked in the sources describes its scope and milestones."
        )
        results = _ogp_results_en(facts)
    return _fit(summary), actions, results


def _ogp_results_es(facts: PracticeRecord) -> str:
    if facts.evidence_level == "independently-evaluated":
        text = "El Mecanismo de Revisión Independiente de OGP evaluó el compromiso al cierre del plan."
    elif facts.evidence_level == "documented":
        text = "El Mecanismo de Revisión Independiente de OGP revisó el diseño o el avance del compromiso."
    else:
        text = "No hay una evaluación independiente publicada en la base de compromisos de OGP."
    if "government-opened" in facts.outcomes:
        text += " Según esa evaluación, el compromiso abrió el gobierno."
    if facts.status == "completed":
        text += " Se reporta como completado o con avance sustancial."
    return text


def _ogp_results_en(facts: PracticeRecord) -> str:
    if facts.evidence_level == "independently-evaluated":
        text = "OGP's Independent Reporting Mechanism assessed the commitment at the end of the plan."
    elif facts.evidence_level == "documented":
        text = "OGP's Independent Reporting Mechanism reviewed the commitment's design or progress."
    else:
        text = "The OGP commitments database holds no independent assessment of it."
    if "government-opened" in facts.outcomes:
        text += " According to that assessment, the commitment opened government."
    if facts.status == "completed":
        text += " It is reported as complete or substantially complete."
    return text


def _participedia_text(facts: PracticeRecord, language: str) -> tuple[str, str, str]:
    place = _place(facts, language)
    themes = _themes(facts, language)
    co_created = "co-creation" in facts.practice_types
    if language == "es":
        summary = f"Proceso de participación ciudadana en {place} documentado por la comunidad de Participedia."
        if themes:
            summary += f" Temas: {themes}."
        if co_created:
            summary += " Incluyó formas de cogobierno entre autoridades y ciudadanía."
        actions = (
            "La ficha de Participedia enlazada en las fuentes describe quién convocó, "
            "cómo se eligió a las personas participantes y qué métodos se usaron."
        )
        results = "Los resultados no han sido revisados aún por el equipo editorial."
    else:
        summary = f"A citizen participation process in {place}, documented by the Participedia community."
        if themes:
            summary += f" Themes: {themes}."
        if co_created:
            summary += (
                " It involved forms of co-governance between authorities and citizens."
            )
        actions = (
            "The Participedia entry linked in the sources describes who convened it, "
            "how participants were selected and which methods were used."
        )
        results = "The results have not yet been reviewed by the editors."
    return _fit(summary), actions, results


def _fit(text: str, limit: int = 600) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
