"""The English site: translations made with wagtail-localize, /en/ URLs, a language switcher that goes to the
translated page, and search, feeds, sitemap and API per language."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale, Page

from gongkai.reports.models import AnnualReportPage


@pytest.fixture
def demo(demo_module, db):
    return demo_module


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_demo_ships_english_home_columns_and_2018_report(client, demo):
    english = Locale.objects.get(language_code="en")
    home = soup_of(client, "/en/")
    assert home.html["lang"] == "en"
    assert [a.get_text() for a in home.select("nav.main-nav a")][:4] == [
        "Home", "Science and Technology News", "Science and Technology Affairs", "Notices"]
    more = [a["href"] for a in home.select(".panel__more")]
    assert more and all(href.startswith("/en/") for href in more), more
    assert home.select_one(".site-brand__name").get_text() == "Hegang Municipal Science and Technology Bureau"
    report = AnnualReportPage.objects.get(locale=english, year=2018)
    assert report.url == "/en/disclosure/annual-reports/2018/"
    page = soup_of(client, report.url)
    assert page.h1.get_text() == "Hegang Municipal Science and Technology Bureau: Annual Report on Government Information Disclosure, 2018"
    text = page.find("main").get_text()
    assert "From 1 January to 31 December 2018, the Bureau released 692 items of information" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in page.find("main").select_one(".report__body").get_text()), \
        "every paragraph of the report is translated"
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_every_string_of_the_translated_pages_has_an_english_text(demo):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    strings = json.loads((Path(settings.GONGKAI_DEMO_DATA_DIR) / "translations.en.json").read_text(encoding="utf-8"))
    translations = Translation.objects.filter(target_locale__language_code="en")
    assert translations.count() == 19  # home, 17 columns, the 2018 report (the demo's 解读 come with the 830 laws)
    for translation in translations:
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
            if segment.context.path == "slug":
                continue
            done = StringTranslation.objects.filter(translation_of=segment.string, locale=translation.target_locale,
                                                    context=segment.context).first()
            assert done is not None and done.data == strings[segment.string.data]


@pytest.mark.django_db
def test_language_switcher_goes_to_the_translated_page_or_the_language_home(client, demo):
    report = soup_of(client, "/disclosure/annual-reports/2018/")
    links = {a["hreflang"]: a["href"] for a in report.select(".language-switch a")}
    assert links == {"zh-hans": "/disclosure/annual-reports/2018/", "en": "/en/disclosure/annual-reports/2018/"}
    assert report.select_one('.language-switch a[aria-current="true"]')["hreflang"] == "zh-hans"
    alternates = {link["hreflang"]: link["href"] for link in report.select('link[rel="alternate"][hreflang]')}
    assert alternates["en"].endswith("/en/disclosure/annual-reports/2018/")
    # A news item has no English version: the switcher offers the English home page instead.
    news = soup_of(client, "/news/work/")
    item = news.select_one(".item-list a")["href"]
    links = {a["hreflang"]: a["href"] for a in soup_of(client, item).select(".language-switch a")}
    assert links["en"] == "/en/"
    # Pages that are not Wagtail pages keep their path under the other prefix.
    links = {a["hreflang"]: a["href"] for a in soup_of(client, "/feeds/").select(".language-switch a")}
    assert links["en"] == "/en/feeds/"


@pytest.mark.django_db
def test_search_feeds_sitemap_and_api_per_language(client, demo):
    english_results = soup_of(client, "/en/search/?query=692")
    titles = [a.get_text() for a in english_results.select(".search-results a, .result a, main li h2 a, main h2 a")]
    assert any("Annual Report" in title for title in titles), titles
    chinese_results = soup_of(client, "/search/?query=692")
    assert not any("Annual Report" in a.get_text() for a in chinese_results.select("main a"))

    feeds = soup_of(client, "/en/feeds/")
    assert any(a["href"].startswith("/en/") for a in feeds.select("main a[href$='feed/rss/']"))
    site_feed = soup_of(client, "/en/").select_one('link[type="application/rss+xml"]')["href"]
    assert "/en/feed/rss/" in site_feed

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/disclosure/annual-reports/2018/" in sitemap and "/disclosure/annual-reports/2018/" in sitemap

    api = client.get("/api/v2/pages/", {"locale": "en", "type": "gongkai_reports.AnnualReportPage", "fields": "year"}).json()
    assert [item["meta"]["locale"] for item in api["items"]] == ["en"]
    assert api["items"][0]["title"].startswith("Hegang Municipal")


@pytest.mark.django_db
def test_english_home_points_to_chinese_where_nothing_is_translated(client, demo):
    home = soup_of(client, "/en/")
    boxes = {box.find("h2").get_text(): box for box in home.select(".home-grid .panel")}
    assert list(boxes) == ["Headline", "Work Updates", "Notices", "Government Information Disclosure"]
    # The translated report is listed; the three boxes with no English items say so and link the Chinese column.
    assert [a.get_text() for a in boxes["Government Information Disclosure"].select(".item-list a")] == [
        "Hegang Municipal Science and Technology Bureau: Annual Report on Government Information Disclosure, 2018"]
    for title, chinese, href in [("Headline", "要闻", "/"), ("Work Updates", "工作动态", "/news/work/"), ("Notices", "通知公告", "/notices/")]:
        text = boxes[title].select_one("p.empty").get_text(" ", strip=True)
        assert text.startswith("Not yet translated. The latest items are in the Chinese version:"), text
        link = boxes[title].find("a", hreflang="zh-Hans")
        assert (link.get_text(), link["href"], link["lang"]) == (chinese, href, "zh-Hans")
    footer = home.find("footer").get_text(" ", strip=True)
    assert "Run by: Hegang Municipal Science and Technology Bureau" in footer and "鹤岗市科学技术局" not in footer
