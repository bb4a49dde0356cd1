"""On a 390 px phone every column of the desk's reports is in reach: the table
scrolls sideways (the admin's main column clips what overflows it, and the
translation report's "Create the translation" button was cut off)."""

import pytest
from django.contrib.auth.models import Group, User

from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.browser,
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


def test_the_translation_reports_button_is_in_reach_on_a_phone(open_page, site_url):
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
    user = User.objects.create_user("phone-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = open_page(390, height=844, timeout=15_000)
    admin.goto(site_url + "/admin/login/")
    admin.locator("input[name=username]").fill(user.username)
    admin.locator("input[name=password]").fill(PASSWORD)
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url(f"{site_url}/admin/")

    admin.goto(site_url + "/admin/desk/translations/")
    button = admin.locator("main table button").first
    box = button.bounding_box()
    clip = button.evaluate(CLIPPING_ANCESTOR)
    in_view = box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert in_view or clip["overflow"] in ("auto", "scroll"), (box, clip)
