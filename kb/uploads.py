"""Request bodies are limited before they are read, and while they are read.

- `RequestSizeLimitMiddleware` answers 413 when a request announces a
  `Content-Length` above `MAX_REQUEST_BODY_BYTES`, before Django (or the CSRF check)
  reads a byte of it. In the admin only the document and image upload views
  (`ADMIN_UPLOAD_VIEWS`) may take more, up to `ADMIN_UPLOAD_MAX_REQUEST_BODY_BYTES`;
  Wagtail checks each file's own size there.
- `SizeLimitedUploadHandler` stops reading a multipart body as soon as its files
  pass the limit, for a client that sends no length or a false one.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation

# The admin views that receive whole documents and images.
ADMIN_UPLOAD_VIEWS = frozenset(
    {
        "wagtaildocs:add",
        "wagtaildocs:edit",
        "wagtaildocs:add_multiple",
        "wagtaildocs_chooser:create",
        "wagtailimages:add",
        "wagtailimages:edit",
        "wagtailimages:add_multiple",
        "wagtailimages_chooser:create",
    }
)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_BYTES and (
            length > settings.ADMIN_UPLOAD_MAX_REQUEST_BODY_BYTES
            or not _is_admin_upload(request.path_info)
        ):
            return request_too_large(request)
        return self.get_response(request)


def _is_admin_upload(path: str) -> bool:
    if not path.startswith(settings.ADMIN_URL_PREFIX):
        return False
    try:
        return resolve(path).view_name in ADMIN_UPLOAD_VIEWS
    except Resolver404:
        return False


def request_too_large(request):
    """413 in the reader's language (this may run before LocaleMiddleware)."""
    language = (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        return render(
            request,
            "request_too_large.html",
            {"limit_mb": settings.CONTRIBUTION_MAX_UPLOAD_BYTES // (1024 * 1024)},
            status=413,
        )


class SizeLimitedUploadHandler(FileUploadHandler):
    """Counts the file bytes received and stops the upload past `limit`.

    Placed first, it passes every chunk on to Django's own handlers until then.
    """

    def __init__(self, limit: int, request=None):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            # connection_reset: do not read (and discard) the rest of the body.
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None
