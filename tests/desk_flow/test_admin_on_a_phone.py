"""On a 390 px phone every column of the admin's listings is in reach: the table
scrolls sideways (the admin's main column clips what overflows it: the translation
report's "Create the translation" button, the explorer's status and a taxonomy's
English names were cut off), and the explorer's titles keep whole words."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "desk-phone-pass-1"  # noqa: S105

# The nearest ancestor that clips the element sideways, and whether it scrolls.
CLIPPING_ANCESTOR = """element => {
    for (let node = element.parentElement; node; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow !== 'visible') {
            return {overflow, scrolls: node.scrollWidth > node.clientWidth};
        }
    }
    return null;
}"""


# Words of the first title in the listing that the browser split across two lines.
WORDS_BROKEN_ACROSS_LINES = """title => {
    const broken = [];
    const texts = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        for (const match of text.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(r => r.top));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


# Whether the element's centre is where a tap lands: nothing clips or covers it.
TAPPABLE = """element => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(
        box.x + box.width / 2, box.y + box.height / 2
    );
    return hit !== null && (hit === element || element.contains(hit));
}"""


def _in_reach(element, width=390) -> tuple[bool, object]:
    box = element.bounding_box()
    clip = element.evaluate(CLIPPING_ANCESTOR)
    in_view = box["x"] >= 0 and box["x"] + box["width"] <= width
    return in_view or clip["overflow"] in ("auto", "scroll"), (box, clip)


def _signed_in_on_a_phone(open_page, site_url, user):
    admin = open_page(390, height=844, timeout=15_000)
    admin.goto(site_url + "/admin/login/")
    admin.locator("input[name=username]").fill(user.username)
    admin.locator("input[name=password]").fill(PASSWORD)
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url(f"{site_url}/admin/")
    return admin


def _practice_with_a_long_title():
    from pages.site_setup import ensure_site

    ensure_site()
    create_practices(
        [
            practice_record(
                "phone-1",
                "Presupuesto participativo de Zapopan con asambleas de colonia",
                "Los vecinos proponen y votan obras en asambleas de colonia.",
            )
        ]
    )


def test_the_translation_reports_button_is_in_reach_on_a_phone(open_page, site_url):
    _practice_with_a_long_title()
    user = User.objects.create_user("phone-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = _signed_in_on_a_phone(open_page, site_url, user)

    admin.goto(site_url + "/admin/desk/translations/")
    reachable, where = _in_reach(admin.locator("main table button").first)
    assert reachable, where


def test_the_explorers_last_column_is_in_reach_and_titles_keep_whole_words(
    open_page, site_url
):
    from practices.models import PracticeIndexPage

    _practice_with_a_long_title()
    user = User.objects.create_user("phone-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = _signed_in_on_a_phone(open_page, site_url, user)

    index = PracticeIndexPage.objects.get(locale__language_code="es")
    admin.goto(f"{site_url}/admin/pages/{index.pk}/")
    last_cells = admin.locator("main table.listing tbody tr td:last-child")
    reachable, where = _in_reach(last_cells.first)
    assert reachable, where
    title = admin.locator("main table.listing tbody td.title a").first
    assert title.evaluate(WORDS_BROKEN_ACROSS_LINES) == []


def test_a_taxonomy_listings_last_column_is_in_reach(open_page, site_url):
    from pages.site_setup import ensure_site

    ensure_site()
    user = User.objects.create_superuser("phone-admin", password=PASSWORD)
    admin = _signed_in_on_a_phone(open_page, site_url, user)

    admin.goto(site_url + "/admin/snippets/taxonomy/country/")
    reachable, where = _in_reach(
        admin.locator("main table.listing tbody tr td:last-child").first
    )
    assert reachable, where


@pytest.mark.parametrize("width", [390, 1280])
def test_a_row_s_menu_below_a_short_listing_opens_whole(open_page, site_url, width):
    """A box that scrolls sideways clips up and down too: the explorer's row menu
    (positioned within its table) opened below a one-row listing was cut off after
    its third entry, on a phone and on a desktop alike."""
    from practices.models import PracticeIndexPage

    _practice_with_a_long_title()
    user = User.objects.create_user("phone-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = _signed_in_on_a_phone(open_page, site_url, user)
    admin.set_viewport_size({"width": width, "height": 844})

    index = PracticeIndexPage.objects.get(locale__language_code="es")
    admin.goto(f"{site_url}/admin/pages/{index.pk}/")
    row = admin.locator("main table.listing tbody tr").last
    row.locator("[data-w-dropdown-target=toggle]").last.click()
    entries = row.locator("[data-w-dropdown-target=content] a").filter(visible=True)
    expect(entries.last).to_be_visible()
    tapped = [entries.nth(n).evaluate(TAPPABLE) for n in range(entries.count())]
    assert len(tapped) >= 4 and all(tapped), tapped


def test_comparing_revisions_fits_a_phone_and_keeps_field_names_whole(
    open_page, site_url
):
    """A long address in a change widened the comparison past the screen, so every
    change was cut off on the right; the field names broke inside words."""
    from practices.models import PracticePage

    _practice_with_a_long_title()
    practice = PracticePage.objects.get(locale__language_code="es")
    practice.summary = (
        "Los vecinos votan obras; las actas están en "
        "https://datos.zapopan.gob.mx/presupuestoparticipativo/actasdeasambleasdecolonia2024.pdf"
    )
    practice.save_revision()
    user = User.objects.create_user("phone-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = _signed_in_on_a_phone(open_page, site_url, user)

    admin.goto(f"{site_url}/admin/pages/{practice.pk}/revisions/compare/live...latest/")
    changes = admin.locator("main table.listing td.comparison").first
    expect(changes).to_contain_text("actasdeasambleas")
    box = changes.bounding_box()
    assert box["x"] + box["width"] <= 390, box
    field_name = admin.locator("main table.listing td.title").first
    assert field_name.evaluate(WORDS_BROKEN_ACROSS_LINES) == []


def test_the_merge_screen_shows_both_practices_on_a_phone(open_page, site_url):
    """The two practices sat side by side at any width, and a long address pushed
    the second one past the screen's edge, its choice out of reach; now they
    stack, and each choice can be tapped."""
    from desk.models import DuplicateCandidate
    from pages.site_setup import ensure_site
    from practices.models import PracticePage
    from practices.records.record import SourceLink

    ensure_site()
    long_source = (
        "https://datos.zapopan.gob.mx/presupuestoparticipativo/"
        "actasdeasambleasdecoloniaporcadaunodelosdistritos2024.pdf"
    )
    create_practices(
        [
            practice_record(
                f"merge-phone-{n}",
                f"Presupuesto participativo de Zapopan {n}",
                "Los vecinos proponen y votan obras en asambleas de colonia.",
                sources=[SourceLink("Actas de asambleas", long_source)],
            )
            for n in (1, 2)
        ]
    )
    first, second = PracticePage.objects.filter(
        source_id__startswith="merge-phone-"
    ).order_by("source_id")
    DuplicateCandidate.objects.create(
        first=first, second=second, title_score=90, summary_score=90, score=90
    )
    user = User.objects.create_user("phone-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = _signed_in_on_a_phone(open_page, site_url, user)

    admin.goto(
        f"{site_url}/admin/desk/duplicates/merge/?first={first.pk}&second={second.pk}"
    )
    for practice in (first, second):
        choice = admin.locator(f"input[name=keep][value='{practice.pk}']")
        choice.scroll_into_view_if_needed()
        box = choice.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert choice.evaluate(TAPPABLE)
    merge = admin.locator(".desk-merge")
    assert merge.evaluate("node => node.scrollWidth <= node.clientWidth")
