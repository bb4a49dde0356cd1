"""The JSON shape of the finder API (documented in docs/api/openapi.yaml)."""

from .service import FinderAnswer


def answer_json(answer: FinderAnswer) -> dict:
    return {
        "context": answer.context.as_json(),
        "took_ms": answer.took_ms,
        "results": [
            {
                "id": found.hit.id,
                "url": found.hit.url,
                "title": found.hit.title,
                "summary": found.hit.summary,
                "language": found.hit.language,
                "country": found.hit.country,
                "level": found.hit.level,
                "evidence": found.hit.evidence,
                "documented_results": found.hit.documented_results,
                "year": found.hit.year,
                "score": found.match.score,
                "reasons": [
                    {
                        "kind": reason.kind,
                        "text": reason.text,
                        "passages": reason.passages,
                        "quote": reason.quote,
                        "language": reason.language or found.hit.language,
                    }
                    for reason in found.reasons
                ],
            }
            for found in answer.practices
        ],
    }
