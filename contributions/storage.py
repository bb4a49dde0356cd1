"""Uploaded documents stay outside MEDIA_ROOT: no URL serves them until a moderator
attaches one to a published practice."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under CONTRIBUTION_UPLOAD_ROOT, read when used, with no public URL."""

    def __init__(self):
        super().__init__(
            base_url=None, file_permissions_mode=0o600, directory_permissions_mode=0o700
        )

    @property
    def base_location(self):
        return str(settings.CONTRIBUTION_UPLOAD_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("contribution uploads are private and have no URL")


def private_storage() -> FileSystemStorage:
    """A callable, so migrations record the reference rather than a path."""
    return PrivateStorage()
