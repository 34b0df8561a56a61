"""Two-step admin login. Editors who set up an authenticator must give its code after their password before any
admin page opens; with GONGKAI_ADMIN_TWO_FACTOR = "required" every editor must set one up first."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import devices

PROTECTED = ("/admin/", "/django-admin/")
# What a signed-in but unverified editor may still reach: the steps themselves, signing out, the admin's assets.
OPEN = ("/admin/two-factor/", "/admin/logout/", "/admin/login/", "/admin/password_reset/", "/admin/jsi18n/",
        "/django-admin/logout/", "/django-admin/login/")


def mode():
    return getattr(settings, "GONGKAI_ADMIN_TWO_FACTOR", "optional")


class AdminTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (mode() != "off" and path.startswith(PROTECTED) and not path.startswith(OPEN)
                and user is not None and user.is_authenticated and not user.is_verified()):
            step = "two_factor_verify" if devices.enrolled(user) else ("two_factor_setup" if mode() == "required" else None)
            if step:
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
