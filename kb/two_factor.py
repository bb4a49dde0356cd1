"""An optional second factor (TOTP, django-otp) for the people who use the admin.

An editor or moderator sets it up from their account page
(`/admin/two-factor/`): scan the code in an authenticator app, type one code to
confirm. From then on the admin sign-in asks for a code after the password, and a
session that was not verified with one is signed out, wherever it goes: the admin,
login-restricted pages, private documents. Turning it off takes the password and a
current code.
"""

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

DEVICE_NAME = "authenticator"


def confirmed_device(user) -> TOTPDevice | None:
    return next((d for d in devices_for_user(user) if isinstance(d, TOTPDevice)), None)


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form plus a code field, required once a device is set up."""

    otp_token = forms.CharField(
        label=_("Authenticator code"),
        required=False,
        max_length=12,
        help_text=_("Only if you have set up two-step sign-in."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned
        device = confirmed_device(user)
        if device is None:
            return cleaned
        token = (cleaned.get("otp_token") or "").strip()
        if not token:
            raise forms.ValidationError(
                _("Enter the code from your authenticator app."),
                code="otp_required",
            )
        allowed, _extra = device.verify_is_allowed()
        if not allowed or not device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not valid. Wait for a new one and try again."),
                code="otp_invalid",
            )
        # django-otp marks the session verified when Django logs the user in.
        user.otp_device = device
        return cleaned


class SecondFactorMiddleware:
    """Any session of a user with a device must have been verified with it.

    Every path, not only the admin's: a session opened by any other sign-in (a
    password-only form, a future one) gets nothing its user's password alone
    would not give a stranger. It is signed out and sent to the admin sign-in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and user_has_device(user)
        ):
            logout(request)
            return redirect_to_login(
                request.get_full_path(), reverse("wagtailadmin_login")
            )
        return self.get_response(request)


def admin_sign_in_instead(request):
    """Wagtail's password-only front-end sign-in (/_util/login/) is not offered:
    the admin's, which asks for the second factor, takes its place."""
    return redirect_to_login(
        request.GET.get("next") or "/", reverse("wagtailadmin_login")
    )


class RemoveDeviceForm(forms.Form):
    """Turning two-step sign-in off: the password and a current code, so that a
    session left open (or stolen) cannot remove the factor."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    token = forms.CharField(
        label=_("Code shown by the app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, user, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password

    def clean(self):
        cleaned = super().clean()
        # Checked only after the password: a code checked is a code used up.
        if self.errors or "token" not in cleaned:
            return cleaned
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed or not self.device.verify_token(cleaned["token"].strip()):
            self.add_error(
                "token", _("That code is not valid. Wait for a new one and try again.")
            )
        return cleaned


class ConfirmDeviceForm(forms.Form):
    token = forms.CharField(
        label=_("Code shown by the app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not valid. Wait for a new one and try again.")
            )
        return token


def pending_device(user) -> TOTPDevice:
    """The user's unconfirmed device, created on first visit to the set-up page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirm_device(request, device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
