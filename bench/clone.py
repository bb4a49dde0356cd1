"""Growing an imported repertory to a large size by copying its rows in SQL.

Importing through the page tree writes a few practices a second on a busy 2-core
machine, so 100,000 would take most of a day. For benchmarks that read practices
(the export), the practices imported by the real importer are copied, row for row,
until the target size is reached: each copy is a new practice (new id, tree path,
slug and translation key) with the same fields, terms, sources and keywords as its
original, so what is read is shaped exactly like imported content. Revisions are
not copied (nothing read by the benchmarks uses them).
"""

import re
import uuid
from collections import defaultdict

from django.db import connection, transaction

from practices.models import PracticePage
from search.client import get_client

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail uses it
STEP_LENGTH = 4
# Tables that hang off a practice page: (table, column holding the page id).
CHILD_TABLES = (
    ("practices_practicepage_themes", "practicepage_id"),
    ("practices_practicepage_outcomes", "practicepage_id"),
    ("practices_practicepage_practice_types", "practicepage_id"),
    ("practices_practicesource", "page_id"),
    ("practices_practicekeyword", "content_object_id"),
)
BATCH = 2000


def _step(number: int) -> str:
    digits = []
    for _ in range(STEP_LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        digits.append(ALPHABET[digit])
    if number:
        raise ValueError("no room left under this parent")
    return "".join(reversed(digits))


def _number(step: str) -> int:
    value = 0
    for char in step:
        value = value * len(ALPHABET) + ALPHABET.index(char)
    return value


def _rows(cursor, sql: str, params=()) -> tuple[list[str], list[tuple]]:
    cursor.execute(sql, params)
    return [c[0] for c in cursor.description], cursor.fetchall()


def _insert(cursor, table: str, columns: list[str], rows: list) -> None:
    if not rows:
        return
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    # Table and column names come from this module and the database's own cursor.
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
    cursor.executemany(sql, rows)


def _new_key():
    # Django stores UUIDs as 32 hex digits in SQLite, natively in PostgreSQL.
    key = uuid.uuid4()
    return key.hex if connection.vendor == "sqlite" else key


def practice_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(DISTINCT p.translation_key) FROM wagtailcore_page p "
            "JOIN practices_practicepage pp ON pp.page_ptr_id = p.id WHERE p.live"
        )
        return cursor.fetchone()[0]


@transaction.atomic
def clone_practices(target: int) -> int:
    """Copy live practices until `target` exist; returns how many were added."""
    with connection.cursor() as cursor:
        page_columns, pages = _rows(
            cursor,
            "SELECT p.* FROM wagtailcore_page p JOIN practices_practicepage pp "
            "ON pp.page_ptr_id = p.id WHERE p.live ORDER BY p.id",
        )
        if not pages:
            raise RuntimeError("nothing to copy: import some practices first")
        practice_columns, practice_rows = _rows(
            cursor, "SELECT * FROM practices_practicepage"
        )
        practice_by_id = {
            row[practice_columns.index("page_ptr_id")]: row for row in practice_rows
        }
        children = {}
        for table, column in CHILD_TABLES:
            columns, rows = _rows(cursor, f"SELECT * FROM {table}")  # noqa: S608
            kept = [c for c in columns if c != "id"]
            by_page = defaultdict(list)
            for row in rows:
                values = dict(zip(columns, row, strict=True))
                by_page[values[column]].append([values[c] for c in kept])
            children[table] = (kept, kept.index(column), by_page)

        col = {name: i for i, name in enumerate(page_columns)}
        groups = defaultdict(list)
        for row in pages:
            groups[row[col["translation_key"]]].append(row)
        parents = {row[col["path"]][:-STEP_LENGTH] for row in pages}
        next_step, parent_url = {}, {}
        for parent in parents:
            cursor.execute(
                "SELECT MAX(path) FROM wagtailcore_page WHERE path LIKE %s AND depth = %s",
                [parent + "_" * STEP_LENGTH, len(parent) // STEP_LENGTH + 1],
            )
            next_step[parent] = _number(cursor.fetchone()[0][-STEP_LENGTH:]) + 1
            cursor.execute(
                "SELECT url_path FROM wagtailcore_page WHERE path = %s", [parent]
            )
            parent_url[parent] = cursor.fetchone()[0]
        cursor.execute("SELECT MAX(id) FROM wagtailcore_page")
        next_id = cursor.fetchone()[0] + 1

        needed = target - practice_count()
        added, copy = 0, 0
        seeds = list(groups.values())
        buffers = _Buffers(page_columns, practice_columns, children)
        while added < needed:
            copy += 1
            for group in seeds:
                if added >= needed:
                    break
                key = _new_key()
                for row in group:
                    values = list(row)
                    parent = row[col["path"]][:-STEP_LENGTH]
                    slug = f"{row[col['slug']]}-c{copy}"
                    values[col["id"]] = next_id
                    values[col["path"]] = parent + _step(next_step[parent])
                    values[col["slug"]] = slug
                    values[col["url_path"]] = f"{parent_url[parent]}{slug}/"
                    values[col["translation_key"]] = key
                    for name in ("live_revision_id", "latest_revision_id"):
                        values[col[name]] = None
                    next_step[parent] += 1
                    buffers.add(cursor, row[col["id"]], next_id, values, practice_by_id)
                    next_id += 1
                added += 1
        buffers.flush(cursor)
        for parent in parents:
            cursor.execute(
                "UPDATE wagtailcore_page SET numchild = (SELECT COUNT(*) FROM "
                "wagtailcore_page c WHERE c.path LIKE %s AND c.depth = %s) "
                "WHERE path = %s",
                [parent + "_" * STEP_LENGTH, len(parent) // STEP_LENGTH + 1, parent],
            )
    return added


class _Buffers:
    """Rows waiting to be inserted, written BATCH pages at a time."""

    def __init__(self, page_columns, practice_columns, children):
        self.page_columns = page_columns
        self.practice_columns = practice_columns
        self.children = children
        self.pages, self.practices = [], []
        self.child_rows = defaultdict(list)

    def add(self, cursor, original_id, new_id, page_values, practice_by_id):
        self.pages.append(page_values)
        practice = list(practice_by_id[original_id])
        practice[self.practice_columns.index("page_ptr_id")] = new_id
        self.practices.append(practice)
        for table, (_kept, position, by_page) in self.children.items():
            for values in by_page.get(original_id, []):
                copied = list(values)
                copied[position] = new_id
                self.child_rows[table].append(copied)
        if len(self.pages) >= BATCH:
            self.flush(cursor)

    def flush(self, cursor):
        _insert(cursor, "wagtailcore_page", self.page_columns, self.pages)
        _insert(cursor, "practices_practicepage", self.practice_columns, self.practices)
        for table, rows in self.child_rows.items():
            _insert(cursor, table, self.children[table][0], rows)
        self.pages, self.practices = [], []
        self.child_rows = defaultdict(list)


COPY_SUFFIX = re.compile(r"-c\d+$")


def index_copies(chunk: int = 1000) -> int:
    """Index the copies by copying their originals' search documents (bench only).

    Building 100,000 documents from the database takes over an hour on this machine;
    the copies' documents differ from their originals' only in id, page ids and
    URLs, so the originals are built the normal way and the rest copied. Fills a new
    index and moves the alias to it, like `search rebuild`.
    """
    from opensearchpy import helpers

    from search import indexer
    from search.document_builder import practice_groups
    from search.indexer import search_documents

    rows = (
        PracticePage.objects.live()
        .values_list("id", "translation_key", "slug", "locale__language_code")
        .order_by("id")
    )
    originals, copies = set(), defaultdict(list)
    key_of = {}
    for page_id, key, slug, language in rows:
        if COPY_SUFFIX.search(slug):
            copies[key].append((page_id, COPY_SUFFIX.sub("", slug), slug, language))
        else:
            originals.add(key)
            key_of[(slug, language)] = key
    with_vectors = indexer.vectors_problem() is None
    documents = dict(search_documents(practice_groups(originals), with_vectors, None))
    client = get_client()
    name = indexer._new_index_name()
    indexer.create_index(name, with_vectors=with_vectors, filling=True)

    def actions():
        for key, document in documents.items():
            yield {"_index": name, "_id": str(key), "_source": document}
        for key, pages in copies.items():
            original = documents[key_of[(pages[0][1], pages[0][3])]]
            copy = dict(original, id=str(key), page_ids=[p[0] for p in pages])
            copy["urls"] = {
                language: url.replace(f"/{seed}/", f"/{slug}/")
                for language, url in original["urls"].items()
                for _id, seed, slug, lang in pages
                if lang == language
            }
            yield {"_index": name, "_id": str(key), "_source": copy}

    written = helpers.bulk(client, actions(), chunk_size=chunk, request_timeout=120)[0]
    _finish(client, name)
    return written


def _finish(client, name: str) -> None:
    """Refresh (a busy node may take minutes for 100,000 documents) and move the
    alias to the new index, dropping the old ones."""
    from search import indexer

    client.indices.put_settings(
        index=name, body={"index": {"refresh_interval": None}}, request_timeout=300
    )
    client.indices.refresh(index=name, request_timeout=900)
    old = indexer.indices_behind_alias()
    swap = [{"add": {"index": name, "alias": indexer.alias_name()}}]
    swap += [{"remove_index": {"index": old_name}} for old_name in old]
    client.indices.update_aliases(body={"actions": swap}, request_timeout=60)


def finish_filled_index(expected: int) -> bool:
    """Finish an index a killed or timed-out run filled but did not switch to."""
    from search import indexer

    client = get_client()
    current = set(indexer.indices_behind_alias())
    for name in client.indices.get(
        index=f"{indexer.alias_name()}-v*", request_timeout=60
    ):
        if name in current:
            continue
        _finish(client, name)
        if client.count(index=name, request_timeout=300)["count"] == expected:
            return True
        client.indices.delete(index=name, request_timeout=60)
    return False
