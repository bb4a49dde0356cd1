"""The vocabularies an import checks against, read once per import."""

from dataclasses import dataclass

from taxonomy.models import (
    Country,
    EvidenceLevel,
    GovernmentLevel,
    Outcome,
    PracticeStatus,
    PracticeType,
    RegulatedPartyType,
    Subdivision,
    Theme,
)


@dataclass
class Vocabulary:
    countries: dict[str, Country]
    subdivisions: dict[str, Subdivision]
    themes: dict[str, Theme]
    outcomes: dict[str, Outcome]
    practice_types: dict[str, PracticeType]
    evidence_levels: dict[str, EvidenceLevel]
    government_levels: dict[str, GovernmentLevel]
    regulated_party_types: dict[str, RegulatedPartyType]
    statuses: dict[str, PracticeStatus]

    @classmethod
    def load(cls) -> "Vocabulary":
        def by_slug(model):
            return {term.slug: term for term in model.objects.all()}

        return cls(
            countries={c.code: c for c in Country.objects.all()},
            subdivisions={s.code: s for s in Subdivision.objects.all()},
            themes=by_slug(Theme),
            outcomes=by_slug(Outcome),
            practice_types=by_slug(PracticeType),
            evidence_levels=by_slug(EvidenceLevel),
            government_levels=by_slug(GovernmentLevel),
            regulated_party_types=by_slug(RegulatedPartyType),
            statuses=by_slug(PracticeStatus),
        )

    def single_fields(self) -> dict[str, dict]:
        return {
            "country": self.countries,
            "subdivision": self.subdivisions,
            "evidence_level": self.evidence_levels,
            "government_level": self.government_levels,
            "regulated_party_type": self.regulated_party_types,
            "status": self.statuses,
        }

    def multiple_fields(self) -> dict[str, dict]:
        return {
            "themes": self.themes,
            "outcomes": self.outcomes,
            "practice_types": self.practice_types,
        }
