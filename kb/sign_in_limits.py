"""How many failed sign-ins lock an account out (django-axes).

Axes counts failures for each of AXES_LOCKOUT_PARAMETERS, a username from one
address and the username from anywhere, and locks on the larger count against one
limit. The username alone is given a higher limit: guesses spread over many
addresses (or over an IPv6 /64) lock the account, while one address still locks at
the lower limit, and a stranger needs more tries to lock a colleague out.
"""

from axes.helpers import get_client_ip_address, get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def failure_limit(request, credentials) -> int:
    """AXES_FAILURE_LIMIT for this attempt: the per-address limit once this
    username failed that often from this address, else the per-username one."""
    from_here = (
        AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=get_client_ip_address(request),
        ).aggregate(total=Sum("failures_since_start"))["total"]
        or 0
    )
    per_address = settings.SIGN_IN_FAILURES_PER_ADDRESS
    if from_here >= per_address:
        return per_address
    return settings.SIGN_IN_FAILURES_PER_USERNAME
