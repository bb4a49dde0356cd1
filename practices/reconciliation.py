"""Making today's divergent classifications one per practice (run once, by a migration).

Before classification was shared, an edit on one language's page changed that page
only, so some practices disagree between languages. For each practice whose pages
disagree, the value kept is:

- a single term, a place or a year: the original-language page's, or, when it has
  none, the first other page's that has one;
- several terms (themes, outcomes, practice types): all of them, from every page;
- sources: the original's, then the others' with a URL it does not list.

Keywords are words of each language and are left as they are. The pages' rows and
their live and latest revisions get the values (so the editor's form and the next
publication keep them), each practice's changes are recorded in
`ClassificationReconciliation`, and a report is returned.

Written against a model getter (`apps.get_model`), so the migration can run it with
its historical models and the tests with today's.
"""

import json

from django.db.models import Count

SINGLE = (
    "country",
    "subdivision",
    "government_level",
    "regulated_party_type",
    "evidence_level",
    "status",
)
MULTIPLE = ("practice_types", "themes", "outcomes")
PLAIN = ("municipality", "start_year", "end_year")
SOURCE_FIELDS = ("title", "url", "kind", "date")


def reconcile_classifications(get_model) -> list[str]:
    """Reconcile every practice; returns the report's lines."""
    Page = get_model("practices", "PracticePage")
    Source = get_model("practices", "PracticeSource")
    Revision = get_model("wagtailcore", "Revision")
    Record = get_model("practices", "ClassificationReconciliation")
    groups = _groups(Page)
    lines, counts = [], {}
    for key, pages in groups.items():
        changes, kept = _merge(pages, Source)
        if not changes:
            continue
        for page in pages:
            _write_page(page, kept, Page, Source, Revision)
        Record.objects.create(
            translation_key=key,
            pages=[page.pk for page in pages],
            changes=json.loads(json.dumps(changes, default=str)),
        )
        for name in changes:
            counts[name] = counts.get(name, 0) + 1
        lines.append(f"  {key}: {', '.join(sorted(changes))}")
    header = (
        f"classification: {len(lines)} of {len(groups)} translated practices "
        "reconciled"
        + (
            " (" + ", ".join(f"{n} {name}" for name, n in sorted(counts.items())) + ")"
            if counts
            else ""
        )
    )
    return [header, *lines]


def _groups(Page) -> dict:
    keys = (
        Page.objects.values("translation_key")
        .order_by()
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("translation_key", flat=True)
    )
    groups: dict = {}
    for page in (
        Page.objects.filter(translation_key__in=list(keys))
        .select_related("locale")
        .order_by("translation_key", "pk")
    ):
        groups.setdefault(page.translation_key, []).append(page)
    return groups


def _merge(pages, Source):
    original = next(
        (p for p in pages if p.locale.language_code == p.original_language), pages[0]
    )
    ordered = [original, *[p for p in pages if p.pk != original.pk]]
    before: dict[str, dict[str, object]] = {}
    kept: dict[str, object] = {}
    for name in SINGLE:
        values = {p.locale.language_code: getattr(p, f"{name}_id") for p in ordered}
        before[name] = values
        kept[name] = next((v for v in values.values() if v is not None), None)
    for name in PLAIN:
        values = {p.locale.language_code: getattr(p, name) for p in ordered}
        before[name] = values
        kept[name] = next((v for v in values.values() if v not in (None, "")), None)
        if name == "municipality":
            kept[name] = kept[name] or ""
    for name in MULTIPLE:
        values = {
            p.locale.language_code: sorted(
                getattr(p, name)
                .through.objects.filter(**{f"{_own(p, name)}_id": p.pk})
                .values_list(f"{_other(p, name)}_id", flat=True)
            )
            for p in ordered
        }
        before[name] = values
        kept[name] = sorted({v for vs in values.values() for v in vs})
    sources = {
        p.locale.language_code: [
            tuple(getattr(s, f) for f in SOURCE_FIELDS)
            for s in Source.objects.filter(page_id=p.pk).order_by("sort_order", "pk")
        ]
        for p in ordered
    }
    before["sources"] = {lang: [s[1] for s in found] for lang, found in sources.items()}
    merged, urls = [], set()
    for found in sources.values():
        for source in found:
            if source[1] not in urls:
                urls.add(source[1])
                merged.append(source)
    kept["sources"] = merged
    changes = {}
    for name, values in before.items():
        wanted = [s[1] for s in merged] if name == "sources" else kept[name]
        if any(value != wanted for value in values.values()):
            changes[name] = {"before": values, "kept": wanted}
    return changes, kept


def _own(page, name) -> str:
    return page._meta.get_field(name).m2m_field_name()


def _other(page, name) -> str:
    return page._meta.get_field(name).m2m_reverse_field_name()


def _write_page(page, kept, Page, Source, Revision) -> None:
    Page.objects.filter(pk=page.pk).update(
        **{f"{name}_id": kept[name] for name in SINGLE},
        **{name: kept[name] for name in PLAIN},
    )
    for name in MULTIPLE:
        through = page._meta.get_field(name).remote_field.through
        own, other = _own(page, name), _other(page, name)
        through.objects.filter(**{f"{own}_id": page.pk}).delete()
        through.objects.bulk_create(
            [through(**{f"{own}_id": page.pk, f"{other}_id": v}) for v in kept[name]]
        )
    Source.objects.filter(page_id=page.pk).delete()
    created = Source.objects.bulk_create(
        [
            Source(
                page_id=page.pk,
                sort_order=n,
                **dict(zip(SOURCE_FIELDS, s, strict=True)),
            )
            for n, s in enumerate(kept["sources"])
        ]
    )
    revisions = {page.live_revision_id, page.latest_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revisions):
        content = dict(revision.content)
        for name in SINGLE:
            content[name] = kept[name]
        for name in (*PLAIN, *MULTIPLE):
            content[name] = kept[name]
        content["sources"] = [
            {
                "pk": source.pk,
                "page": page.pk,
                "sort_order": source.sort_order,
                **{
                    f: (
                        getattr(source, f).isoformat()
                        if f == "date" and getattr(source, f)
                        else getattr(source, f)
                    )
                    for f in SOURCE_FIELDS
                },
            }
            for source in created
        ]
        revision.content = content
        revision.save(update_fields=["content"])
