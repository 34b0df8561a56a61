import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.content_version import content_changed
from gongkai.core.models import SiteSettings
from tests.factories import ArticlePageFactory, ColumnPageFactory


@pytest.fixture
def front(home):
    news = ColumnPageFactory(parent=home, title="工作动态", slug="work")
    notices = ColumnPageFactory(parent=home, title="通知公告", slug="notices")
    hidden = ColumnPageFactory(parent=home, title="内部栏目", slug="hidden", show_in_menus=False)
    home.news_column, home.notices_column = news, notices
    home.save()
    return news, notices, hidden


def panel(soup, title):
    heading = soup.find("h2", string=title)
    return [a.get_text() for a in heading.find_parent("section").select(".item-list a")]


@pytest.mark.django_db
def test_home_shows_featured_news_and_notices(client, home, front):
    news, notices, _hidden = front
    ArticlePageFactory(parent=news, title="要闻一", featured=True, date=datetime.date(2019, 3, 8))
    ArticlePageFactory(parent=news, title="动态一", date=datetime.date(2019, 2, 27))
    ArticlePageFactory(parent=notices, title="通知一", date=datetime.date(2019, 1, 2))
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert panel(soup, "要闻") == ["要闻一"]
    assert panel(soup, "工作动态") == ["要闻一", "动态一"]
    assert panel(soup, "通知公告") == ["通知一"]
    assert soup.find("h2", string="工作动态").find_parent("section").find("a", class_="panel__more")["href"] == "/work/"


@pytest.mark.django_db
def test_home_has_search_navigation_and_one_h1(client, home, front):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.find("form", role="search").find("input", attrs={"name": "query"})
    nav = [a.get_text() for a in soup.select("nav.main-nav a")]
    assert nav == ["首页", "工作动态", "通知公告"]
    assert soup.select_one("nav.main-nav a")["aria-current"] == "page"
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.find("main", id="main") and soup.find("header") and soup.find("footer")
    assert soup.html["lang"] == "zh-Hans"


@pytest.mark.django_db
def test_footer_shows_site_settings(client, home):
    settings = SiteSettings.objects.get()
    settings.address, settings.phone = "鹤岗市工农区", "0468-0000000"
    settings.icp_number, settings.police_number, settings.site_code = "黑ICP备00000000号", "黑公网安备 00000000000000号", "2304000000"
    settings.save()
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer").get_text()
    for text in ["主办单位：测试科技局", "鹤岗市工农区", "0468-0000000", "黑ICP备00000000号", "黑公网安备 00000000000000号", "网站标识码：2304000000"]:
        assert text in footer


@pytest.mark.django_db
def test_home_query_count_is_fixed(client, home, front):
    news, notices, _hidden = front

    def count():
        content_changed()  # as after a publish: the lists are read again, not taken from the worker's memory
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    ArticlePageFactory(parent=news, featured=True)
    count()
    few = count()
    for _ in range(10):
        ArticlePageFactory(parent=news, featured=True)
        ArticlePageFactory(parent=notices)
    assert count() == few


@pytest.mark.django_db
def test_no_asset_is_loaded_from_another_host(client, home, front):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assets = soup.find_all(["script", "img"]) + [
        link for link in soup.find_all("link") if set(link.get("rel", [])) & {"stylesheet", "icon", "preload", "modulepreload"}
    ]
    urls = [tag.get("src") or tag.get("href") for tag in assets]
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls if url)


@pytest.mark.django_db
def test_every_browser_gets_a_favicon(client, home):
    import io

    from PIL import Image

    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert Image.open(io.BytesIO(response.content)).format == "ICO"
    assert 'rel="icon"' in client.get("/").content.decode()
