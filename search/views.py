import logging
from collections.abc import Sequence
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import DateField
from django.db.models.functions import Cast, Coalesce
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from gongkai.columns.models import ColumnPage
from gongkai.core import site_cache
from gongkai.core.models import ListedPage

from . import promotions, results
from .forms import MAX_QUERY_LENGTH, TYPES, SearchForm

logger = logging.getLogger(__name__)
PER_PAGE = 10
# Sorting by date re-orders the most relevant results; beyond these, a result is too weak to matter.
DATE_SORT_LIMIT = 1000


def site_pages(request):
    """The published, public pages of the language being read, and its home page. The queryset is built once per
    worker and content version and copied for each search (building it took 0.2 ms, a quarter of the search's SQL); the kept
    one is never evaluated, only copied."""
    root = site_cache.home(request)

    def build():
        pages = site_cache.public(Page.objects.live(), request)
        return pages if root is None else pages.descendant_of(root, inclusive=True)
    return site_cache.remember(request, ("search-pages", root.pk if root else None), build).all(), root


class Counts:
    """How many results hold every word of the query, and how many only some. The backend stops counting at its
    count limit (1,000 by default): past it, a count is "more than" the limit."""

    def __init__(self, total, all_words, several_words, limit=None):
        self.limit = limit
        self.total_capped = limit is not None and total > limit
        self.all_words_capped = limit is not None and all_words > limit
        self.total = min(total, limit) if self.total_capped else total
        self.all_words = min(all_words, limit) if self.all_words_capped else all_words
        self.some_words = self.total - self.all_words
        self.several_words = several_words


class Understood:
    """How the Chinese search read the query, for the reader: a typo it corrected or only suggests (您是不是要找),
    and the titles an unlisted 简称 was taken for."""

    def __init__(self, compiler):
        correction = getattr(compiler, "correction", None)
        self.suggestion = correction.text if correction else ""
        self.suggestion_searched = bool(correction and correction.confident)
        self.abbreviated_titles = list(getattr(compiler, "abbreviated_titles", None) or [])

    def __bool__(self):
        return bool(self.suggestion or self.abbreviated_titles)


class _Window(Sequence):
    """One page of search results standing in for the whole list, so Django's Paginator can number the pages
    from a count it did not have to ask for."""

    def __init__(self, objects, start, total):
        self.objects, self.start, self.total = objects, start, total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.objects[key.start - self.start:key.stop - self.start]
        return self.objects[key - self.start]


def ranked_page(found, number):
    """The requested page of relevance-ranked results and their counts, in one search statement (two when the page
    asked for is past the last one: the empty page with the counts, then the last page). Past the count limit, the
    pages run to the limit."""
    try:
        # Bounded: a page number of 30 digits is past the end anyway, and as an OFFSET it overflows PostgreSQL's bigint.
        number = min(max(1, int(number)), 100_000)
    except (TypeError, ValueError, OverflowError):
        number = 1
    start = (number - 1) * PER_PAGE
    window = found[start:start + PER_PAGE]
    objects = list(window)
    total = window.total if window.total is not None else found.count()
    all_words = window.all_terms_total if window.all_terms_total is not None else total
    several = bool(getattr(found.query_compiler, "query_words", None))  # the Chinese backends' multi-word queries
    counts = Counts(total, all_words, several, getattr(window, "count_limit", None))
    if not objects and counts.total and start:
        return ranked_page(found, (counts.total - 1) // PER_PAGE + 1)
    page_obj = Paginator(_Window(objects, start, counts.total), PER_PAGE).get_page(number)
    return page_obj, counts


def search(request):
    pages, root = site_pages(request)
    columns = site_cache.remember(request, ("search-columns", root.pk), lambda: list(
        site_cache.public(ColumnPage.objects.child_of(root).live(), request))) if root else []
    data = request.GET
    if "query" not in data and "q" in data:  # ?q= is what people and other sites use; ?query= is the form's own
        data = data.copy()
        data["query"] = data["q"]
    form = SearchForm(data, columns)
    form.is_valid()
    query = form.value("query") or ""
    messages = []
    if form.errors:
        messages.append(_("部分筛选条件无效，已忽略：") + "；".join(str(form.fields[name].label) for name in form.errors))
    if getattr(form, "query_was_cut", False):
        messages.append(_("搜索词过长，只使用前 %(n)s 个字符。") % {"n": MAX_QUERY_LENGTH})
    if "query" in data and not query:
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

    rows, page_obj, promoted, failed, counts, understood, counted = [], None, [], False, None, None, None
    if query:
        try:
            searched = pages.search(query, operator="or")
            understood = Understood(getattr(searched, "query_compiler", None))
            if sort == "date":
                ids = [page.pk for page in searched[:DATE_SORT_LIMIT]]
                found = (
                    Page.objects.filter(pk__in=ids)
                    .annotate(sort_date=Coalesce("listedpage__date", Cast("first_published_at", DateField())))
                    .order_by("-sort_date", "-pk")
                )
                page_obj = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
            else:
                # base pages: results.py keeps the rest. The page of results and both counts are one statement.
                page_obj, counts = ranked_page(searched, request.GET.get("page"))
            also = ([understood.suggestion] if understood.suggestion_searched else []) + understood.abbreviated_titles
            rows = results.result_rows(request, page_obj.object_list, query, also)
            if rows and counts and counts.several_words and not counts.all_words:
                messages.append(_("没有同时包含全部词语的信息，以下是包含部分词语的结果。"))
        except DatabaseError:
            logger.exception("Search failed for %r", query)
            failed = True
            messages.append(_("搜索暂时无法完成，请稍后再试。"))
        if page_obj is not None and page_obj.number == 1 and not failed:
            promoted = promotions.editors_picks(request, query)
            # Counted when the page is shown (gongkai.visits), for 访问统计 and the popular-queries report: the query
            # and what it found. What it found is what holds all its words: results holding one character of
            # a five-word query are not what the reader looked for.
            if counts:
                found = counts.all_words if counts.several_words else counts.total
            else:
                found = page_obj.paginator.count
            counted = (normalise_query_string(query), found, {})

    params = {key: value for key, value in request.GET.items() if key != "page" and value}
    return TemplateResponse(request, "search/search.html", {
        "form": form,
        "filter_fields": form.choice_fields_html(request, root),
        "search_query": query,
        "rows": rows,
        "search_results": page_obj,
        "promoted": promoted,
        "messages_list": messages,
        "query_prefix": urlencode(params) + "&" if params else "",
        "filtered": bool(column_id or kind or year),
        "counts": counts,
        "understood": understood,
        "columns": columns,
        "visit_search": counted,
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
