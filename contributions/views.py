"""The public contribution form, its confirmation and the status lookup."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from kb.client_ip import client_ip
from kb.rate_limits import count_request
from kb.uploads import SizeLimitedUploadHandler, request_too_large

from . import kept_uploads
from .forms import ContributionForm
from .models import Submission
from .submission import client_fingerprint, over_rate_limit, submit_contribution


def _language() -> str:
    return "en" if (get_language() or "es").startswith("en") else "es"


@csrf_exempt  # only so the upload handler goes in before the body is read
@require_http_methods(["GET", "POST"])
def contribute(request):
    limit = SizeLimitedUploadHandler(settings.CONTRIBUTION_MAX_UPLOAD_BYTES, request)
    request.upload_handlers.insert(0, limit)
    return _contribute(request, limit)


@csrf_protect
def _contribute(request, limit: SizeLimitedUploadHandler):
    if request.method == "GET":
        return render(request, "contributions/form.html", {"form": ContributionForm()})
    # Every attempt counts, rejected or not, per real client address; the
    # submissions kept also count per email address.
    attempt = count_request(
        request,
        "contribute",
        f"{settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR}/h",
    )
    email = request.POST.get("email", "")
    fingerprint = client_fingerprint(client_ip(request))
    if attempt.limited or over_rate_limit(fingerprint, email):
        # Held back, not lost: the proposal comes back as written, to send later.
        response = render(
            request,
            "contributions/form.html",
            {
                "form": ContributionForm.as_written(request.POST),
                "held_back": True,
                "document_dropped": bool(
                    request.FILES.get("document") or request.POST.get("kept_document")
                ),
            },
            status=429,
        )
        response["Retry-After"] = str(attempt.retry_after or 3600)
        return response
    form = ContributionForm(request.POST, request.FILES)
    if limit.exceeded:
        return request_too_large(request)
    if not form.is_valid():
        return render(request, "contributions/form.html", {"form": form}, status=400)
    data = dict(form.cleaned_data)
    data["document_extension"] = getattr(form, "document_extension", "")
    submission = submit_contribution(
        data, language=_language(), fingerprint=fingerprint
    )
    kept_uploads.discard(form.kept_token)
    return redirect(reverse("contribution-thanks", args=[submission.reference]))


def thanks(request, reference):
    submission = get_object_or_404(Submission, reference=reference)
    # Only a published practice is named: other drafts in moderation stay private.
    similar = submission.possible_duplicate_of
    if similar is not None and not similar.live:
        similar = None
    return render(
        request,
        "contributions/thanks.html",
        {
            "submission": submission,
            "similar": similar,
            "retention_days": settings.CONTRIBUTION_RETENTION_DAYS,
        },
    )


def status(request):
    reference = request.GET.get("reference", "").strip().upper()[:12]
    submission = (
        Submission.objects.filter(reference=reference).first() if reference else None
    )
    return render(
        request,
        "contributions/status.html",
        {
            "reference": reference,
            "submission": submission,
            "looked_up": bool(reference),
        },
    )
