"""Visits are counted on our own server when a page is shown, pages from the page cache included; bots, editors,
previews and readers asking not to be tracked are not; nothing a reader sends adds a page, a language or a query the
site did not render."""

import datetime

import pytest
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from gongkai.visits import counting
from gongkai.visits.models import DailySalt, DailyVisitors, PageViews, ReferrerViews, SearchViews, VisitorMark
from tests.factories import ArticlePageFactory
from tests.helpers import BROWSER, shown

OTHER_BROWSER = BROWSER.replace("Linux x86_64", "Windows NT 10.0; Win64; x64")


def views(**filters):
    return PageViews.objects.filter(**filters).aggregate(n=Sum("views"))["n"] or 0


@pytest.fixture
def article(column):
    return ArticlePageFactory(parent=column, title="关于开展科技活动周的通知", slug="week")


@pytest.mark.django_db
def test_a_page_is_counted_each_time_it_is_shown_and_its_reader_once_a_day(client, article):
    page = client.get("/work/week/")
    assert shown(client, page).status_code == 204
    assert shown(client, page).status_code == 204
    assert shown(client, page, agent=OTHER_BROWSER).status_code == 204
    row = PageViews.objects.get()
    assert (row.page_id, row.path, row.language, row.views, row.day) == (article.pk, "", "zh-hans", 3, timezone.localdate())
    assert VisitorMark.objects.count() == 2  # two browsers at one address: two readers
    # No cookie is set, by the page or by the count.
    assert not page.cookies and not shown(client, page).cookies


@pytest.mark.django_db
@override_settings(GONGKAI_PAGE_CACHE=True)
def test_pages_from_the_page_cache_are_counted(client, article):
    first, second = client.get("/work/week/"), client.get("/work/week/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    shown(client, first)
    shown(client, second)
    assert views(page_id=article.pk) == 2
    response = shown(client, second)
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("agent, headers", [
    ("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", {}),
    ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
    ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36", {}),
    ("python-requests/2.32", {}),
    ("", {}),
    (BROWSER, {"HTTP_DNT": "1"}),
    (BROWSER, {"HTTP_SEC_GPC": "1"}),
    (BROWSER, {"HTTP_SEC_FETCH_SITE": "cross-site"}),
])
def test_bots_do_not_track_and_other_sites_are_not_counted(client, article, agent, headers):
    page = client.get("/work/week/")
    assert shown(client, page, agent=agent, **headers).status_code == 204
    assert not PageViews.objects.exists() and not VisitorMark.objects.exists()


@pytest.mark.django_db
def test_editors_and_previews_are_not_counted(admin_client, article):
    page = admin_client.get("/work/week/")
    assert shown(admin_client, page) is None  # an editor's page carries no counter
    from django.test import Client

    anonymous = Client().get("/work/week/")
    assert shown(admin_client, anonymous).status_code == 204  # nor counts, if sent with an editor's session
    preview = admin_client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert "visits.js" not in preview.content.decode()
    assert not PageViews.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("data", [
    {}, {"t": ""}, {"t": "x" * 10_000}, {"t": "abc:def"}, {"t": "' OR 1=1 --"}, {"t": "<script>alert(1)</script>"},
    {"t": "😀" * 50}, {"t": "\x00"},
])
def test_forged_or_malformed_counts_change_nothing(client, article, data):
    response = client.post("/visits/hit/", data, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 204
    assert not PageViews.objects.exists()


@pytest.mark.django_db
def test_a_token_cannot_be_altered_to_count_another_page(client, article):
    other = ArticlePageFactory(parent=article.get_parent(), title="另一篇", slug="other")
    good = counting.token(article.pk, "", "zh-hans")
    forged = counting.token(other.pk, "", "zh-hans").rsplit(":", 1)[0] + ":" + good.rsplit(":", 1)[1]
    client.post("/visits/hit/", {"t": forged}, HTTP_USER_AGENT=BROWSER)
    assert not PageViews.objects.exists()
    assert client.get("/visits/hit/").status_code == 405


@pytest.mark.django_db
def test_readers_without_scripts_are_counted_by_the_image(client, article):
    import re

    html = client.get("/work/week/").content.decode()
    src = re.search(r'<noscript><img class="visit-pixel" src="([^"]+)"', html).group(1).replace("&amp;", "&")
    response = client.get(src, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif" and "no-store" in response["Cache-Control"]
    assert views(page_id=article.pk) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("referrer, host", [
    ("www.baidu.com", "www.baidu.com"),
    ("https://www.so.com/s?q=%E7%A7%91%E6%8A%80%E5%B1%80", "www.so.com"),  # only the host, never the search
    ("testserver", None),  # our own
    ("javascript:alert(1)", None),
    ("<img src=x>", None),
    ("😀.example", None),
    ("a" * 400, None),
])
def test_only_the_linking_sites_host_is_kept(client, article, referrer, host):
    shown(client, client.get("/work/week/"), referrer=referrer)
    assert list(ReferrerViews.objects.values_list("host", flat=True)) == ([host] if host else [])
    assert views() == 1


@pytest.mark.django_db
def test_views_that_are_not_pages_are_counted_by_path(client, home):
    shown(client, client.get("/mailbox/"))
    shown(client, client.get("/feeds/"))
    assert set(PageViews.objects.values_list("page_id", "path")) == {(0, "/mailbox/"), (0, "/feeds/")}
    assert shown(client, client.get("/no-such-page/")) is None  # a 404 is no view


@pytest.mark.django_db
@override_settings(GONGKAI_PAGE_CACHE=True)
def test_searches_are_counted_with_what_they_found_cached_or_not(client, article):
    from wagtail.contrib.search_promotions.models import Query

    for _ in range(3):  # the second and third from the page cache
        shown(client, client.get("/search/", {"q": "完全不存在的词语"}))
    shown(client, client.get("/search/", {"q": "科技活动周"}))
    client.get("/search/", {"q": "科技活动周"})  # fetched by a crawler, never shown: not counted
    assert dict(SearchViews.objects.values_list("query", "searches")) == {"完全不存在的词语": 3, "科技活动周": 1}
    assert dict(SearchViews.objects.values_list("query", "results")) == {"完全不存在的词语": 0, "科技活动周": 1}
    # Wagtail's popular-queries report counts them the same way.
    assert Query.get("完全不存在的词语").hits == 3 and Query.get("科技活动周").hits == 1
    assert views(path="/search/") == 4
    # Results holding only some of the words are not what the reader looked for: found nothing.
    shown(client, client.get("/search/", {"q": "科技活动 星际旅行"}))
    assert SearchViews.objects.get(query="科技活动 星际旅行").results == 0


@pytest.mark.django_db
def test_the_day_ends_its_digests_are_counted_and_thrown_away(client, article):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    DailySalt.objects.create(day=yesterday, salt="old")
    VisitorMark.objects.bulk_create([VisitorMark(day=yesterday, digest=f"{n:032x}") for n in range(7)])
    shown(client, client.get("/work/week/"))  # the first view of the day
    assert DailyVisitors.objects.get(day=yesterday).visitors == 7
    assert not VisitorMark.objects.filter(day=yesterday).exists()
    assert list(DailySalt.objects.values_list("day", flat=True)) == [timezone.localdate()]
    counting.rollover()  # again, by another process: nothing counted twice
    assert DailyVisitors.objects.get(day=yesterday).visitors == 7


@pytest.mark.django_db
def test_a_count_reads_nothing_and_writes_one_row_per_table(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = client.get("/work/week/")
    shown(client, page)  # the day's first count also makes the day's salt
    with CaptureQueriesContext(connection) as queries:
        shown(client, page, referrer="www.baidu.com")
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries if "SAVEPOINT" not in q["sql"].upper()]
    assert statements == ["INSERT", "INSERT", "INSERT"]  # the page's day, the reader's mark, the linking host
