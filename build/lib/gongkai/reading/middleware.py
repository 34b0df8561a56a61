"""繁體 reading mode: Chinese pages are converted to Traditional characters on the server, and the result is
cached by the content's digest, so a page is converted once until it changes."""

import hashlib

from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from . import preferences

SKIP_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/documents/", "/static/", "/media/")
CACHE_SECONDS = 24 * 3600


def to_traditional(html):
    """Character conversion only (zh-hant), not regional vocabulary: official texts keep their wording."""
    import zhconv

    key = "gongkai:hant:" + hashlib.sha256(html.encode("utf-8")).hexdigest()
    converted = cache.get(key)
    if converted is None:
        converted = zhconv.convert(html, "zh-hant")
        cache.set(key, converted, CACHE_SECONDS)
    return converted


class TraditionalChineseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The same URL reads differently depending on the reading-preferences cookie.
        if not request.path.startswith(SKIP_PREFIXES):
            patch_vary_headers(response, ["Cookie"])
        if (
            preferences.wants_traditional(request)
            and (get_language() or "").startswith("zh")
            and not request.path.startswith(SKIP_PREFIXES)
            and response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            charset = response.charset or "utf-8"
            response.content = to_traditional(response.content.decode(charset)).encode(charset)
            response.headers["Content-Language"] = "zh-Hant"
            if "ETag" in response.headers:
                del response.headers["ETag"]
        return response
