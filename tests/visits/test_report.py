"""报告 → 访问统计 on the demo site: what people read, per column (its English pages included), per language, where
they came from and what they searched for and did not find; the downloads; and the 政府网站工作年度报表's visit
figures taken from the same counts."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from gongkai.visits.models import DailyVisitors, PageViews
from tests.helpers import BROWSER, shown

OTHER_BROWSER = BROWSER.replace("Linux x86_64", "Macintosh; Intel Mac OS X 14_0")


@pytest.fixture
def demo(demo_module, db):
    return demo_module


@pytest.fixture
def admin(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("stats", "stats@example.com", "pw"))
    return client


def read(path, times=1, referrer="", agent=BROWSER):
    reader = Client()
    response = reader.get(path)
    assert response.status_code == 200, path
    for _ in range(times):
        assert shown(reader, response, referrer=referrer, agent=agent).status_code == 204
    return response


def table(soup, heading_id):
    """The rows of the table under a heading, as lists of cell texts."""
    heading = soup.find(id=heading_id)
    body = heading.find_next("table").tbody
    return [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in body.find_all("tr")]


@pytest.mark.django_db
def test_the_report_says_what_people_read_and_searched_for(demo, admin):
    from gongkai.news.models import ArticlePage

    article = ArticlePage.objects.live().filter(locale__language_code="zh-hans").order_by("pk").first()
    read(article.url, times=3, referrer="www.baidu.com")
    read(article.url, agent=OTHER_BROWSER)
    read("/", times=2)
    read("/en/", times=1, referrer="https://www.google.com/search?q=hegang")
    read("/en/disclosure/annual-reports/2018/", times=2)
    read("/disclosure/annual-reports/2018/", times=1)
    read("/search/?q=星际旅行补贴", times=2)  # nothing of the kind on the site
    read("/search/?q=科技")

    soup = BeautifulSoup(admin.get(reverse("visits_report")).content, "html.parser")
    totals = {div.dt.get_text(): div.dd.get_text() for div in soup.select(".visits-report__totals div")}
    assert totals == {"浏览量（次）": "13", "独立用户（个）": "2", "首页浏览量（次）": "3"}
    pages = table(soup, "pages")
    first_level = article.get_ancestors().filter(depth=3).get()  # under the home page
    assert pages[0] == [article.title, first_level.title, "简体中文", "4"]
    # The 2018 report read in English and in Chinese adds up under the one Chinese column.
    columns = dict(table(soup, "columns"))
    assert columns["政务公开"] == "3" and columns["首页"] == "3" and columns["搜索、信箱等功能页"] == "3"
    assert table(soup, "unfound") == [["星际旅行补贴", "2"]]
    assert ["科技", "1"] == table(soup, "searches")[1][:2]
    assert dict(table(soup, "referrers")) == {"www.baidu.com": "3", "www.google.com": "1"}
    assert dict(table(soup, "languages")) == {"简体中文": "10", "English": "3"}
    assert table(soup, "daily")[0] == [timezone.localdate().isoformat(), "13", "2"]
    assert len(table(soup, "daily")) == 30

    # The downloads hold the same figures.
    from openpyxl import load_workbook

    response = admin.get(reverse("visits_report"), {"start": "2026-01-01", "end": timezone.localdate().isoformat(), "export": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["概况", "每日", "阅读最多的页面", "栏目", "语言", "访问来源", "没有结果的搜索", "搜索词", "明细"]
    assert [row for row in book["没有结果的搜索"].iter_rows(values_only=True)][1] == ("星际旅行补贴", 2, 0)
    csv_text = admin.get(reverse("visits_report"), {"export": "csv"}).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "日期,页面,地址,栏目,语言,浏览量"
    assert f"{timezone.localdate().isoformat()},{article.title},{article.url}," in csv_text


@pytest.mark.django_db
@pytest.mark.parametrize("params, message", [
    ({"start": "2026-05-01", "end": "2026-04-01"}, "开始日期不能晚于结束日期"),
    ({"start": "2010-01-01", "end": "2026-01-01"}, "一次最多查看三年"),
    ({"start": "昨天", "end": "<script>"}, "输入一个有效的日期"),
    ({"start": "9999999-01-01", "end": ""}, "输入一个有效的日期"),
])
def test_a_bad_period_says_so_and_shows_the_last_30_days(home, admin, params, message):
    response = admin.get(reverse("visits_report"), params)
    assert response.status_code == 200 and message in response.content.decode()
    assert len(table(BeautifulSoup(response.content, "html.parser"), "daily")) == 30


@pytest.mark.django_db
def test_the_website_report_takes_its_visit_figures_from_the_counts(home, admin):
    from gongkai.reports.website_report import website_report

    site = Site.objects.get(is_default_site=True)
    rows = {item: value for _area, item, value in website_report(site, 2025)}
    assert rows["独立用户访问总量（个）"] is None and rows["网站总访问量（次）"] is None  # nothing counted: to be filled in
    PageViews.objects.create(day=datetime.date(2025, 3, 2), page_id=home.pk, language="zh-hans", views=40)
    PageViews.objects.create(day=datetime.date(2025, 3, 2), page_id=home.pk + 999, language="zh-hans", views=60)
    PageViews.objects.create(day=datetime.date(2025, 11, 30), page_id=0, path="/search/", language="en", views=5)
    PageViews.objects.create(day=datetime.date(2024, 12, 31), page_id=home.pk, language="zh-hans", views=1000)
    DailyVisitors.objects.create(day=datetime.date(2025, 3, 2), visitors=30)
    DailyVisitors.objects.create(day=datetime.date(2025, 11, 30), visitors=4)
    rows = {item: value for _area, item, value in website_report(site, 2025)}
    assert (rows["独立用户访问总量（个）"], rows["网站总访问量（次）"], rows["首页浏览量（次）"]) == (34, 105, 40)
    assert rows["本站统计起始日期"] == "2025-03-02"
    html = admin.get(reverse("reports_website_report"), {"year": 2025}).content.decode()
    assert "网站总访问量（次）</td><td>105" in html


@pytest.mark.django_db
def test_old_counts_can_be_pruned_and_last_years_never(home):
    from django.core.management import CommandError, call_command

    year = timezone.localdate().year
    for y in (year - 4, year - 3, year - 1):
        PageViews.objects.create(day=datetime.date(y, 6, 1), page_id=home.pk, language="zh-hans", views=1)
        DailyVisitors.objects.create(day=datetime.date(y, 6, 1), visitors=1)
    with pytest.raises(CommandError):
        call_command("prune_visits", keep_years=0, stdout=io.StringIO())
    assert PageViews.objects.count() == 3
    call_command("prune_visits", keep_years=3, stdout=io.StringIO())
    assert sorted(d.year for d in PageViews.objects.values_list("day", flat=True)) == [year - 3, year - 1]
    assert DailyVisitors.objects.count() == 2
