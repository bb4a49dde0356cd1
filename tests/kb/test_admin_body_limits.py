"""Admin request bodies have the public limit, except the document and image upload
views, which may take a whole file (issue #24: 20 MB to /admin/login/ was parsed)."""

import io

import pytest

pytestmark = pytest.mark.django_db


class CountingInput(io.BytesIO):
    """A request body that records how much of it was read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def _post(client, path: str, announced: int):
    body = CountingInput(b"x" * 1000)
    response = client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(announced),
        **{"wsgi.input": body},
    )
    return response, body.bytes_read


@pytest.mark.parametrize(
    "path",
    ["/admin/login/", "/admin/pages/3/edit/", "/admin/", "/admin/no-such-view/"],
)
def test_an_oversized_admin_body_is_refused_unread(client, settings, path):
    response, bytes_read = _post(client, path, settings.MAX_REQUEST_BODY_BYTES + 1)
    assert response.status_code == 413
    assert bytes_read == 0


@pytest.mark.parametrize(
    "path", ["/admin/documents/add/", "/admin/images/multiple/add/"]
)
def test_upload_views_take_a_whole_file_up_to_their_own_limit(client, settings, path):
    response, _ = _post(client, path, settings.MAX_REQUEST_BODY_BYTES + 1)
    assert response.status_code != 413
    response, bytes_read = _post(
        client, path, settings.ADMIN_UPLOAD_MAX_REQUEST_BODY_BYTES + 1
    )
    assert response.status_code == 413
    assert bytes_read == 0
