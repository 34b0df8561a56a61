from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    # The home page in the language being read (/en/ has its own tree).
    return site.root_page.localized if site else None


@register.inclusion_tag("core/includes/main_nav.html", takes_context=True)
def main_nav(context, current=None):
    """The first-level columns, in tree order, marking the one the current page belongs to."""
    root = _site_root(context)
    current = current or context.get("page")
    request = context.get("request")
    active_path = getattr(current, "path", "") or ""
    entries = []
    if root:
        entries.append({"title": root.title, "url": root.get_url(request), "current": "page" if active_path == root.path else None})
        for item in root.get_children().live().public().in_menu().specific():
            if active_path == item.path:
                state = "page"
            elif active_path.startswith(item.path):
                state = "true"
            else:
                state = None
            entries.append({"title": item.title, "url": nav_url(item, request), "current": state})
    return {"entries": entries}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2) if page else []
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.filter
def nav_url(page, request=None):
    """A link column's nav entry goes straight to its target."""
    target = getattr(page, "get_link_target", None)
    if getattr(page, "is_link", False) and target:
        return target(request) or page.get_url(request)
    return page.get_url(request)


def _translations(context, page):
    """[(language code, name, url, current)] for every site language: the page's own translation when it is
    published, otherwise that language's home page (or, off Wagtail pages, the same path under its prefix)."""
    from django.conf import settings
    from django.urls import translate_url
    from django.utils.translation import get_language
    from wagtail.models import Locale

    request = context.get("request")
    current = get_language()
    # The switcher and the <link rel="alternate"> tags ask for the same list: work it out once per request.
    memo_key = (getattr(page, "pk", None), current)
    memo = getattr(request, "_gongkai_translations", None) if request is not None else None
    if memo is not None and memo_key in memo:
        return memo[memo_key]
    site = Site.find_for_request(request) if request else None
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        url, exact = None, False
        locale = locales.get(code)
        if page is not None and getattr(page, "pk", None) and locale is not None:
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                url, exact = translation.get_url(request), True
        if url is None and (page is None or not getattr(page, "pk", None)) and request is not None:
            url, exact = translate_url(request.get_full_path(), code), True
        if url is None and site and locale is not None:
            home = site.root_page.get_translation_or_none(locale)
            url = home.get_url(request) if home is not None and home.live else None
        if url:
            links.append({"code": code, "name": name, "url": url, "current": code == current, "exact": exact})
    if request is not None:
        request._gongkai_translations = {**(memo or {}), memo_key: links}
    return links


@register.inclusion_tag("core/includes/language_links.html", takes_context=True)
def language_links(context, page=None):
    return {"links": _translations(context, page)}


@register.inclusion_tag("core/includes/language_alternates.html", takes_context=True)
def language_alternates(context, page=None):
    """<link rel="alternate" hreflang> for the translations a page really has."""
    request = context.get("request")
    links = [link for link in _translations(context, page) if link["exact"]]
    if len(links) < 2:
        return {"links": []}
    return {"links": [{**link, "url": request.build_absolute_uri(link["url"]) if request else link["url"]} for link in links]}
