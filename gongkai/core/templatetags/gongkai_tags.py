from functools import cache, lru_cache

from django import template
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, ngettext

from gongkai.core import site_cache

register = template.Library()


class RememberNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        request = context.get("request")
        site = site_cache.site(request)
        key = ("fragment", getattr(site, "pk", None), get_language(), tuple(str(part.resolve(context)) for part in self.parts))
        return site_cache.remember(request, key, lambda: self.nodelist.render(context))


@register.tag
def remember(parser, token):
    """{% remember "name" value… %}…{% endremember %}: the enclosed output, rendered once per worker, content
    version, site, language and the values given. For parts every page repeats (footer, navigation)."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(nodelist, parts)


def _nav_items(request, root):
    """(title, url, path) of the home page and the first-level columns, in tree order."""
    items = [(root.title, root.get_url(request), root.path)]
    for item in site_cache.menu_columns(request, root):
        items.append((item.title, nav_url(item, request), item.path))
    return items


@register.simple_tag(takes_context=True)
def main_nav(context, current=None):
    """The first-level columns, in tree order, marking the one the current page belongs to."""
    request = context.get("request")
    root = site_cache.home(request)
    current = current or context.get("page")
    active_path = getattr(current, "path", "") or ""
    entries = []
    if root:
        items = site_cache.remember(request, ("nav", root.pk, request.get_host() if request else ""), lambda: _nav_items(request, root))
        for index, (title, url, path) in enumerate(items):
            if active_path == path:
                state = "page"
            elif index and active_path.startswith(path):
                state = "true"
            else:
                state = None
            entries.append({"title": title, "url": url, "current": state})
    # Rendered once for each set of marks: every page of a column shares its navigation.
    key = ("nav-html", get_language(), tuple((entry["url"], entry["title"], entry["current"]) for entry in entries))
    return site_cache.remember(request, key, lambda: render_to_string("gongkai_core/includes/main_nav.html", {"entries": entries}))


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """{% pageurl %} without working the address out again on every page that links to the same page."""
    return site_cache.page_url(context.get("request"), page) if page else ""


@register.simple_tag
def asset(path):
    """{% static %} once per path and process: the storage (hashed names in production) does not change while a
    process runs, and each {% static %} call costs as much as rendering a dozen variables."""
    return _asset_url(path)


@cache
def _asset_url(path):
    return static(path)


def _forget_assets(setting, **kwargs):
    if setting in ("STATIC_URL", "STORAGES"):
        _asset_url.cache_clear()


setting_changed.connect(_forget_assets, dispatch_uid="gongkai-forget-assets")


@register.filter
def isodate(value):
    """A date as 2024-05-31: what |date:"Y-m-d" gives, without its format machinery (lists show dozens)."""
    if not value:
        return ""
    return value.date().isoformat() if hasattr(value, "date") and callable(value.date) else value.isoformat()


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """What the <head> says about a page: description, canonical address, publication date. Worked out here
    because most page types lack some of these fields, and a failed lookup in a template is slow."""
    if page is None or not getattr(page, "pk", None) or not getattr(page, "path", None):
        return {}
    description = (getattr(page, "search_description", "") or getattr(page, "summary", "")
                   or getattr(page, "intro", "") or "")
    date = getattr(page, "date", None)
    return {
        "description": description,
        "canonical": page.get_full_url(context.get("request")),
        "date": date.isoformat() if date else "",
    }


@register.inclusion_tag("gongkai_core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context.get("request")
    ancestors = site_cache.ancestors(request, page) if page and getattr(page, "path", None) else []
    return {"request": request, "ancestors": ancestors, "page": page}


@register.filter
def nav_url(page, request=None):
    """A link column's nav entry goes straight to its target."""
    target = getattr(page, "get_link_target", None)
    if getattr(page, "is_link", False) and target:
        def link():
            return target(request) or page.get_url(request)

        if request is None:
            return link()
        return site_cache.remember_published(request, ("link-target", page.pk, request._get_raw_host()), link)
    return site_cache.page_url(request, page)


def _translations(context, page):
    """[(language code, name, url, current)] for every site language: the page's own translation when it is
    published, otherwise that language's home page (or, off Wagtail pages, the same path under its prefix)."""
    from django.conf import settings
    from django.urls import translate_url
    from django.utils.translation import get_language
    from wagtail.models import Page

    request = context.get("request")
    current = get_language()
    # The switcher and the <link rel="alternate"> tags ask for the same list: work it out once per request.
    memo_key = (getattr(page, "pk", None), current)
    memo = getattr(request, "_gongkai_translations", None) if request is not None else None
    if memo is not None and memo_key in memo:
        return memo[memo_key]
    site = site_cache.site(request)
    locales = site_cache.locales(request)
    # All of the page's live translations in one query.
    translations = {}
    if page is not None and getattr(page, "pk", None) and getattr(page, "translation_key", None):
        translations = site_cache.remember(request, ("translations", page.translation_key), lambda: {
            translation.locale_id: translation for translation in Page.objects.filter(translation_key=page.translation_key, live=True)})
    links = []
    for code, name in settings.LANGUAGES:
        url, exact = None, False
        locale = locales.get(code)
        if locale is not None and locale.pk in translations:
            url, exact = site_cache.page_url(request, translations[locale.pk]), True
        if url is None and (page is None or not getattr(page, "pk", None)) and request is not None:
            # Resolving and reversing the path is the same work for every query string (the search page).
            path, mark, query = request.get_full_path().partition("?")
            url = site_cache.remember(request, ("translated-path", path, current, code), lambda: translate_url(path, code))
            url, exact = url + mark + query, True
        if url is None and site and locale is not None:
            url = site_cache.remember(request, ("home-url", site.pk, code, request.get_host() if request else ""),
                                      lambda: _home_url(request, site, locale))
        if url:
            links.append({"code": code, "name": name, "url": url, "current": code == current, "exact": exact})
    if request is not None:
        request._gongkai_translations = {**(memo or {}), memo_key: links}
    return links


def _home_url(request, site, locale):
    home = site.root_page.get_translation_or_none(locale)
    return home.get_url(request) if home is not None and home.live else None


@register.inclusion_tag("gongkai_core/includes/language_links.html", takes_context=True)
def language_links(context, page=None):
    return {"links": _translations(context, page)}


@register.inclusion_tag("gongkai_core/includes/language_alternates.html", takes_context=True)
def language_alternates(context, page=None):
    """<link rel="alternate" hreflang> for the translations a page really has."""
    request = context.get("request")
    links = [link for link in _translations(context, page) if link["exact"]]
    if len(links) < 2:
        return {"links": []}
    return {"links": [{**link, "url": request.build_absolute_uri(link["url"]) if request else link["url"]} for link in links]}


@register.inclusion_tag("gongkai_core/includes/page_tools.html", takes_context=True)
def page_tools(context, page):
    """Below an item: 上一篇 / 下一篇 in its column, 打印, and a QR code of its address (扫码阅读) for phones."""
    request = context.get("request")
    previous, following = page.neighbours(request) if hasattr(page, "neighbours") else (None, None)
    # The address the reader used, as the language links give it.
    address = request.build_absolute_uri(site_cache.page_url(request, page)) if request else page.get_full_url() or ""
    return {"request": request, "previous": previous, "next": following, "address": address,
            "qr_svg": qr_svg(address) if address else ""}


@lru_cache(maxsize=2048)  # ~2 kB each: bounded, a site may have 100,000 pages
def _qr_markup(address):
    import segno

    # Inline SVG: no data: image or script, so it stays within the content security policy; one path, ~2 kB.
    return segno.make(address, error="m").svg_inline(scale=3, border=2, dark="#000", light="#fff", svgclass="qr__code")


def qr_svg(address):
    from django.utils.safestring import mark_safe

    return mark_safe(_qr_markup(address))


@register.simple_tag
def pagination(items, query_prefix=""):
    """The page links under a list, the catalogue and search results: 第 n / m 页，共 k 条, then 首页 and 上一页, the
    page numbers with … for gaps, 下一页 and 末页. Built here rather than in a template loop: every list page shows
    it, and the loop cost as much as the ten results above it. `query_prefix`: the other parameters, "a=1&"."""
    paginator = getattr(items, "paginator", None)
    if paginator is None or paginator.num_pages <= 1:
        return ""
    number, last = items.number, paginator.num_pages
    prefix = query_prefix or ""

    def link(page, label, rel=""):  # the prefix is the reader's own parameters: escaped like any value
        return format_html('<li><a href="?{}page={}"{}>{}</a></li>', prefix, page,
                           format_html(' rel="{}"', rel) if rel else "", label)
    entries = []  # each <li>
    if items.has_previous():
        entries += [link(1, gettext("首页")), link(number - 1, gettext("上一页"), "prev")]
    for entry in paginator.get_elided_page_range(number):
        if entry == number:
            entries.append(format_html('<li><span aria-current="page">{}</span></li>', entry))
        elif entry == paginator.ELLIPSIS:
            entries.append(format_html("<li><span>{}</span></li>", entry))
        else:
            entries.append(link(entry, entry))
    if items.has_next():
        entries += [link(number + 1, gettext("下一页"), "next"), link(last, gettext("末页"))]
    links = format_html_join("\n    ", "{}", ((entry,) for entry in entries))
    status = ngettext("第 %(number)s / %(total)s 页，共 %(counter)s 条", "第 %(number)s / %(total)s 页，共 %(counter)s 条",
                      paginator.count) % {"number": number, "total": last, "counter": paginator.count}
    return format_html('<nav class="pagination" aria-label="{}">\n  <p class="pagination__status">{}</p>\n  <ul>\n    {}\n  </ul>\n</nav>',
                       gettext("分页"), status, links)
