"""RSS 2.0 and Atom feeds of the site's lists, through Django's syndication framework.

Entries carry the full body as HTML with absolute links, the publication date (a 发布日期 is a date; the
time of day comes from the first publication when it fell on that day) and the update time, both with the
+08:00 offset, the 信息来源 as author, the column and tags as categories, and attachments as enclosures."""

import datetime
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from gongkai.core import site_cache
from gongkai.core.models import ListedPage

FEED_LENGTH = 30
_RELATIVE_URL = re.compile(r'(\s(?:src|href))="/(?!/)')


def absolute_html(html, root_url):
    return _RELATIVE_URL.sub(lambda m: f'{m.group(1)}="{root_url}/', html)


def entry_datetime(page):
    """The 发布日期 as a moment in the site's time zone."""
    zone = timezone.get_default_timezone()
    first = page.first_published_at.astimezone(zone) if page.first_published_at else None
    if first and first.date() == page.date:
        return first
    return datetime.datetime.combine(page.date, datetime.time(8, 0), tzinfo=zone)


class ChineseRssFeed(Rss201rev2Feed):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("language", settings.LANGUAGE_CODE)
        super().__init__(*args, **kwargs)

    def add_item_elements(self, handler, item):
        # RSS 2.0 allows one enclosure an item: keep the first attachment (Atom carries them all).
        if item.get("enclosures") and len(item["enclosures"]) > 1:
            item["enclosures"] = item["enclosures"][:1]
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attributes


class ChineseAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for title, url in item.get("related") or []:
            handler.addQuickElement("link", "", {"rel": "related", "href": url, "title": title})
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class ListFeed(Feed):
    """The newest items below a page (a column, or the whole site)."""

    feed_type = ChineseRssFeed

    def get_object(self, request, page):
        self.request = request
        site = site_cache.site(request)
        self.root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
        return page

    def title(self, page):
        from gongkai.core.models import SiteSettings

        site_name = SiteSettings.for_request(self.request).localized_name()
        if page.depth <= 2:
            return _("%(site)s 最新信息") % {"site": site_name or page.title}
        return f"{page.title} - {site_name}" if site_name else page.title

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        return getattr(page.specific, "intro", "") or _("%(title)s的最新信息") % {"title": page.title}

    def feed_url(self, page):
        return self.request.build_absolute_uri()

    def items(self, page):
        # Computed once per feed object: the view reads them again for Last-Modified.
        if getattr(self, "_items", None) is None:
            self._items = list(
                site_cache.public(ListedPage.objects.live()).descendant_of(page).specific().order_by("-date", "-pk")[:FEED_LENGTH]
            )
            self._parent_titles = dict(
                Page.objects.filter(path__in={i.path[: -Page.steplen] for i in self._items}).values_list("path", "title")
            )
            self._related = self._interpretation_links(page)
        return self._items

    def _interpretation_links(self, page):
        """{item pk: (heading, [(title, absolute url)])}: a document's 解读, a 解读's documents."""
        from gongkai.disclosure.interpretations import linked_pages
        from gongkai.disclosure.models import DocumentPage

        items = {item.pk: item for item in self._items}
        return {pk: (_("政策解读") if isinstance(items[pk], DocumentPage) else _("解读的文件"),
                     [(other.title, other.get_full_url(self.request)) for other in others])
                for pk, others in linked_pages(self._items, self.request).items()}

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        return item.summary or item.title

    def item_pubdate(self, item):
        return entry_datetime(item)

    def item_updateddate(self, item):
        return max(filter(None, [item.last_published_at, entry_datetime(item)])).astimezone(timezone.get_default_timezone())

    def item_author_name(self, item):
        return getattr(item, "source", "") or getattr(item, "issuer", "") or getattr(item, "author", "") or None

    def item_categories(self, item):
        categories = [self._parent_titles.get(item.path[: -Page.steplen], "")]
        if hasattr(item, "tags"):
            categories += [tag.name for tag in item.tags.all()]
        return [c for c in categories if c]

    def item_enclosures(self, item):
        attachments = getattr(item, "attachments", None) or []
        enclosures = []
        for block in attachments:
            document = block.value.get("document")
            if document is not None:
                size = document.get_file_size() or 0
                mime = document.content_type or "application/octet-stream"
                enclosures.append(Enclosure(self.root_url + document.url, str(size), mime))
        return enclosures

    def item_extra_kwargs(self, item):
        from django.utils.html import format_html, format_html_join

        body = getattr(item, "body", None)
        html = str(body) if body else ""
        heading, related = self._related.get(item.pk, ("", []))
        if related:
            # Readers of the feed follow the pair too: in the HTML for every reader, and as Atom's rel="related" links.
            html += format_html("<p>{}{}</p>", heading + _("：") if heading else "",
                                format_html_join(_("、"), '<a href="{}">{}</a>', ((url, title) for title, url in related)))
        kwargs = {"content_html": absolute_html(html, self.root_url)} if html else {}
        if related:
            kwargs["related"] = related
        return kwargs



class AtomListFeed(ListFeed):
    feed_type = ChineseAtomFeed
    subtitle = ListFeed.description
