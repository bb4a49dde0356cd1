from django.conf import settings
from django.shortcuts import render


def privacy_notice(request):
    return render(
        request,
        "pages/privacy_notice.html",
        {"retention_days": settings.CONTRIBUTION_RETENTION_DAYS},
    )
