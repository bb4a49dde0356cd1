"""axe finds nothing on the desk's own admin screens: the merge screen and the
duplicates and translation reports (Wagtail's surrounding chrome is Wagtail's)."""

import pytest
from django.contrib.auth.models import Group, User

from desk.duplicates import refresh_duplicates
from practices.models import PracticePage
from tests.browser.accessibility import AXE_SCRIPT, AXE_TAGS, describe
from tests.browser_support import sign_in_to_admin
from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "desk-a11y-pass-1"  # noqa: S105


def _violations_in_main(page) -> list[dict]:
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(
        "tags => axe.run(document.querySelector('main'), "
        "{runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        AXE_TAGS,
    )


def test_the_desks_screens_have_no_axe_violations(open_page, site_url):
    from pages.site_setup import ensure_site

    ensure_site()
    summary = "Los vecinos proponen y votan obras en asambleas de colonia."
    create_practices(
        [
            practice_record("a11y-1", "Presupuesto participativo de Zapopan", summary),
            practice_record(
                "a11y-2", "Presupuestos participativos en Zapopan", summary
            ),
        ]
    )
    refresh_duplicates()
    first, second = PracticePage.objects.filter(source_id__startswith="a11y-")
    user = User.objects.create_user("a11y-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    admin = sign_in_to_admin(open_page, user.username, PASSWORD)
    for path in (
        f"/admin/desk/duplicates/merge/?first={first.pk}&second={second.pk}",
        "/admin/desk/duplicates/",
        "/admin/desk/translations/",
    ):
        admin.goto(site_url + path)
        violations = _violations_in_main(admin)
        assert violations == [], f"{path}: {describe(violations)}"
