"""Writing many new practice pages at once: the bulk path of imports
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
  counts) is updated per page, as a save would.

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
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision

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
        # The model's own checks, less the database look-ups that cannot fail here:
        # terms come from the vocabulary just read, tree paths were just computed.
        terms = [f.name for f in PracticePage._meta.concrete_fields if f.is_relation]
        for page in pages:
            try:
                page.full_clean(exclude=terms, validate_unique=False)
            except ValidationError as exc:
                raise ValidationError(f"{page.slug}: {exc}") from exc
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
        if publish:
            for page, revision in zip(pages, revisions, strict=True):
                log(instance=page, action="wagtail.publish", revision=revision)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
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
