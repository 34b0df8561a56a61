"""Reading aids: each preference persists in a cookie, is applied on the server, and works without JavaScript;
繁體 mode converts the whole page on the server."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from gongkai.reading import preferences
from tests.factories import ArticlePageFactory


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def toolbar(client, path="/"):
    return {a.get_text(): a["href"] for a in soup_of(client.get(path)).select(".reading-tools a")}


@pytest.mark.django_db
def test_every_page_offers_the_reading_aids_and_they_persist(client, home):
    links = toolbar(client)
    assert list(links) == ["大字", "高对比度", "宽行距", "简约模式", "繁體"]
    assert links["大字"] == "/reading/text/?next=/"
    response = client.get("/reading/text/", {"next": "/work/"})
    assert response.status_code == 302 and response["Location"] == "/work/"
    assert response.cookies[preferences.COOKIE].value == "text-large"
    assert response.cookies[preferences.COOKIE]["max-age"] == preferences.COOKIE_AGE
    page = soup_of(client.get("/"))
    assert "reading-text-large" in page.html["class"]
    # The toolbar now offers to switch it back, and to reset everything.
    links = toolbar(client)
    assert "标准字号" in links and "恢复默认" in links
    client.get(links["高对比度"])
    client.get(links["宽行距"])
    client.get(links["简约模式"])
    assert set(soup_of(client.get("/")).html["class"]) == {
        "reading-contrast-high", "reading-mode-plain", "reading-spacing-wide", "reading-text-large"}
    client.get(toolbar(client)["恢复默认"])
    assert not soup_of(client.get("/")).html.get("class")


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_the_toggle_only_returns_to_this_site(client, home, target):
    response = client.get("/reading/text/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_unknown_preferences_change_nothing(client, home):
    client.cookies[preferences.COOKIE] = "text-huge,<script>,contrast-high"
    assert soup_of(client.get("/")).html["class"] == ["reading-contrast-high"]
    response = client.get("/reading/nonsense/")
    assert response.status_code == 302
    assert response.cookies[preferences.COOKIE].value == "contrast-high"


@pytest.mark.django_db
def test_traditional_mode_converts_the_page_on_the_server(client, column):
    ArticlePageFactory(parent=column, slug="news", title="关于开展科技活动周的通知")
    plain = client.get("/work/news/")
    assert plain["Vary"] and "Cookie" in plain["Vary"]
    client.get("/reading/script/")
    response = client.get("/work/news/")
    page = soup_of(response)
    assert page.html["lang"] == "zh-Hant" and response["Content-Language"] == "zh-Hant"
    assert page.h1.get_text() == "關於開展科技活動周的通知"
    assert "關於開展科技活動周的通知" in page.title.get_text()
    # Links keep working: only characters change, never URLs.
    assert [a["href"] for a in page.select(".breadcrumbs a")] == [a["href"] for a in soup_of(plain).select(".breadcrumbs a")]
    # The toggle now offers 简体 (shown in Traditional on the converted page).
    assert "簡體" in [a.get_text() for a in page.select(".reading-tools a")]
    # Converted once: the second request is served from the cache.
    cache.clear()
    client.get("/work/news/")
    assert any("gongkai:hant:" in key for key in cache._cache)  # the local-memory cache of the test settings


@pytest.mark.django_db
def test_traditional_mode_leaves_english_pages_and_the_admin_alone(admin_client, home):
    admin_client.get("/reading/script/")
    admin = admin_client.get("/admin/")
    assert "zh-Hant" not in admin.get("Content-Language", "")
    assert "栏目更新检查" in admin.content.decode() and "欄目更新檢查" not in admin.content.decode()
    english = admin_client.get("/en/")
    assert english.get("Content-Language") != "zh-Hant"
