"""The open data API: exports of any search, one practice, the vocabularies.

Bad input is answered like the search API (400, the parameter named); reads carry
ETag and Last-Modified and answer 304 when unchanged; every GET may be read from
another origin.
"""

import hashlib
import json
from uuid import UUID

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from kb.client_ip import client_ip
from kb.concurrency import take_slot
from practices.dataset import LICENCE_URL, PageAddresses, practice_groups
from practices.dataset.detail import last_modified, practice_detail
from practices.dataset.dumps import Dump, dump_directory, find_dump
from practices.dataset.writers import BOM
from search.api_errors import UNAVAILABLE, error_response
from search.filters import FilterError, accepted_language, parse_filters
from search.service import SearchUnavailable
from shortlist.selection import PARAMETER as SELECTION
from shortlist.selection import Selection, SelectionError, parse_selection

from .export import (
    FORMATS,
    export_file_name,
    export_search,
    export_selection,
    whole_collection_dump,
)
from .vocabularies import VOCABULARY_NAMES, vocabularies

# Parameters of an export that are not search parameters.
EXPORT_OPTIONS = ("format", "bom", "headers")


def api_error(status: int, message: str, parameter: str | None = None):
    return _cross_origin(error_response(status, message, parameter))


def _cross_origin(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _option(params, name: str, default: str, allowed) -> str:
    values = params.getlist(name)
    if len(values) > 1:
        raise FilterError(name, "give it once")
    value = values[0].strip() if values else default
    if value not in allowed:
        raise FilterError(name, f"must be one of {', '.join(allowed)}")
    return value


@require_GET
def export_practices(request):
    """Every practice the same search would find, streamed as CSV (with a BOM and
    headings in the reader's language unless `bom=0`, `headers=codes`), a JSON
    array or JSON Lines; or, given `ids=` (a visitor's list, shortlist/), those
    practices, in that order.

    The whole collection comes from the latest dated dump when one holds what was
    asked for (JSON Lines, CSV with the columns' codes, or the readers' CSV in
    either language: see `whole_collection_dump`); a live walk takes
    one of a few slots (per client and overall), given back when the download
    ends, so downloads cannot hold every web worker.
    """
    params = request.GET.copy()
    try:
        file_format = _option(params, "format", "csv", tuple(FORMATS))
        bom = _option(params, "bom", "1", ("0", "1")) == "1"
        headings = _option(params, "headers", "labels", ("labels", "codes"))
        for name in EXPORT_OPTIONS:
            params.pop(name, None)
        selection = parse_selection(params) if SELECTION in params else None
        params.pop(SELECTION, None)
        filters = parse_filters(
            params,
            default_lang=accepted_language(request.headers.get("Accept-Language")),
            paged=False,
        )
        if selection is not None and (filters.q or filters.active_filter_count):
            raise FilterError(SELECTION, "a list of practices takes no search")
    except (FilterError, SelectionError) as exc:
        return api_error(400, exc.message, exc.parameter)
    if selection is not None:
        return _selection_export(
            request, selection, file_format, filters.lang, bom, headings == "labels"
        )
    dump = whole_collection_dump(filters, file_format, headings=headings == "labels")
    if dump is not None:
        return _dump_export(dump, bom)
    slot = take_slot(
        "export",
        client_ip(request),
        per_client=settings.EXPORT_CONCURRENT_PER_CLIENT,
        overall=settings.EXPORT_CONCURRENT_TOTAL,
        hold_seconds=settings.EXPORT_SLOT_SECONDS,
    )
    if slot is None:
        return _too_many_at_once()
    try:
        export = export_search(
            filters,
            file_format,
            url_for=PageAddresses(request),
            bom=bom,
            headings=headings == "labels",
            on_close=slot.release,
        )
    except SearchUnavailable:
        slot.release()
        return api_error(503, UNAVAILABLE)
    except BaseException:
        slot.release()
        raise
    return _export_response(export)


def _selection_export(request, selection: Selection, file_format, lang, bom, headings):
    """A visitor's list (shortlist/): a few practices read at once, no search walk."""
    export = export_selection(
        list(selection.ids),
        file_format,
        lang=lang,
        url_for=PageAddresses(request),
        bom=bom,
        headings=headings,
    )
    return _export_response(export)


def _export_response(export) -> StreamingHttpResponse:
    """An export streamed as a download, with its licence and its count."""
    response = StreamingHttpResponse(export.chunks, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-Total-Count"] = str(export.total)
    response["Cache-Control"] = "no-store"
    return _cross_origin(response)


def _too_many_at_once() -> JsonResponse:
    response = JsonResponse(
        {
            "error": {
                "message": "too many exports in progress; try again when one ends",
            }
        },
        status=429,
    )
    response["Retry-After"] = str(settings.EXPORT_RETRY_AFTER_SECONDS)
    return _cross_origin(response)


def _dump_export(dump: Dump, bom: bool):
    """The latest dated dump, its date in the name (it says how fresh it is): a
    readers' CSV is named as a live export in its language would be. The BOM is
    added to a file written without one, or left out of one written with it."""
    path = dump_directory() / dump.name
    if dump.headings:
        filename = export_file_name("csv", dump.day, lang=dump.headings)
    else:
        filename = dump.name
    content_type = FORMATS[dump.file_format]
    if dump.file_format == "csv" and bom != dump.has_bom:
        response = StreamingHttpResponse(
            _bom_changed(path, add=bom), content_type=content_type
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        response = FileResponse(
            open(path, "rb"),  # noqa: SIM115 - closed by the response
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-Open-Data-Dump"] = dump.name
    response["Cache-Control"] = "no-store"
    return _cross_origin(response)


def _bom_changed(path, *, add: bool):
    bom = BOM.encode()
    with open(path, "rb") as dump_file:
        if add:
            yield bom
        elif dump_file.read(len(bom)) != bom:
            dump_file.seek(0)
        while chunk := dump_file.read(64 * 1024):
            yield chunk


def _conditional_json(request, data: dict, modified=None) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    timestamp = int(modified.timestamp()) if modified else None
    response = get_conditional_response(
        request, etag=etag, last_modified=timestamp, response=None
    )
    if response is None:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = "public, max-age=300"
    return _cross_origin(response)


@require_GET
def practice_api(request, practice_id: str):
    """One published practice in both languages."""
    try:
        key = UUID(practice_id)
    except ValueError:
        return api_error(404, "No published practice has this id.")
    groups = practice_groups([key], lang="es", url_for=PageAddresses(request))
    if not groups:
        return api_error(404, "No published practice has this id.")
    return _conditional_json(
        request, practice_detail(groups[0]), modified=last_modified(groups[0])
    )


@require_GET
def taxonomy_api(request):
    """Every vocabulary (or those named by `vocabulary`), codes and both labels."""
    names = [n for value in request.GET.getlist("vocabulary") for n in value.split(",")]
    unknown = sorted(set(names) - set(VOCABULARY_NAMES))
    if unknown:
        return api_error(
            400,
            f"unknown vocabulary {unknown[0]!r}; one of {', '.join(VOCABULARY_NAMES)}",
            "vocabulary",
        )
    chosen = [n for n in VOCABULARY_NAMES if n in names] or list(VOCABULARY_NAMES)
    return _conditional_json(request, {"vocabularies": vocabularies(chosen)})


@require_GET
def dump_download(request, name: str):
    """A full dump written by `manage.py export_practices --dump`, or its checksum."""
    checksum = name.endswith(".sha256")
    path = find_dump(name.removesuffix(".sha256"))
    if path is None:
        raise Http404
    if checksum:
        path = path.with_name(name)
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - the response closes it
        as_attachment=True,
        filename=name,
        # What mimetypes would guess has no charset (or is octet-stream for JSON
        # Lines): a browser that opens the file would misread its accents.
        content_type=(
            "text/plain; charset=utf-8"
            if checksum
            else FORMATS[path.suffix.removeprefix(".")]
        ),
    )
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return _cross_origin(response)
