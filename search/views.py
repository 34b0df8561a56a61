import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import DateField
from django.db.models.functions import Cast, Coalesce
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from columns.models import ColumnPage
from core import site_cache
from core.models import ListedPage

from . import highlight
from . import text as search_text
from .forms import MAX_QUERY_LENGTH, TYPES, SearchForm

logger = logging.getLogger(__name__)
PER_PAGE = 10
# Sorting by date re-orders the most relevant results; beyond these, a result is too weak to matter.
DATE_SORT_LIMIT = 1000


def site_pages(request):
    pages = site_cache.public(Page.objects.live(), request)
    root = site_cache.home(request)  # search the language being read
    if root is None:
        return pages, None
    return pages.descendant_of(root, inclusive=True), root


def searchable_text(page):
    """The text a snippet is cut from: summary or intro, then the body's text."""
    parts = [getattr(page, "summary", "") or getattr(page, "intro", "") or getattr(page, "search_description", "")]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        parts.extend(str(item) for item in body.stream_block.get_searchable_content(body))
    return " ".join(part for part in parts if part)


def _cards(request, ids):
    """What each result shows of its page apart from the highlighting: its text ready for snippets, column, date and
    type, {page id: card}. Kept per worker until the next publish, like the routes and menus (core/site_cache.py):
    building one loads the page's body and strips its HTML, which a search would otherwise do for every result,
    every time."""
    cards = {}
    for page in Page.objects.filter(pk__in=ids).specific():
        ancestors = site_cache.ancestors(request, page)
        parent = ancestors[-1] if ancestors else None
        date = getattr(page, "date", None) or (page.first_published_at.date() if page.first_published_at else None)
        cards[page.pk] = {
            "text": highlight.prepare(searchable_text(page)),
            "column": parent.title if parent and parent.depth > 2 else "",
            "date": date,
            "type": type(page)._meta.verbose_name,
        }
    return cards


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


def result_rows(request, results, query):
    pages = list(results)
    cards = site_cache.remember_each(request, "search-card", [page.pk for page in pages], lambda ids: _cards(request, ids),
                                     keep=_within_budget(request))
    rows = []
    for page in pages:
        card = cards.get(page.pk)
        if card is None:  # unpublished or deleted between the search and now
            continue
        rows.append({
            "page": page,
            "title": highlight.highlight(page.title, query),
            "snippet": highlight.snippet(card["text"], query),
            "column": card["column"],
            "date": card["date"],
            "type": card["type"],
        })
    return rows


def promotions(request, query):
    """Count the search for the popular-queries report, and return the editors' picks for it. The query's row and
    its picks are kept until the next publish (saving a pick or deleting a query counts as one); the count is one
    statement that adds to today's row or starts it, so concurrent searches neither wait on nor lose each other."""
    key = normalise_query_string(query)
    query_id, picks = site_cache.remember(request, ("search-query", key), lambda: _query_and_picks(key))
    try:
        count_hit(query_id)  # one statement, its own transaction: no BEGIN and COMMIT round trips around it
    except DatabaseError:  # counting must never cost the reader the results
        logger.exception("Could not count a search for %r", query)
    return picks


def _query_and_picks(key):
    record = Query.get(key)
    return record.pk, [pick for pick in record.editors_picks.select_related("page") if pick.page and pick.page.live]


def count_hit(query_id, date=None):
    table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} AS hits (query_id, date, hits) VALUES (%s, %s, 1) "
            "ON CONFLICT (query_id, date) DO UPDATE SET hits = hits.hits + 1",
            [query_id, date or timezone.now().date()],
        )


def search(request):
    pages, root = site_pages(request)
    columns = site_cache.remember(request, ("search-columns", root.pk), lambda: list(
        site_cache.public(ColumnPage.objects.child_of(root).live(), request))) if root else []
    form = SearchForm(request.GET, columns)
    form.is_valid()
    query = form.value("query") or ""
    messages = []
    if form.errors:
        messages.append(_("部分筛选条件无效，已忽略：") + "；".join(str(form.fields[name].label) for name in form.errors))
    if getattr(form, "query_was_cut", False):
        messages.append(_("搜索词过长，只使用前 %(n)s 个字符。") % {"n": MAX_QUERY_LENGTH})
    if "query" in request.GET and not query:
        messages.append(_("请输入要搜索的词语。"))

    column_id, kind, year, sort = form.value("column"), form.value("type"), form.value("year"), form.value("sort")
    if column_id:
        column = next((c for c in columns if c.pk == column_id), None)
        if column:
            pages = pages.descendant_of(column, inclusive=True)
    if kind:
        pages = pages.type(TYPES[kind][0])
    if year:
        pages = pages.filter(id__in=ListedPage.objects.filter(date__year=year).values("pk"))

    rows, page_obj, promoted, failed = [], None, [], False
    if query:
        try:
            if sort == "date":
                ids = [page.pk for page in pages.search(query, operator="or")[:DATE_SORT_LIMIT]]
                results = (
                    Page.objects.filter(pk__in=ids)
                    .annotate(sort_date=Coalesce("listedpage__date", Cast("first_published_at", DateField())))
                    .order_by("-sort_date", "-pk")
                )
            else:
                results = pages.search(query, operator="or")  # base pages: the cards hold the rest
            page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
            rows = result_rows(request, page_obj.object_list, query)
            if rows and len(search_text.segment_query(query)) > 1 and not pages.search(query, operator="and").count():
                messages.append(_("没有同时包含全部词语的信息，以下是包含部分词语的结果。"))
        except DatabaseError:
            logger.exception("Search failed for %r", query)
            failed = True
            messages.append(_("搜索暂时无法完成，请稍后再试。"))
        if page_obj is not None and page_obj.number == 1 and not failed:
            promoted = promotions(request, query)

    params = {key: value for key, value in request.GET.items() if key != "page" and value}
    return TemplateResponse(request, "search/search.html", {
        "form": form,
        "search_query": query,
        "rows": rows,
        "search_results": page_obj,
        "promoted": promoted,
        "messages_list": messages,
        "query_prefix": urlencode(params) + "&" if params else "",
        "filtered": bool(column_id or kind or year),
        "columns": columns,
    })


@cache_control(max_age=60, public=True)
def suggest(request):
    """Titles for the search box as the user types (JSON)."""
    text = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    suggestions = []
    if text:
        pages, _root = site_pages(request)
        try:
            suggestions = [{"title": page.title, "url": page.get_url(request)} for page in pages.autocomplete(text)[:8]]
        except DatabaseError:
            logger.exception("Suggestions failed for %r", text)
    return JsonResponse({"query": text, "suggestions": suggestions})
