import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.content_version import content_changed
from tests.factories import ArticlePageFactory, ColumnPageFactory, DocumentPageFactory


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".item-list__item a")]


@pytest.mark.django_db
def test_news_list_shows_newest_first_with_dates(client, column):
    ArticlePageFactory(parent=column, title="旧闻", date=datetime.date(2019, 2, 18))
    ArticlePageFactory(parent=column, title="新闻", date=datetime.date(2019, 3, 8))
    response = client.get("/work/")
    assert response.status_code == 200
    assert titles(response) == ["新闻", "旧闻"]
    assert "2019-03-08" in response.content.decode()


@pytest.mark.django_db
def test_pinned_items_come_first_and_are_marked(client, column):
    ArticlePageFactory(parent=column, title="普通", date=datetime.date(2020, 5, 1))
    ArticlePageFactory(parent=column, title="置顶通知", date=datetime.date(2018, 1, 1), pinned=True)
    response = client.get("/work/")
    assert titles(response)[0] == "置顶通知"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".item-list__item .badge--pin").get_text() == "置顶"


@pytest.mark.django_db
def test_unpublished_items_are_not_listed(client, column):
    ArticlePageFactory(parent=column, title="草稿", live=False)
    ArticlePageFactory(parent=column, title="已发布")
    assert titles(client.get("/work/")) == ["已发布"]


@pytest.mark.django_db
def test_parent_column_lists_items_of_its_sub_columns(client, home):
    parent = ColumnPageFactory(parent=home, title="科技动态", slug="news")
    sub = ColumnPageFactory(parent=parent, title="要闻", slug="headlines")
    ArticlePageFactory(parent=sub, title="下级栏目的新闻")
    response = client.get("/news/")
    assert titles(response) == ["下级栏目的新闻"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text() for a in soup.select(".column-aside a")] == ["要闻"]


@pytest.mark.django_db
def test_pagination(client, column, settings):
    settings.GONGKAI_LIST_PAGE_SIZE = 5
    for n in range(12):
        ArticlePageFactory(parent=column, title=f"第{n:02d}条", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    first = titles(client.get("/work/"))
    assert first == [f"第{n:02d}条" for n in range(11, 6, -1)]
    third = client.get("/work/?page=3")
    assert titles(third) == ["第01条", "第00条"]
    assert "第 3 / 3 页，共 12 条" in third.content.decode()
    # Nonsense page numbers give a page, not an error.
    assert titles(client.get("/work/?page=999")) == ["第01条", "第00条"]
    assert titles(client.get("/work/?page=abc")) == first


@pytest.mark.django_db
def test_page_links_deep_in_a_long_list_show_where_the_reader_is(client, column, settings):
    """Page 15 of 30: the links around page 15, with 15 marked, not pages 1–4 again (the page numbers were once
    worked out as if the reader were always on page 1)."""
    settings.GONGKAI_LIST_PAGE_SIZE = 1
    for n in range(30):
        ArticlePageFactory(parent=column, title=f"第{n:02d}条", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    soup = BeautifulSoup(client.get("/work/?page=15").content, "html.parser")
    links = [item.get_text() for item in soup.select(".pagination li")]
    assert links == ["首页", "上一页", "1", "2", "…", "12", "13", "14", "15", "16", "17", "18", "…", "29", "30", "下一页", "末页"]
    assert soup.select_one('.pagination [aria-current="page"]').get_text() == "15"
    assert soup.select_one('.pagination a[rel="next"]')["href"] == "?page=16"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/work/", "/policies/"])
def test_list_query_count_does_not_grow_with_the_list(client, column, catalogue, path):
    def count_queries():
        content_changed()  # as after a publish: the list is read again, not taken from the worker's memory
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    parent = column if path == "/work/" else catalogue
    make = ArticlePageFactory if path == "/work/" else DocumentPageFactory
    for _ in range(3):
        make(parent=parent)
    count_queries()  # warm the per-process caches (site root paths, content types)
    few = count_queries()
    for _ in range(17):
        make(parent=parent)
    many = count_queries()
    assert few == many


@pytest.mark.django_db
def test_single_page_column_shows_its_body(client, home):
    ColumnPageFactory(
        parent=home, title="互动交流", slug="interaction", kind="page",
        body=[("paragraph", "<p>设立了投诉电话、举报箱。</p>")],
    )
    response = client.get("/interaction/")
    assert "设立了投诉电话、举报箱。" in response.content.decode()
    assert b"item-list" not in response.content


@pytest.mark.django_db
def test_link_column_redirects_and_nav_points_to_target(client, home):
    ColumnPageFactory(parent=home, title="省政府", slug="province", kind="link", link_url="https://www.example.gov.cn/")
    response = client.get("/province/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.example.gov.cn/"
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.find("nav", class_="main-nav").find("a", string="省政府")["href"] == "https://www.example.gov.cn/"


@pytest.mark.django_db
def test_link_column_needs_a_target(home):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ColumnPageFactory(parent=home, title="空链接", slug="empty-link", kind="link")


@pytest.mark.django_db
def test_contact_details_block_shows_the_site_settings(client, home):
    from gongkai.core.models import SiteSettings

    SiteSettings.objects.filter().update(address="鹤岗市向阳区", office_hours="工作日 8:30—17:00", phone="0468-1234567")
    ColumnPageFactory(parent=home, title="政府信息公开指南", slug="guide", kind="page", body=[("contact_details", None)])
    details = BeautifulSoup(client.get("/guide/").content, "html.parser").select_one("dl.contact-details")
    pairs = dict(zip([dt.get_text() for dt in details.find_all("dt")], [dd.get_text() for dd in details.find_all("dd")]))
    assert pairs["机构名称"] == "测试科技局" and pairs["办公地址"] == "鹤岗市向阳区"
    assert pairs["办公时间"] == "工作日 8:30—17:00" and pairs["联系电话"] == "0468-1234567"
    assert "传真号码" not in pairs


def test_page_links_escape_the_parameters_they_carry():
    from django.core.paginator import Paginator

    from gongkai.core.templatetags.gongkai_tags import pagination

    html = str(pagination(Paginator(list(range(30)), 10).get_page(2), 'q="><script>alert(1)</script>{0}&'))
    assert "<script>" not in html and 'href="?q=&quot;&gt;&lt;script&gt;' in html
    assert pagination(Paginator(list(range(5)), 10).get_page(1)) == ""  # one page: no links
