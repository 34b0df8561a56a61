import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests.factories import ArticlePageFactory, ColumnPageFactory, DocumentPageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def news(column):
    old = ArticlePageFactory(parent=column, title="旧闻", slug="old", date=datetime.date(2019, 2, 18), source="省科技厅",
                             body=[("paragraph", '<p>详见<a href="/work/">工作动态</a>。</p>')])
    new = ArticlePageFactory(parent=column, title="新闻", slug="new", date=datetime.date(2019, 3, 8), source="市科技局")
    new.tags.add("星创天地")
    new.save()
    return old, new


def parse(client, url, **headers):
    response = client.get(url, **headers)
    return response, feedparser.parse(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("suffix, content_type", [("rss", "application/rss+xml"), ("atom", "application/atom+xml")])
def test_column_feeds_list_the_newest_items_with_full_entries(client, news, suffix, content_type):
    response, feed = parse(client, f"/work/feed/{suffix}/")
    assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == ["新闻", "旧闻"]
    newest, oldest = feed.entries
    assert newest.link == "http://localhost/work/new/"
    assert newest.published_parsed[:3] == (2019, 3, 8)
    assert ("+0800" in newest.published) or ("+08:00" in newest.published)
    assert newest.author == "市科技局"
    assert {tag.term for tag in newest.tags} == {"工作动态", "星创天地"}
    content = oldest.content[0].value if "content" in oldest else oldest.description
    assert 'href="http://localhost/work/"' in content  # links made absolute


@pytest.mark.django_db
def test_site_feed_covers_every_column(client, home, news):
    other = ColumnPageFactory(parent=home, title="政策文件", slug="docs", kind="catalogue")
    DocumentPageFactory(parent=other, title="最新文件", date=datetime.date(2019, 4, 1))
    _response, feed = parse(client, "/feed/rss/")
    assert [e.title for e in feed.entries] == ["最新文件", "新闻", "旧闻"]


@pytest.mark.django_db
def test_attachments_are_enclosures(client, column):
    from wagtail_factories import DocumentFactory

    document = DocumentFactory(title="日程")
    ArticlePageFactory(parent=column, title="附件通知", attachments=[("attachment", {"document": document, "title": ""})])
    _response, feed = parse(client, "/work/feed/atom/")
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.href == "http://localhost" + document.url


@pytest.mark.django_db
def test_repeat_request_gets_304_and_publishing_refreshes(client, news):
    first = client.get("/work/feed/rss/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/work/feed/rss/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/work/feed/rss/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    old, new = news
    new.unpublish()
    response, feed = parse(client, "/work/feed/rss/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200 and [e.title for e in feed.entries] == ["旧闻"]
    new.save_revision().publish()
    assert [e.title for e in parse(client, "/work/feed/rss/")[1].entries] == ["新闻", "旧闻"]


@pytest.mark.django_db
def test_single_page_columns_have_no_feed(client, home):
    ColumnPageFactory(parent=home, title="指南", slug="guide", kind="page")
    assert client.get("/guide/feed/rss/").status_code == 404


@pytest.mark.django_db
def test_pages_advertise_feeds_and_the_feed_list_names_them_all(client, home, news):
    soup = BeautifulSoup(client.get("/work/").content, "html.parser")
    alternates = {link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {"/feed/rss/", "/feed/atom/", "/work/feed/rss/", "/work/feed/atom/"}
    assert soup.select_one(".feed-links a")["href"] == "/work/feed/rss/"
    listing = BeautifulSoup(client.get("/feeds/").content, "html.parser")
    hrefs = {a["href"] for a in listing.select("table.feeds a")}
    assert {"/feed/rss/", "/work/feed/rss/", "/work/feed/atom/"} <= hrefs


@pytest.mark.django_db
def test_sitemap_robots_and_meta_tags(client, home, news):
    old, new = news
    new.unpublish()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/work/old/" in sitemap and "http://localhost/work/new/" not in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots and "Disallow: /admin/" in robots
    soup = BeautifulSoup(client.get("/work/old/").content, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == "http://localhost/work/old/"
    assert soup.find("meta", property="og:title")["content"] == "旧闻"
    assert soup.find("meta", property="og:type")["content"] == "article"
