"""The admin sign-in: lockout per username + real client address (django-axes), an
optional TOTP second factor (django-otp), and sessions that end."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kb.security import SESSION_STARTED_KEY

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editora", "editora@example.org", PASSWORD
    )


@pytest.fixture(autouse=True)
def _no_wait_between_codes(settings):
    """django-otp makes a client wait after a wrong code; the tests do not."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 3
    settings.SIGN_IN_FAILURES_PER_USERNAME = 6


def _login(client, password, ip="203.0.113.20", **extra):
    return client.post(
        LOGIN,
        {"username": "editora", "password": password, **extra},
        HTTP_X_FORWARDED_FOR=ip,
    )


def _token(device, seconds_ago: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() - seconds_ago
    return f"{totp.token():06d}"


def test_repeated_failures_lock_out_that_username_from_that_address(
    client, editor, behind_proxy
):
    for _ in range(2):
        assert _login(client, "wrong").status_code == 200
    assert _login(client, "wrong").status_code == 429  # the third failure locks
    locked = _login(client, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # The same account from another address (behind the same proxy) still works.
    assert _login(client, PASSWORD, ip="203.0.113.21").status_code == 302


def test_a_successful_sign_in_before_the_limit_resets_the_count(
    client, editor, behind_proxy
):
    for _ in range(2):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 302


def test_without_a_device_the_password_is_enough(client, editor):
    assert _login(client, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_a_device_the_admin_asks_for_a_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = _login(client, PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert _login(client, PASSWORD, otp_token="000000").status_code == 200
    assert _login(client, PASSWORD, otp_token=_token(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_session_not_verified_with_the_device_is_signed_out(client, editor):
    client.force_login(editor)
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_an_editor_sets_up_the_second_factor_in_the_admin(client, editor):
    client.force_login(editor)
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post("/admin/two-factor/", {"token": "123"}).status_code == 400
    response = client.post("/admin/two-factor/", {"token": _token(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # this session is verified


def test_a_session_ends_after_its_maximum_age(client, editor, settings):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[SESSION_STARTED_KEY] = (
        int(time.time()) - settings.SESSION_MAX_AGE_SECONDS - 1
    )
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_guesses_spread_over_addresses_lock_the_username(client, editor, behind_proxy):
    """Six failures from six addresses lock the account everywhere, the right
    password included; another username is untouched."""
    for n in range(5):
        assert _login(client, "wrong", ip=f"2001:db8::{n}").status_code == 200
    assert _login(client, "wrong", ip="2001:db8::5").status_code == 429
    assert _login(client, PASSWORD, ip="198.51.100.60").status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_password_only_front_end_sign_in_is_off(client, editor):
    """/_util/login/ (Wagtail's, password only) sends to the admin sign-in."""
    for path in ("/_util/login/?next=/privado/", "/en/_util/login/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
    response = client.post(
        "/_util/login/", {"username": "editora", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_unverified_session_is_signed_out_on_public_paths_too(client, editor):
    """A session opened without the code (any other sign-in) gets nothing."""
    client.force_login(editor)
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    response = client.get("/documents/1/informe.pdf")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_turning_the_second_factor_off_takes_the_password_and_a_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    # The previous step's code (still accepted): the current one stays unused.
    signed_in = _login(client, PASSWORD, otp_token=_token(device, seconds_ago=30))
    assert signed_in.status_code == 302
    # The old form: a bare POST removed the device.
    assert client.post("/admin/two-factor/", {"action": "remove"}).status_code == 400
    wrong_password = {"password": "wrong", "token": _token(device)}
    assert client.post("/admin/two-factor/", wrong_password).status_code == 400
    wrong_code = {"password": PASSWORD, "token": "000000"}
    assert client.post("/admin/two-factor/", wrong_code).status_code == 400
    assert TOTPDevice.objects.filter(user=editor).exists()
    response = client.post(
        "/admin/two-factor/", {"password": PASSWORD, "token": _token(device)}
    )
    assert response.status_code == 302, response.context["form"].errors
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_login_restricted_page_sends_readers_to_the_admin_sign_in(client, editor):
    """The sign-in that asks for the second factor, not Wagtail's password-only one."""
    from wagtail.models import PageViewRestriction

    from pages.models import StandardPage
    from pages.site_setup import ensure_site

    home = ensure_site()
    members = home.add_child(
        instance=StandardPage(title="Solo miembros", slug="solo-miembros")
    )
    PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(members.url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
