"""A small repertory committed once per test session and indexed on the real node."""

from django.db import connections, transaction
from wagtail.models import Page

from pages.site_setup import ensure_site
from practices.models import PracticePage
from search.indexer import rebuild
from tests.factories import create_practices, practice_record, translation_pair

FILLER_COUNTRIES = [
    "AR",
    "PE",
    "UY",
    "PY",
    "EC",
    "BO",
    "GT",
    "HN",
    "CR",
    "PA",
    "DO",
    "SV",
]


def corpus_records():
    records = translation_pair(
        "zapopan",
        {
            "title": "Presupuestos participativos en Zapopan",
            "summary": "Las colonias deciden en asambleas vecinales cómo invertir parte del "
            "presupuesto municipal.",
            "country": "MX",
            "subdivision": "MX-JAL",
            "municipality": "Zapopan",
            "government_level": "municipal",
            "regulated_party_type": "executive",
            "themes": ["participatory-budgeting"],
            "practice_types": ["citizen-participation"],
            "outcomes": ["increased-participation"],
            "evidence_level": "documented",
            "start_year": 2016,
            "status": "ongoing",
            "original_language": "es",
        },
        {
            "title": "Participatory budgets in Zapopan",
            "summary": "Neighbourhood assemblies decide how to invest part of the municipal budget.",
        },
    )
    spanish = [
        (
            "jalisco-obra",
            "Datos abiertos de obra pública en Jalisco",
            "El gobierno estatal publica contratos y avance físico de cada obra.",
            {
                "subdivision": "MX-JAL",
                "government_level": "state",
                "regulated_party_type": "executive",
                "themes": ["open-data", "public-works"],
                "practice_types": ["open-data", "proactive-transparency"],
                "start_year": 2019,
                "evidence_level": "independently-evaluated",
                "status": "completed",
                "end_year": 2021,
                "outcomes": ["information-published"],
            },
        ),
        (
            "nl-denuncia",
            "Protección de denunciantes en la contraloría estatal",
            "Un canal confidencial protege a quienes denuncian actos de corrupción.",
            {
                "subdivision": "MX-NLE",
                "government_level": "state",
                "themes": ["whistleblower-protection"],
                "practice_types": ["accountability-anti-corruption"],
                "start_year": 2018,
                "evidence_level": "self-reported",
            },
        ),
        (
            "co-agua",
            "Rendición de cuentas del gasto en agua potable",
            "Los usuarios revisan cada trimestre las cuentas del servicio de agua.",
            {
                "country": "CO",
                "government_level": "municipal",
                "regulated_party_type": "trusts-public-funds",
                "themes": ["water-sanitation"],
                "practice_types": ["accountability-anti-corruption"],
                "start_year": 2017,
                "outcomes": ["stronger-accountability"],
                "evidence_level": "documented",
            },
        ),
        (
            "cl-plan",
            "Participación ciudadana en el plan de acción local",
            "Vecinos y funcionarios cocrean los compromisos del plan municipal.",
            {
                "country": "CL",
                "government_level": "municipal",
                "themes": ["citizen-participation"],
                "practice_types": ["co-creation", "open-government"],
                "start_year": 2021,
                "status": "ongoing",
            },
        ),
    ]
    english = [
        (
            "br-budget",
            "Open data portal for municipal budgets",
            "The city publishes every budget line as downloadable open data.",
            {
                "country": "BR",
                "government_level": "municipal",
                "themes": ["open-data", "fiscal-openness"],
                "practice_types": ["open-data"],
                "start_year": 2018,
                "evidence_level": "documented",
                "outcomes": ["information-published"],
            },
        ),
        (
            "ke-whistle",
            "Whistleblower protection law",
            "A national law shields public servants who report wrongdoing.",
            {
                "country": "KE",
                "government_level": "national",
                "regulated_party_type": "legislative",
                "themes": ["whistleblower-protection"],
                "practice_types": ["accountability-anti-corruption"],
                "start_year": 2017,
                "outcomes": ["policy-or-law-change"],
            },
        ),
        (
            "us-pb",
            "Participatory budgeting in neighbourhoods",
            "Residents propose and vote on capital projects for their district.",
            {
                "country": "US",
                "government_level": "municipal",
                "themes": ["participatory-budgeting"],
                "practice_types": ["citizen-participation"],
                "start_year": 2016,
                "outcomes": ["increased-participation"],
                "evidence_level": "independently-evaluated",
            },
        ),
        (
            "gb-owners",
            "Beneficial ownership register",
            "Companies must declare the people who ultimately own or control them.",
            {
                "country": "GB",
                "government_level": "national",
                "themes": ["beneficial-ownership"],
                "practice_types": ["proactive-transparency"],
                "start_year": 2019,
            },
        ),
        (
            "in-water",
            "Water utility accountability dashboards",
            "Monthly dashboards show leaks, outages and complaints for each ward.",
            {
                "country": "IN",
                "government_level": "state",
                "themes": ["water-sanitation"],
                "practice_types": ["proactive-transparency"],
                "start_year": 2020,
                "outcomes": ["better-public-services"],
            },
        ),
    ]
    for source_id, title, summary, fields in spanish:
        records.append(
            practice_record(
                source_id, title, summary, locale="es", original_language="es", **fields
            )
        )
    for source_id, title, summary, fields in english:
        records.append(
            practice_record(
                source_id, title, summary, locale="en", original_language="en", **fields
            )
        )
    for n, country in enumerate(FILLER_COUNTRIES):
        records.append(
            practice_record(
                f"filler-{country}",
                f"Consejo ciudadano de transparencia {n + 1}",
                "Un consejo de la sociedad civil vigila el cumplimiento de las obligaciones "
                "de transparencia.",
                country=country,
                government_level="national",
                themes=["access-to-information"],
                practice_types=["proactive-transparency"],
                start_year=2015 + n % 8,
            )
        )
    # A draft: must never be found.
    records.append(
        practice_record("draft", "Borrador secreto de presupuesto", "No publicado.")
    )
    return records


class SharedCorpus:
    """The small repertory, built for the first test that uses it and removed before
    the first that does not (tests/conftest.py), so those find the site without
    practices they expect. The suite runs its users first, so each test process
    builds it once.
    """

    current: "SharedCorpus | None" = None

    def __init__(self, django_db_blocker):
        self.blocker = django_db_blocker
        self.records: list | None = None

    def build(self) -> list:
        if self.records is None:
            with self.blocker.unblock():
                _migrated_site_back()
                ensure_site()
                records = corpus_records()
                create_practices(records[:-1], publish=True)
                create_practices(records[-1:], publish=False)
                rebuild()
            self.records = records
        return self.records

    def remove(self) -> None:
        """Delete the practices (one index update after the commit); the site stays,
        as the test database has it (tests/conftest.py: django_db_setup)."""
        if self.records is None:
            return
        with self.blocker.unblock(), transaction.atomic():
            for page in PracticePage.objects.all():
                page.delete()
        self.records = None


def _migrated_site_back() -> None:
    """The migrated site, restored if a transactional test's flush emptied the
    database before this user of the corpus (pytest-xdist hands a process whole
    files, and one of a transactional package may come first): what Django's
    serialized_rollback restores before a transactional test."""
    if Page.objects.exists():
        return
    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            connections[alias].creation.deserialize_db_from_string(contents)
