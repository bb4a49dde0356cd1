"""A document chosen on a form that came back with errors, kept so it is not lost.

Browsers never refill a file input, so a contributor who mistyped an email address
would have to find the file again. Instead the file waits in the private upload
storage (no URL serves it) under `kept/`, and the re-shown form carries only a
signed token naming it, valid for an hour. Sending the form again without choosing
another file uses the kept one, checked again like a new upload. Kept files older
than the token are removed whenever a file is kept and by the daily erasure job.
"""

import secrets
import time
from pathlib import PurePath

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile

from .storage import private_storage

KEPT_DIR = "kept"
SALT = "contributions.kept-document"
MAX_AGE_SECONDS = 3600


def keep(upload, extension: str) -> str:
    """Store `upload` privately; return the token that brings it back."""
    storage = private_storage()
    remove_expired()
    upload.seek(0)
    name = storage.save(f"{KEPT_DIR}/{secrets.token_hex(16)}.{extension}", upload)
    original = PurePath(upload.name or "").name[:120]
    return signing.dumps({"name": name, "original": original}, salt=SALT)


def restore(token: str) -> SimpleUploadedFile | None:
    """The kept file as a fresh upload, or None if the token is bad, old or spent."""
    details = _details(token)
    if details is None:
        return None
    storage = private_storage()
    if not storage.exists(details["name"]):
        return None
    with storage.open(details["name"], "rb") as handle:
        content = handle.read()
    upload = SimpleUploadedFile(details["original"] or "document", content)
    upload.kept_token = token
    return upload


def original_name(token: str) -> str:
    details = _details(token)
    return details["original"] if details else ""


def discard(token: str) -> None:
    """Remove the kept file once the contribution holds its own copy."""
    details = _details(token)
    if details is not None:
        private_storage().delete(details["name"])


def remove_expired(now: float | None = None) -> int:
    storage = private_storage()
    if not storage.exists(KEPT_DIR):
        return 0
    cutoff = (now or time.time()) - MAX_AGE_SECONDS
    removed = 0
    for filename in storage.listdir(KEPT_DIR)[1]:
        name = f"{KEPT_DIR}/{filename}"
        if storage.get_modified_time(name).timestamp() < cutoff:
            storage.delete(name)
            removed += 1
    return removed


def _details(token: str) -> dict | None:
    if not token:
        return None
    try:
        details = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    name = details.get("name", "")
    # Signed by us, but never trust a path: only a plain file name inside kept/.
    if PurePath(name).parent != PurePath(KEPT_DIR) or ".." in name:
        return None
    return details
