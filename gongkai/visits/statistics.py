"""What the counts say, for the admin's 访问统计 and the 政府网站工作年度报表. Everything is read from the daily
totals; pages are looked up by id afterwards (a deleted page keeps its counts and is shown as deleted)."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Min, Sum
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page, Site

from . import counting
from .models import DailyVisitors, PageViews, ReferrerViews, SearchViews, VisitorMark

# Views that are not pages, by URL name, as editors know them.
VIEW_NAMES = {
    "search": gettext_lazy("站内搜索"),
    "feed_list": gettext_lazy("信息订阅"),
    "mailbox": gettext_lazy("局长信箱"),
    "mailbox_write": gettext_lazy("局长信箱：写信"),
    "mailbox_done": gettext_lazy("局长信箱：已提交"),
    "mailbox_status": gettext_lazy("局长信箱：办理进度"),
    "application_apply": gettext_lazy("依申请公开：申请"),
    "application_done": gettext_lazy("依申请公开：已提交"),
    "application_status": gettext_lazy("依申请公开：进度查询"),
    "annual_report_compare": gettext_lazy("年报对比"),
}


def views_in(start, end):
    return PageViews.objects.filter(day__gte=start, day__lte=end)


def home_page_ids():
    """Every site's root page and its translations (首页 in each language)."""
    roots = Page.objects.filter(pk__in=Site.objects.values("root_page"))
    return set(Page.objects.filter(translation_key__in=roots.values("translation_key")).values_list("pk", flat=True))


def visitors_by_day(start, end):
    """{day: 独立用户}: ended days from DailyVisitors, today from today's digests."""
    counting.rollover()  # days that ended since the last view are counted now
    result = dict(DailyVisitors.objects.filter(day__gte=start, day__lte=end).values_list("day", "visitors"))
    today = timezone.localdate()
    if start <= today <= end:
        result[today] = VisitorMark.objects.filter(day=today).count()
    return result


def totals(start, end, visitors=None):
    """visitors: visitors_by_day(start, end), when the caller has it already."""
    views = views_in(start, end)
    return {
        "views": views.aggregate(n=Sum("views"))["n"] or 0,
        "home_views": views.filter(page_id__in=home_page_ids()).aggregate(n=Sum("views"))["n"] or 0,
        "visitors": sum((visitors if visitors is not None else visitors_by_day(start, end)).values()),
    }


def daily(start, end, visitors=None):
    """[(day, views, visitors)] for every day of the period, newest first, days without visits included."""
    views = dict(views_in(start, end).values("day").annotate(n=Sum("views")).values_list("day", "n"))
    visitors = visitors if visitors is not None else visitors_by_day(start, end)
    days = []
    day = min(end, timezone.localdate())
    while day >= start:
        days.append((day, views.get(day, 0), visitors.get(day, 0)))
        day -= datetime.timedelta(days=1)
    return days


def by_language(start, end):
    names = dict(settings.LANGUAGES)
    rows = views_in(start, end).values("language").annotate(n=Sum("views")).order_by("-n", "language")
    return [(str(names.get(row["language"], row["language"])), row["n"]) for row in rows]


def referrers(start, end, limit=20):
    rows = (ReferrerViews.objects.filter(day__gte=start, day__lte=end).values("host").annotate(n=Sum("views"))
            .order_by("-n", "host"))
    return [(row["host"], row["n"]) for row in (rows[:limit] if limit else rows)]


def searches(start, end, limit=20, without_results=False):
    """[(query, searches, most results found)], most searched first; without_results: the days a query found
    nothing (a query that finds something once a page is published stops counting here from that day)."""
    rows = SearchViews.objects.filter(day__gte=start, day__lte=end)
    if without_results:
        rows = rows.filter(results=0)
    grouped = rows.values("query").annotate(n=Sum("searches"), found=Max("results")).order_by("-n", "query")
    return [(row["query"], row["n"], row["found"]) for row in (grouped[:limit] if limit else grouped)]


class _Pages:
    """Titles, addresses and first-level columns of the pages counted, looked up once."""

    def __init__(self, page_ids, request=None):
        self.request = request
        ids = sorted(page_ids)
        # In slices: a year of a large site reads more pages than SQLite takes parameters in one statement.
        self.pages = {page.pk: page for start in range(0, len(ids), 5000)
                      for page in Page.objects.filter(pk__in=ids[start:start + 5000]).select_related("locale")}
        self.home_ids = home_page_ids()
        homes = list(Page.objects.filter(pk__in=self.home_ids).only("path", "depth"))
        self.home_paths = sorted((home.path for home in homes), key=len, reverse=True)
        column_paths = {self._column_path(page.path) for page in self.pages.values()} - {None}
        columns = list(Page.objects.filter(path__in=column_paths).only("path", "title", "translation_key", "locale"))
        default = Locale.get_default()
        chinese = dict(Page.objects.filter(translation_key__in=[c.translation_key for c in columns], locale=default)
                       .values_list("translation_key", "title"))
        # A column is named by its Chinese title in every language, so its translations add up in one row.
        self.columns = {c.path: chinese.get(c.translation_key, c.title) for c in columns}

    def _column_path(self, path):
        for home in self.home_paths:
            if path.startswith(home) and len(path) > len(home):
                return path[:len(home) + Page.steplen]
        return None

    def column(self, page_id):
        page = self.pages.get(page_id)
        if page is None:
            return ""
        return self.columns.get(self._column_path(page.path), "")

    def label(self, page_id, path, language):
        """(title, address) of a counted row."""
        if not page_id:
            return _view_name(path, language), path
        page = self.pages.get(page_id)
        if page is None:
            return _("已删除的页面（编号 %(id)s）") % {"id": page_id}, ""
        return page.title, page.get_url(self.request) or ""


def _view_name(path, language):
    try:
        with translation.override(language):
            name = resolve(path).url_name
    except Resolver404:
        return path
    return str(VIEW_NAMES.get(name, path))


def top_pages(start, end, request=None, limit=20):
    """[(title, address, column, language, views)], most read first."""
    rows = list(views_in(start, end).values("page_id", "path", "language").annotate(n=Sum("views"))
                .order_by("-n", "page_id", "path")[:limit])
    pages = _Pages({row["page_id"] for row in rows if row["page_id"]}, request)
    names = dict(settings.LANGUAGES)
    return [(*pages.label(row["page_id"], row["path"], row["language"]), pages.column(row["page_id"]),
             str(names.get(row["language"], row["language"])), row["n"]) for row in rows]


def by_column(start, end):
    """[(first-level column, views)], its translations included; views that are no page's (search, the mailbox's
    forms) and deleted pages' in a row of their own."""
    per_page = dict(views_in(start, end).exclude(page_id=0).values("page_id").annotate(n=Sum("views"))
                    .values_list("page_id", "n"))
    pages = _Pages(per_page, None)
    totals = defaultdict(int)
    for page_id, views in per_page.items():
        if page_id in pages.home_ids:
            totals[_("首页")] += views
        else:
            totals[pages.column(page_id) or _("其他页面")] += views
    other = views_in(start, end).filter(page_id=0).aggregate(n=Sum("views"))["n"]
    if other:
        totals[_("搜索、信箱等功能页")] += other
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


def detail(start, end, request=None):
    """Every counted row of the period: (day, title, address, column, language, views), for the download."""
    rows = list(views_in(start, end).order_by("day", "-views", "page_id", "path")
                .values_list("day", "page_id", "path", "language", "views"))
    pages = _Pages({row[1] for row in rows if row[1]}, request)
    names = dict(settings.LANGUAGES)
    return [(day, *pages.label(page_id, path, language), pages.column(page_id), str(names.get(language, language)),
             views) for day, page_id, path, language, views in rows]


def year_totals(year):
    """The 年度报表's figures for a year: 独立用户访问总量 (the sum of each day's 独立用户), 网站总访问量 (page
    views), 首页浏览量; and the first day counted, when counting started during the year. None without counts."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    first = views_in(start, end).aggregate(first=Min("day"))["first"]
    if first is None:
        return None
    figures = totals(start, end)
    figures["counted_from"] = first if first > start else None
    return figures
