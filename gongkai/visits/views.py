"""Where pages send their counts: a POST from the page's script, and an image for readers without scripts. Both answer
the same whatever happened, so a reader learns nothing from them, and neither may be stored by a cache or a CDN."""

import base64
import logging

from django.db import DatabaseError
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import counting

logger = logging.getLogger(__name__)
# A transparent 1×1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _count(request, token, referrer=""):
    try:
        counting.count(request, token, referrer)
    except DatabaseError:  # counting never costs the reader anything
        logger.exception("Could not count a view")


@csrf_exempt  # nothing to forge: the token says what is counted, and anyone may read any page
@require_POST
@never_cache
def hit(request):
    _count(request, request.POST.get("t", ""), request.POST.get("r", ""))
    return HttpResponse(status=204)


@require_GET
@never_cache
def pixel(request):
    _count(request, request.GET.get("t", ""))
    return HttpResponse(PIXEL, content_type="image/gif")
