"""The collection panel on the admin home: figures that link to their listings."""

import datetime
import re

import pytest
from django.utils import translation

from contributions.models import Submission
from practices import facets
from practices.facets import Facet
from practices.models import PracticePage
from search.commands import reconcile
from taxonomy.models import GovernmentLevel, Theme

pytestmark = pytest.mark.django_db


def _panel(html: str) -> str:
    match = re.search(
        r'id="desk-collection-section".*?desk-collection__reports', html, re.S
    )
    assert match, "the collection panel is missing"
    return match.group(0)


def _figure_link(panel: str, label: str) -> tuple[str, int]:
    match = re.search(
        r'<a href="([^"]+)">' + re.escape(label) + r": <strong>(\d+)</strong>", panel
    )
    assert match, f"no figure for {label!r}"
    return match.group(1).replace("&amp;", "&"), int(match.group(2))


def test_editors_and_moderators_see_the_collection_panel(
    client_for, editor, moderator, outsider, make_practice, empty_index
):
    make_practice()
    for user in (editor, moderator):
        response = client_for(user).get("/admin/")
        assert response.status_code == 200
        _panel(response.content.decode())
    response = client_for(outsider).get("/admin/")
    assert 'id="desk-collection-section"' not in response.content.decode()


def test_each_attention_figure_counts_and_links_to_its_listing(
    client_for, editor, moderator, make_practice, make_pair, empty_index
):
    alone = make_practice("Cabildo abierto en Guadalajara")
    make_pair(
        {"title": "Presupuesto abierto", "summary": "Cuentas claras del gasto."},
        {"title": "Open budget", "summary": "Clear accounts of spending."},
    )
    reviewed = make_practice("Contraloría social de obra")
    PracticePage.objects.filter(pk=reviewed.pk).update(
        last_reviewed=datetime.date.today()
    )
    PracticePage.objects.filter(pk=alone.pk).update(
        last_reviewed=datetime.date.today() - datetime.timedelta(days=400)
    )
    Submission.objects.create(
        practice=alone, consent_given_at=datetime.datetime.now(datetime.UTC)
    )
    client = client_for(editor)
    panel = _panel(client.get("/admin/").content.decode())

    url, count = _figure_link(panel, "Practices without a translation")
    assert count == 2  # the two single-language practices; the pair is complete
    assert "Cabildo abierto en Guadalajara" in client.get(url).content.decode()

    url, count = _figure_link(panel, "Not reviewed for 12 months")
    assert count == 1  # the one reviewed 400 days ago; the others are new
    listing = client.get(url).content.decode()
    assert "Cabildo abierto en Guadalajara" in listing
    assert "Contraloría social de obra" not in listing

    # Editors see how many contributions wait; only moderators may open them.
    assert "Contributions waiting for a decision: <strong>1</strong>" in panel
    assert "/admin/contributions/?status=pending" not in panel
    moderator_panel = _panel(client_for(moderator).get("/admin/").content.decode())
    url, count = _figure_link(moderator_panel, "Contributions waiting for a decision")
    assert count == 1
    assert client_for(moderator).get(url).status_code == 200


def test_a_practice_never_reviewed_counts_from_its_first_publication_or_save(
    client_for, editor, make_practice, empty_index
):
    long_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=400)
    make_practice("Cabildo abierto creado hoy")
    make_practice("Borrador guardado hoy", publish=False)
    old = make_practice("Contraloría publicada hace tiempo")
    PracticePage.objects.filter(pk=old.pk).update(first_published_at=long_ago)
    old_draft = make_practice("Borrador guardado hace tiempo", publish=False)
    old_draft.revisions.update(created_at=long_ago)
    recent = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=30)
    reviewed_draft = make_practice("Borrador revisado hace poco", publish=False)
    reviewed_draft.revisions.update(created_at=long_ago)
    PracticePage.objects.filter(pk=reviewed_draft.pk).update(
        last_reviewed=recent.date()
    )

    due = set(PracticePage.objects.review_due().values_list("title", flat=True))
    assert due == {"Contraloría publicada hace tiempo", "Borrador guardado hace tiempo"}
    panel = _panel(client_for(editor).get("/admin/").content.decode())
    assert _figure_link(panel, "Not reviewed for 12 months")[1] == 2


def test_group_figures_link_to_the_filtered_practice_listing(
    client_for, editor, make_practice, empty_index
):
    make_practice(
        "Datos de obra en Colombia",
        country="CO",
        evidence_level="documented",
        themes=["open-data"],
    )
    make_practice("Cabildo abierto en Guadalajara", country="MX", themes=["open-data"])
    client = client_for(editor)
    panel = _panel(client.get("/admin/").content.decode())
    match = re.search(
        r'<a href="([^"]+)">Colombia</a></td><td><a [^>]+>(\d+)</a>', panel
    )
    assert match and match.group(2) == "1"
    listing = client.get(match.group(1).replace("&amp;", "&")).content.decode()
    assert "Datos de obra en Colombia" in listing
    assert "Cabildo abierto en Guadalajara" not in listing
    # Pages are counted per term, not one by one (the page tree's ordering must not
    # split the groups).
    theme = Theme.objects.get(slug="open-data")
    match = re.search(
        rf'<a href="([^"]+)">{re.escape(theme.label("en"))}</a></td><td><a [^>]+>(\d+)</a>',
        panel,
    )
    assert match and match.group(2) == "2"
    assert f"themes={theme.pk}" in match.group(1)
    english = re.search(r">English</a></td><td><a [^>]+>(\d+)</a>", panel)
    assert english is None  # both pages are Spanish
    spanish = re.search(r">Spanish</a></td><td><a [^>]+>(\d+)</a>", panel)
    assert spanish and spanish.group(1) == "2"


def _group_titles(panel: str) -> list[str]:
    return re.findall(
        r'<section class="desk-collection__group">\s*<h3 class="w-h4">([^<]+)</h3>',
        panel,
    )


def test_the_groups_are_the_registry_listing_filters_then_the_languages(
    client_for, editor, make_practice, empty_index
):
    """One group per facet the practice listing filters by, in the registry's order,
    then the languages; a single-valued facet left empty counts as "Not stated"."""
    make_practice(
        "Datos de obra en Colombia", country="CO", outcomes=["savings-or-efficiency"]
    )
    make_practice("Cabildo abierto en Guadalajara", country="MX")
    panel = _panel(client_for(editor).get("/admin/").content.decode())
    with translation.override("en"):
        expected = [str(f.label) for f in facets.FACETS if f.admin_filter]
    assert _group_titles(panel) == [*expected, "Language"]
    assert "Outcome" in expected
    status = re.search(
        r'<h3 class="w-h4">Status</h3>.*?<a href="([^"]+)">Not stated</a></td>'
        r"<td><a [^>]+>(\d+)</a>",
        panel,
        re.S,
    )
    assert status and status.group(2) == "2"
    assert "status=null" in status.group(1)


def test_a_facet_added_to_the_registry_appears_in_the_collection_panel(
    client_for, editor, make_practice, empty_index, monkeypatch
):
    """The panel reads practices/facets.py when it renders: a new facet that is a
    filter of the practice listing gets its group, counted and linked by its field."""
    make_practice("Cabildo abierto en Guadalajara", government_level="municipal")
    make_practice("Datos de obra en Colombia", country="CO", government_level="state")
    client = client_for(editor)
    assert "Tier of government" not in _group_titles(
        _panel(client.get("/admin/").content.decode())
    )
    added = Facet(
        name="tier",
        label="Tier of government",
        field="government_level",
        order=61,
        vocabulary=GovernmentLevel,
        admin_filter=True,
    )
    monkeypatch.setattr(facets, "FACETS", (*facets.FACETS, added))

    panel = _panel(client.get("/admin/").content.decode())
    assert "Tier of government" in _group_titles(panel)
    municipal = GovernmentLevel.objects.get(slug="municipal")
    match = re.search(
        r'<h3 class="w-h4">Tier of government</h3>.*?<a href="([^"]+)">'
        + re.escape(municipal.label("en"))
        + r"</a></td><td><a [^>]+>(\d+)</a>",
        panel,
        re.S,
    )
    assert match and match.group(2) == "1"
    assert f"government_level={municipal.pk}" in match.group(1)


def test_the_panel_shows_the_queue_and_the_last_reconcile(
    client_for, editor, make_practice, empty_index
):
    make_practice()  # published in the test's transaction: not indexed yet
    report = reconcile()
    assert len(report.missing) == 1
    panel = _panel(client_for(editor).get("/admin/").content.decode())
    assert "1 missing documents written, 0 stale removed, 0 could not be fixed" in panel
    assert "updates waiting in the queue" in panel or "update waiting" in panel


def test_the_panel_shows_the_machine_translation_backlog_and_its_last_error(
    client_for, editor, settings, empty_index
):
    """Practices queued for machine translation wait visibly, with the reason."""
    from practices.translation import translate_pending
    from tests.factories import english_only_practice

    english_only_practice()  # published: queued for machine translation
    settings.APERTIUM_COMMAND = "apertium-not-installed"
    report = translate_pending()
    assert report.unavailable
    from practices.models import PendingTranslation

    queued = PendingTranslation.objects.count()
    assert queued >= 1
    panel = _panel(client_for(editor).get("/admin/").content.decode())
    assert re.search(
        rf"<strong>{queued}</strong> practices? waiting for machine translation", panel
    )
    assert "apertium-not-installed not found" in panel


def test_the_totals_agree_in_number_with_their_counts(
    client_for, editor, make_practice, empty_index
):
    """ "1 drafts" read wrong (and "1 borradores" in Spanish): one of each says one."""
    make_practice("Cabildo abierto en Guadalajara")
    make_practice("Contraloría social de obra", publish=False)
    panel = _panel(client_for(editor).get("/admin/").content.decode())
    totals = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", panel.split("</p>")[0]))
    assert "1 published, 1 draft." in totals


def test_the_panel_says_no_error_in_spanish_agreement(
    client_for, editor, make_practice, empty_index
):
    """With no error, the panel read "Último error: ninguna" (the one "none" the
    desk shares with an update, which is feminine) under both queues."""
    from wagtail.users.models import UserProfile

    make_practice()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    panel = _panel(client_for(editor).get("/admin/").content.decode())
    said = re.findall(r"Último error:\s*(\w+)", panel)
    assert said == ["ninguno", "ninguno"]


@pytest.mark.parametrize(
    "language, oldest", [("en", "oldest: now"), ("es", "la más antigua: ahora")]
)
def test_a_backlog_queued_a_moment_ago_is_not_zero_minutes_old(
    client_for, editor, settings, empty_index, language, oldest
):
    """The oldest queued practice read "oldest 0 minutes ago" ("hace 0 minutos")
    in its first minute."""
    from wagtail.users.models import UserProfile

    from practices.translation import translate_pending
    from tests.factories import english_only_practice

    english_only_practice()
    settings.APERTIUM_COMMAND = "apertium-not-installed"
    translate_pending()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    panel = re.sub(
        r"\s+", " ", _panel(client_for(editor).get("/admin/").content.decode())
    )
    assert oldest in panel
    assert "0 minut" not in panel
