"""What each search result shows: its highlighted title and snippet, column, date and type. The query-independent
part of a result (its text prepared for snippets, column, date, type) is kept per worker until the next publish,
within a memory budget; the highlighting is done for every search."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail_chinese_search import highlight

from gongkai.core import site_cache


def searchable_text(page):
    """The text a snippet is cut from: summary or intro, then the body's text."""
    parts = [getattr(page, "summary", "") or getattr(page, "intro", "") or getattr(page, "search_description", "")]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        parts.extend(str(item) for item in body.stream_block.get_searchable_content(body))
    return " ".join(part for part in parts if part)


def _cards(request, ids):
    """What each result shows of its page apart from the highlighting: its text ready for snippets, column, date and
    type, {page id: card}. Kept per worker until the next publish, like the routes and menus (gongkai/core/site_cache.py):
    building one loads the page's body and strips its HTML, which a search would otherwise do for every result,
    every time."""
    cards = {}
    pages = list(Page.objects.filter(pk__in=ids).specific())
    linked = _interpretation_links(request, pages)
    for page in pages:
        ancestors = site_cache.ancestors(request, page)
        parent = ancestors[-1] if ancestors else None
        date = getattr(page, "date", None) or (page.first_published_at.date() if page.first_published_at else None)
        details = {
            "column": parent.title if parent and parent.depth > 2 else "",
            "date": date,
            "type": type(page)._meta.verbose_name,
            # 失效 / 废止: the version a reader must not rely on says so in the list, not only on its page.
            "status": page.get_validity_display() if getattr(page, "search_demoted", False) else "",
            # A document's 解读 (their forms, linked) or a 解读's documents.
            "interpretations": linked.get(page.pk, ()),
            "interprets": linked.get(("documents", page.pk), ()),
        }
        cards[page.pk] = {
            "text": highlight.prepare(searchable_text(page)),
            "url": site_cache.page_url(request, page),
            # Rendered once, with the card: only the title and snippet depend on the query.
            "details": render_to_string("search/includes/result_details.html", details, request),
        }
    return cards


def _interpretation_links(request, pages):
    """{document pk: [(form, title, url)], ("documents", 解读 pk): [(title, url)]}, four queries for a page of results."""
    from gongkai.disclosure.interpretations import linked_pages
    from gongkai.disclosure.models import InterpretationPage

    links = {}
    for pk, others in linked_pages(pages, request).items():
        for other in others:
            url = site_cache.page_url(request, other)
            if isinstance(other, InterpretationPage):
                links.setdefault(pk, []).append((other.get_form_display(), other.title, url))
            else:
                links.setdefault(("documents", pk), []).append((other.title, url))
    return links


def _within_budget(request):
    """A worker keeps prepared texts up to GONGKAI_SEARCH_CARD_CHARS characters in all (about 4 bytes each) per
    content version; beyond that a result's card is built for the request and dropped."""
    left = site_cache.remember(request, "search-card-budget", lambda: [settings.GONGKAI_SEARCH_CARD_CHARS])

    def keep(card):
        size = len(card["text"].original)
        if size > left[0]:
            return False
        left[0] -= size
        return True
    return keep


def result_rows(request, results, query, also=()):
    """`also`: other texts searched with the query (a typo's correction), whose words are highlighted too."""
    pages = list(results)
    # Per language and host: the details are rendered in the reader's language, the address for the host asked.
    kind = ("search-card", get_language(), request._get_raw_host())
    cards = site_cache.remember_each(request, kind, [page.pk for page in pages],
                                     lambda ids: _cards(request, ids), keep=_within_budget(request))
    rows = []
    # Once for the page of results, not twice for every result.
    words = sorted({word for text in (query, *also) for word in highlight.highlight_words(text)}, key=len, reverse=True)
    for page in pages:
        card = cards.get(page.pk)
        if card is None:  # unpublished or deleted between the search and now
            continue
        rows.append({
            "page": page,
            "url": card["url"],
            "title": highlight.highlight(page.title, query, words),
            "snippet": highlight.snippet(card["text"], query, words=words),
            "details": card["details"],
        })
    return rows
