"""Admin login lockout per account and per address.

django-axes locks an account from an address after AXES_FAILURE_LIMIT failures (5). That alone let one address try
40 passwords over 10 accounts, four each, without a lock. An address is therefore also locked when its failures
across all accounts reach GONGKAI_LOGIN_ADDRESS_LIMIT (15) within the same cool-off time: high enough that an
office whose editors share one address (NAT) does not lock itself out with a few typos, low enough to stop guessing
across accounts."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AccountAndAddressHandler(AxesDatabaseHandler):
    def address_failures(self, request):
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= getattr(settings, "GONGKAI_LOGIN_ADDRESS_LIMIT", 15):
            # Reported as the account limit, so that axes locks and answers exactly as it does for one account.
            return max(failures, get_failure_limit(request, credentials))
        return failures
