from django import template
from django.utils.translation import gettext as _

from gongkai.core import site_cache

register = template.Library()


def feed_urls(page, request):
    base = site_cache.page_url(request, page)
    if base is None:  # a page outside any site: no feed to point at
        return None
    return {"rss": base + "feed/rss/", "atom": base + "feed/atom/"}


@register.inclusion_tag("gongkai_syndication/feed_links.html", takes_context=True)
def feed_links(context, page=None):
    """<link rel="alternate"> for the site's latest feed, and for the page's own when it is a list."""
    request = context.get("request")
    site = site_cache.site(request)
    links = []
    if site:
        from gongkai.core.models import SiteSettings

        root = site_cache.home(request)  # the home page in the language being read
        name = SiteSettings.for_request(request).localized_name() or root.title
        links.append((_("%(site)s 最新信息") % {"site": name}, feed_urls(root, request)))
    if page is not None and getattr(page, "has_feed", None) and page.has_feed() and (not site or page.pk != root.pk):
        links.append((page.title, feed_urls(page, request)))
    return {"links": [(title, urls) for title, urls in links if urls]}


@register.simple_tag(takes_context=True)
def page_feed_urls(context, page):
    return feed_urls(page, context.get("request"))
