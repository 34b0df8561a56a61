import functools

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@functools.lru_cache(maxsize=1)
def _favicon():
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        return icon.read()


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the site emblem, from the static files."""
    response = HttpResponse(_favicon(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response
