"""The admin page where an editor sets up or removes two-step sign-in."""

import segno
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import (
    ConfirmDeviceForm,
    RemoveDeviceForm,
    confirm_device,
    confirmed_device,
    pending_device,
)


@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    user = request.user
    active = confirmed_device(user)
    if active is not None:
        form = RemoveDeviceForm(user, active, request.POST or None)
        if request.method == "POST" and form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-step sign-in is off."))
            return redirect("kb_two_factor")
        return render(
            request,
            "kb/two_factor.html",
            {"active": True, "form": form},
            status=400 if form.is_bound else 200,
        )
    device = pending_device(user)
    form = ConfirmDeviceForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm_device(request, device)
        messages.success(request, _("Two-step sign-in is on."))
        return redirect("kb_two_factor")
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "kb/two_factor.html",
        {
            "active": False,
            "form": form,
            "qr_svg": qr.svg_inline(scale=5, title=_("Code to scan")),
            "secret": device.config_url.split("secret=", 1)[1].split("&", 1)[0],
        },
        status=400 if form.is_bound else 200,
    )
