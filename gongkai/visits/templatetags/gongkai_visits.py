from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language

from gongkai.core.templatetags.gongkai_tags import asset
from gongkai.visits import counting

register = template.Library()

# Wagtail's own page view is not counted by path: its pages are counted by id, and a 404 inside it has no page.
NOT_COUNTED = {"wagtail_serve"}


@register.simple_tag(takes_context=True)
def visit_counter(context):
    """The script (and, for readers without scripts, the image) that counts this page once it is shown. Previews and
    editors' pages carry none. A search page puts `visit_search` = (query, results, extra) in its context."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return ""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return ""
    page = context.get("page")
    page_id = getattr(page, "pk", None) if getattr(page, "path", None) else None
    path = ""
    if not page_id:
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name in NOT_COUNTED:
            return ""
        path = request.path
    try:
        url, image = reverse("visits_hit"), reverse("visits_pixel")
    except NoReverseMatch:  # the site has not included gongkai.urls
        return ""
    value = counting.token(page_id or 0, path, get_language() or "", context.get("visit_search"))
    return format_html(
        '<script src="{}" data-url="{}" data-token="{}" defer></script>'
        '<noscript><img class="visit-pixel" src="{}?{}" alt="" width="1" height="1"></noscript>',
        asset("gongkai_visits/visits.js"), url, value, image, urlencode({"t": value}))
