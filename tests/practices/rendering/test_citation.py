"""A practice's citation: author, date, title, site, address and the day it was
read, in the reader's language, one mark of punctuation each, the address shown
decoded; Open Graph tags for shared links; the copy button hidden until the
script shows it."""

import datetime
import re
from html import unescape

import pytest

from pages.site_setup import ensure_site
from practices.citation import ended
from practices.models import PracticePage
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Datos abiertos de contrataciones.", "Datos abiertos de contrataciones."),
        ("¿Quién paga la obra?", "¿Quién paga la obra?"),
        ("Datos abiertos", "Datos abiertos."),
        ("Una práctica…", "Una práctica…"),
    ],
)
def test_a_piece_ends_in_one_mark(text, expected):
    assert ended(text) == expected


def _citation(html: str) -> str:
    raw = re.search(r'<p class="citation" id="citation-text">(.*?)</p>', html, re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", raw.group(1))).split())


def test_the_spanish_citation_names_everything_once(client, db):
    ensure_site()
    create_practices(
        [
            practice_record(
                "cite-obra",
                "Datos abiertos de obra pública y contrataciones.",
                "Resumen.",
            )
        ]
    )
    page = PracticePage.objects.get(source_id="cite-obra")
    page.slug = "obra-pública-y-contrataciones"  # editors may write accents
    page.save()
    html = client.get(page.url).content.decode()
    text = _citation(html)
    published = page.last_published_at
    assert text.startswith("Equipo editorial de Repertorio. (")
    assert f"de {published.year})." in text
    assert "Datos abiertos de obra pública y contrataciones. Repertorio" in text
    assert ".." not in text and "”." not in text
    assert "Repertorio: prácticas de gobierno abierto." in text
    assert "/obra-pública-y-contrataciones/ (consultado" in text  # decoded
    assert "%C3%BA" not in text
    assert "%C3%BA" in re.search(r'class="permalink" href="([^"]+)"', html).group(1)
    today = datetime.date.today()
    assert f"(consultado el {today.day} de " in text and text.endswith(
        f"{today.year})."
    )
    assert 'data-copy-citation="citation-text" hidden>Copiar la cita</button>' in html


def test_the_english_citation_and_the_open_graph_tags(client, corpus):
    page = PracticePage.objects.get(source_id="zapopan", locale__language_code="en")
    html = client.get(page.url).content.decode()
    text = _citation(html)
    assert text.startswith("Repertorio editorial team. (")
    assert (
        "Participatory budgets in Zapopan. Repertorio: open government practices."
        in text
    )
    assert "(accessed " in text
    assert (
        '<meta property="og:title" content="Participatory budgets in Zapopan">' in html
    )
    assert '<meta property="og:type" content="article">' in html
    # The address the reader reached (the test client's), not the Site record's.
    assert f'<meta property="og:url" content="http://testserver{page.url}">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta property="og:locale:alternate" content="es_MX">' in html
    assert '<meta name="twitter:card" content="summary">' in html
