from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from . import preferences


@never_cache
def toggle(request, name):
    """Switch one reading preference on or off (or reset all), then go back to the page the reader was on."""
    chosen = preferences.read(request)
    if name == "reset":
        chosen = {}
    elif name in preferences.OPTIONS:
        if name in chosen:
            del chosen[name]
        else:
            chosen[name] = preferences.OPTIONS[name][0]
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if chosen:
        response.set_cookie(preferences.COOKIE, preferences.serialise(chosen), max_age=preferences.COOKIE_AGE, samesite="Lax")
    else:
        response.delete_cookie(preferences.COOKIE)
    return response
