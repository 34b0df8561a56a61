from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gongkai.core import site_cache

register = template.Library()


def feed_urls(page, request):
    base = site_cache.page_url(request, page)
    if base is None:  # a page outside any site: no feed to point at
        return None
    return {"rss": base + "feed/rss/", "atom": base + "feed/atom/"}


@register.simple_tag(takes_context=True)
def feed_links(context, page=None):
    """<link rel="alternate"> for the site's latest feed, and for the page's own when it is a list. The same on every
    page without a feed of its own, so rendered once per worker, language and content version (per list for lists)."""
    request = context.get("request")
    own = page if page is not None and getattr(page, "has_feed", None) and page.has_feed() else None

    def render():
        return render_to_string("gongkai_syndication/feed_links.html", {"links": _feed_links(request, own)})
    if request is None:
        return render()
    key = ("feed-links", getattr(own, "pk", None), get_language(), request._get_raw_host())
    return site_cache.remember_published(request, key, render)


def _feed_links(request, page):
    site = site_cache.site(request)
    links = []
    if site:
        from gongkai.core.models import SiteSettings

        root = site_cache.home(request)  # the home page in the language being read
        name = SiteSettings.for_request(request).localized_name() or root.title
        links.append((_("%(site)s 最新信息") % {"site": name}, feed_urls(root, request)))
    if page is not None and (not site or page.pk != root.pk):
        links.append((page.title, feed_urls(page, request)))
    return [(title, urls) for title, urls in links if urls]


@register.simple_tag(takes_context=True)
def page_feed_urls(context, page):
    return feed_urls(page, context.get("request"))
