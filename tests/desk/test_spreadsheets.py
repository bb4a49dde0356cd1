"""Every admin CSV that lists practice titles is formula-neutralised, Wagtail's own
reports included: a contributor's title "=HYPERLINK(…)" leaves as text."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

TITLE = '=HYPERLINK("http://evil.example","Cabildo abierto")'


def _csv_cells(response) -> list[str]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(body)) for cell in row]


@pytest.fixture
def superuser(django_user_model, site):
    return django_user_model.objects.create_superuser("jefa", "jefa@example.org", "x")


@pytest.mark.parametrize(
    "path", ["/admin/reports/site-history/", "/admin/reports/aging-pages/"]
)
def test_wagtails_reports_export_titles_as_text(
    client, superuser, make_practice, empty_index, path
):
    make_practice(TITLE)
    client.force_login(superuser)
    cells = _csv_cells(client.get(path, {"export": "csv"}))
    assert any(cell.startswith(f"'{TITLE}") for cell in cells), cells[:20]
    assert not any(cell.startswith(TITLE) for cell in cells)
