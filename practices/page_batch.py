"""Writing a batch of new practice pages at once: the batch path of imports
(`services.PracticeBatch` prepares them, this module writes them).

The pages are the same as those `add_child` + `save_revision` + `publish` make one by
one: a place in the page tree, a URL path, a revision holding the page's content
(and, when published, as the live revision), its terms, keywords and sources, and a
"published" entry in the page history. What changes is how they are written: a few
multi-row statements per batch instead of about a hundred queries per page, and the
side effects of a save done once per batch:

- one `practices_published` signal for the batch instead of a `page_published` per
  page (search queues the whole batch at once: one drain after the commit);
- Wagtail's own search index (the admin's, on the database) is updated with one
  bulk call;
- Wagtail's reference index (which objects use which, for the admin's "usage"
  counts) gets the rows a save would give each page, in one insert per batch;
- the history gets the "created" and "published" entries a save and a publish
  would log, in one insert per batch;
- slugs are checked against their siblings in one query per parent, not per page.

Only new pages go this way; an update to an existing page keeps the one-by-one path.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from wagtail.log_actions import get_active_log_context, registry
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from .models import PracticePage
from .signals import practices_published


@dataclass
class NewPractice:
    """A page ready to be written (fields, terms and child objects set in memory)
    and the parent it goes under."""

    page: PracticePage
    parent: Page


def create_pages(new: Iterable[NewPractice], *, publish: bool) -> list[PracticePage]:
    """Write new practice pages in a few statements; returns them with their ids."""
    new = list(new)
    if not new:
        return []
    now = timezone.now()
    with transaction.atomic():
        _place_in_tree(new)
        pages = [item.page for item in new]
        for page in pages:
            page.draft_title = page.title
            page.live = publish
            page.has_unpublished_changes = not publish
            page.first_published_at = page.last_published_at = now if publish else None
            page.latest_revision_created_at = now
        _check_slugs(new)
        _validate(pages)
        _hold_children_in_memory(pages)
        Page.objects.bulk_create(pages)
        for page in pages:
            page.page_ptr_id = page.id
        fields = PracticePage._meta.local_concrete_fields
        PracticePage._base_manager._insert(pages, fields=fields)
        _write_relations(pages)
        revisions = _write_revisions(pages, now)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = revision
            if publish:
                page.live_revision = revision
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        _write_history(pages, revisions if publish else None, now)
        _write_references(pages)
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(PracticePage, pages)
        if publish:
            practices_published.send(
                sender=PracticePage,
                translation_keys=[page.translation_key for page in pages],
            )
    return pages


def _place_in_tree(new: list[NewPractice]) -> None:
    """Paths after each parent's last child, as `add_child` would give them."""
    by_parent: dict[int, list[NewPractice]] = defaultdict(list)
    for item in new:
        by_parent[item.parent.pk].append(item)
    for items in by_parent.values():
        parent = Page.objects.select_for_update().get(pk=items[0].parent.pk)
        last = parent.get_last_child()
        path = last.path if last else None
        for item in items:
            page = item.page
            path = (
                PracticePage(path=path)._inc_path()
                if path
                else PracticePage._get_path(parent.path, parent.depth + 1, 1)
            )
            page.path, page.depth, page.numchild = path, parent.depth + 1, 0
            page.set_url_path(parent)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(items))


def _check_slugs(new: list[NewPractice]) -> None:
    """A slug is unique among its siblings, as Page.full_clean() checks."""
    wanted: dict[int, list[str]] = defaultdict(list)
    for item in new:
        wanted[item.parent.pk].append(item.page.slug)
    for parent_pk, slugs in wanted.items():
        repeated = {slug for slug in slugs if slugs.count(slug) > 1}
        parent = Page.objects.get(pk=parent_pk)
        taken = set(
            parent.get_children().filter(slug__in=slugs).values_list("slug", flat=True)
        )
        if repeated or taken:
            raise ValidationError(
                {"slug": f"already in use: {', '.join(sorted(repeated | taken))}"}
            )


def _validate(pages: list[PracticePage]) -> None:
    """The model's own checks, less the database look-ups that cannot fail here:
    terms come from the vocabulary just read, tree paths were just computed, and
    slugs were checked for the whole batch by `_check_slugs`."""
    terms = [f.name for f in PracticePage._meta.concrete_fields if f.is_relation]
    for page in pages:
        page._check_slug_is_unique = _checked_already
        try:
            page.full_clean(exclude=terms, validate_unique=False)
        except ValidationError as exc:
            raise ValidationError(f"{page.slug}: {exc}") from exc
        finally:
            del page._check_slug_is_unique


def _checked_already() -> None:
    pass


def _hold_children_in_memory(pages: list[PracticePage]) -> None:
    """Pin every child relation (sources, keywords, documents, comments) to what the
    page holds in memory, empty for most. Once a page has an id, reading a relation
    never set would ask the database, three times per page and relation (rows,
    revision, reference index) for children a new page cannot have."""
    accessors = [r.get_accessor_name() for r in get_all_child_relations(PracticePage)]
    for page in pages:
        for accessor in accessors:
            setattr(page, accessor, list(getattr(page, accessor).all()))


def _write_relations(pages: list[PracticePage]) -> None:
    """Terms (many-to-many), keywords and sources, kept in memory until now."""
    for field in PracticePage._meta.many_to_many:
        if not isinstance(field, models.ManyToManyField):
            continue  # keywords: tagged items, a child relation below
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": page.pk, f"{target}_id": term.pk})
            for page in pages
            for term in getattr(page, field.name).all()
        ]
        through.objects.bulk_create(rows)
    for relation in get_all_child_relations(PracticePage):
        accessor = relation.get_accessor_name()
        children = []
        for page in pages:
            for order, child in enumerate(getattr(page, accessor).all()):
                setattr(child, relation.field.attname, page.pk)
                if hasattr(child, "sort_order") and child.sort_order is None:
                    child.sort_order = order
                children.append(child)
        relation.related_model.objects.bulk_create(children)


def _write_revisions(pages: list[PracticePage], now) -> list[Revision]:
    content_type = ContentType.objects.get_for_model(PracticePage)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            object_str=page.title,
            content=page.serializable_data(),
            created_at=now,
        )
        for page in pages
    ]
    return Revision.objects.bulk_create(revisions)


def _write_history(
    pages: list[PracticePage], published: list[Revision] | None, now
) -> None:
    """The entries `add_child` and `publish` log: created, then published with the
    revision that went live (when the batch is published)."""
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(
        PracticePage, for_concrete_model=False
    )
    entries = []
    for action in ("wagtail.create", "wagtail.publish"):
        if action == "wagtail.publish" and published is None:
            continue
        if not registry.action_exists(action):
            raise ValidationError(f"the log action {action!r} is not registered")
        for n, page in enumerate(pages):
            entries.append(
                PageLogEntry(
                    content_type=content_type,
                    page=page,
                    label=page.get_admin_display_title(),
                    action=action,
                    timestamp=now,
                    user=context.user,
                    uuid=context.uuid,
                    revision=published[n] if action == "wagtail.publish" else None,
                    content_changed=True,
                    data={},
                )
            )
    PageLogEntry.objects.bulk_create(entries)


def _write_references(pages: list[PracticePage]) -> None:
    """The rows `ReferenceIndex.create_or_update_for_object` gives a new page (it
    has none yet), for the whole batch at once."""
    if not ReferenceIndex.is_indexed(PracticePage):
        return
    content_type = ContentType.objects.get_for_model(
        PracticePage, for_concrete_model=False
    )
    base_type = ContentType.objects.get_for_model(Page, for_concrete_model=False)
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_type,
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)
