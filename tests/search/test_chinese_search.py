"""Chinese search through the site's entry points (search page, admin, API, suggestions), against the real index.
The backend itself is tested in packages/wagtail-chinese-search/tests."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from tests.factories import ArticlePageFactory, ColumnPageFactory, DocumentPageFactory
from tests.helpers import shown


def titles(queryset_or_results):
    return [page.title for page in queryset_or_results]


def search(query, **kwargs):
    return titles(Page.objects.live().search(query, operator="or", **kwargs)[:10])


def page_titles(client, query, **params):
    soup = BeautifulSoup(client.get("/search/", {"query": query, **params}).content, "html.parser")
    return [a.get_text() for a in soup.select(".search-result__title a")]


def body(html):
    return [("paragraph", html)]


@pytest.fixture
def bureau(column):
    ArticlePageFactory(parent=column, title="市科技局开展执法检查", slug="enforcement", date=datetime.date(2019, 2, 25),
                       body=body("<p>2018年，我局查处专利案件150件。</p>"))
    ArticlePageFactory(parent=column, title="我市获批2家国家级星创天地", slug="star", body=body("<p>星创天地是农业科技服务平台。</p>"))
    ArticlePageFactory(parent=column, title="关于ISO9001质量认证的通知", slug="iso", body=body("<p>企业可以申请认证。</p>"))
    return column


@pytest.mark.django_db
def test_document_numbers_are_findable(catalogue):
    DocumentPageFactory(parent=catalogue, title="关于印发科技计划管理办法的通知", document_number="鹤科发〔2018〕12号")
    DocumentPageFactory(parent=catalogue, title="政府信息公开条例", body=body("<p>（2019年4月3日 中华人民共和国国务院令第711号公布）</p>"))
    DocumentPageFactory(parent=catalogue, title="另一个通知", document_number="鹤科发〔2017〕3号")
    assert search("鹤科发〔2018〕12号")[0] == "关于印发科技计划管理办法的通知"
    assert search("鹤科发[2018]12号")[0] == "关于印发科技计划管理办法的通知"
    assert search("国务院令第711号")[0] == "政府信息公开条例"


@pytest.mark.django_db
def test_search_page_says_when_results_hold_only_some_words(client, column):
    ArticlePageFactory(parent=column, title="科技计划项目申报")
    soup = BeautifulSoup(client.get("/search/", {"query": "科技计划 火星基地"}).content, "html.parser")
    assert [a.get_text() for a in soup.select(".search-result__title a")] == ["科技计划项目申报"]
    assert "包含部分词语" in soup.select_one(".message").get_text()
    soup = BeautifulSoup(client.get("/search/", {"query": "科技计划 申报"}).content, "html.parser")
    assert soup.select_one(".message") is None


@pytest.mark.django_db
def test_index_follows_publish_unpublish_move_and_delete(home, column):
    other = ColumnPageFactory(parent=home, title="通知公告", slug="notices")
    article = ArticlePageFactory(parent=column, title="第一版标题", body=body("<p>北药产业培训</p>"))
    assert search("北药") == ["第一版标题"]

    article.title = "第二版标题"
    article.body = body("<p>中药材种植</p>")
    article.save_revision().publish()
    assert search("中药材") == ["第二版标题"] and search("北药") == []

    article.unpublish()
    assert search("中药材") == []
    article.save_revision().publish()
    article.move(other, pos="last-child")
    assert titles(Page.objects.live().descendant_of(other).search("中药材")) == ["第二版标题"]
    assert titles(Page.objects.live().descendant_of(column).search("中药材")) == []

    article.delete()
    assert search("中药材") == []


@pytest.mark.django_db
def test_admin_search_and_api_search_are_chinese_aware(admin_client, client, bureau):
    # The admin searches titles as you type: a word in the middle of a title is enough.
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "执法"})
    assert "市科技局开展执法检查" in response.content.decode()
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "星创天"})
    assert "我市获批2家国家级星创天地" in response.content.decode()
    data = client.get("/api/v2/pages/", {"search": "专利", "fields": "title"}).json()
    assert [item["title"] for item in data["items"]][:1] == ["市科技局开展执法检查"]


@pytest.mark.django_db
def test_search_page_shows_highlighted_snippet_type_column_and_date(client, bureau):
    soup = BeautifulSoup(client.get("/search/", {"query": "专利"}).content, "html.parser")
    result = soup.select_one(".search-result")
    assert result.select_one("a").get_text() == "市科技局开展执法检查"
    assert [m.get_text() for m in result.select(".search-result__snippet mark")] == ["专利"]
    meta = result.select_one(".search-result__meta").get_text()
    assert "文章" in meta and "工作动态" in meta and "2019-02-25" in meta
    assert "共找到 1 条结果" in soup.select_one(".search-count").get_text()


@pytest.mark.django_db
def test_highlighting_escapes_html_in_titles_and_text(client, column):
    ArticlePageFactory(parent=column, title="<script>alert(1)</script>专利公告", body=body("<p>&lt;img src=x onerror=alert(2)&gt;专利</p>"))
    html = client.get("/search/", {"query": "专利"}).content.decode()
    main = html.split("<main", 1)[1]
    assert "<script>alert(1)" not in main and "<img src=x" not in main
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark>专利</mark>公告" in main


@pytest.mark.django_db
def test_search_page_filters_and_sorting(client, home, column):
    notices = ColumnPageFactory(parent=home, title="通知公告", slug="notices")
    ArticlePageFactory(parent=column, title="专利工作动态", date=datetime.date(2019, 3, 1))
    ArticlePageFactory(parent=notices, title="专利申报通知", date=datetime.date(2018, 5, 1))
    DocumentPageFactory(parent=notices, title="专利专项资金管理办法", date=datetime.date(2017, 1, 1), written_date=None)
    assert set(page_titles(client, "专利")) == {"专利工作动态", "专利申报通知", "专利专项资金管理办法"}
    assert set(page_titles(client, "专利", column=notices.pk)) == {"专利申报通知", "专利专项资金管理办法"}
    assert page_titles(client, "专利", type="document") == ["专利专项资金管理办法"]
    assert page_titles(client, "专利", year=2018) == ["专利申报通知"]
    assert page_titles(client, "专利", sort="date") == ["专利工作动态", "专利申报通知", "专利专项资金管理办法"]
    response = client.get("/search/", {"query": "专利", "year": "abc", "column": "999999", "type": "poem", "sort": "x"})
    assert response.status_code == 200 and "部分筛选条件无效" in response.content.decode()


@pytest.mark.django_db
def test_no_results_page_helps(client, home, column):
    soup = BeautifulSoup(client.get("/search/", {"query": "完全不存在的词语", "type": "report"}).content, "html.parser")
    text_ = soup.select_one(".no-results").get_text()
    assert "没有找到" in text_ and "去掉筛选条件" in text_ and "工作动态" in text_


@pytest.mark.django_db
def test_promoted_results_and_popular_queries(client, column):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    target = ArticlePageFactory(parent=column, title="2018年度政府信息公开工作年度报告")
    SearchPromotion.objects.create(query=Query.get("年报"), page=target, description="历年年报")
    response = client.get("/search/", {"query": "年报"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".promoted a").get_text() == "2018年度政府信息公开工作年度报告"
    shown(client, response)
    shown(client, client.get("/search/", {"query": "年报"}))
    client.get("/search/", {"query": "年报"})  # fetched, never shown (a crawler): not counted
    assert Query.get("年报").hits == 2


@pytest.mark.django_db
def test_suggestions_complete_titles_as_you_type(client, bureau):
    data = client.get("/search/suggest/", {"q": "星创"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["我市获批2家国家级星创天地"]
    assert data["suggestions"][0]["url"] == "/work/star/"
    assert client.get("/search/suggest/", {"q": "，。"}).json()["suggestions"] == []


@pytest.mark.django_db
def test_popular_queries_are_reported_in_the_admin(admin_client, client, bureau):
    from django.test import Client

    reader = Client()  # `client` is the admin's: editors' searches are not counted
    for _ in range(3):
        shown(reader, reader.get("/search/", {"query": "专利"}))
    shown(reader, reader.get("/search/", {"query": "星创天地"}))
    html = admin_client.get(reverse("wagtailsearchpromotions:search_terms")).content.decode()
    assert "专利" in html and "星创天地" in html
    assert html.index("专利") < html.index("星创天地")  # most searched first


@pytest.mark.django_db
def test_counts_say_how_many_results_hold_all_the_words_and_how_many_some(client, column):
    for n in range(3):
        ArticlePageFactory(parent=column, title=f"科技计划项目申报第{n}批")
    ArticlePageFactory(parent=column, title="科技计划执行情况")
    ArticlePageFactory(parent=column, title="人才项目申报")
    ArticlePageFactory(parent=column, title="无关通知")
    soup = BeautifulSoup(client.get("/search/", {"q": "科技计划 申报"}).content, "html.parser")  # ?q=, as other sites link
    assert soup.select_one("#search-page-input")["value"] == "科技计划 申报"
    assert soup.select_one(".search-count").get_text() == "“科技计划 申报”共找到 5 条结果：3 条包含全部词语，另有 2 条只包含部分词语"
    assert len(soup.select(".search-result")) == 5
    soup = BeautifulSoup(client.get("/search/", {"query": "项目 申报"}).content, "html.parser")
    assert soup.select_one(".search-count").get_text() == "“项目 申报”共找到 4 条结果，均包含全部词语"
    # A page number past the last page shows the last page, with the same counts.
    soup = BeautifulSoup(client.get("/search/", {"q": "科技计划 申报", "page": "99"}).content, "html.parser")
    assert len(soup.select(".search-result")) == 5 and "共找到 5 条结果" in soup.select_one(".search-count").get_text()


@pytest.mark.django_db
def test_the_second_page_of_results_continues_the_first(client, column):
    for n in range(13):
        ArticlePageFactory(parent=column, title=f"专利公告第{n}号", slug=f"p{n}")
    first = page_titles(client, "专利公告")
    soup = BeautifulSoup(client.get("/search/", {"q": "专利公告", "page": "2"}).content, "html.parser")
    second = [a.get_text() for a in soup.select(".search-result__title a")]
    assert len(first) == 10 and len(second) == 3 and not set(first) & set(second)
    assert soup.select_one(".search-results")["start"] == "11"
    assert "共找到 13 条结果" in soup.select_one(".search-count").get_text()


@pytest.mark.django_db
def test_counts_past_the_backends_count_limit_say_more_than(client, column, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "COUNT_LIMIT": 12}}
    for n in range(15):
        ArticlePageFactory(parent=column, title=f"专利申报公告第{n}号", slug=f"both{n}")
    for n in range(3):
        ArticlePageFactory(parent=column, title=f"专利公告第{n}号", slug=f"one{n}")
    soup = BeautifulSoup(client.get("/search/", {"q": "专利 申报"}).content, "html.parser")
    assert soup.select_one(".search-count").get_text() == "“专利 申报”找到 12 条以上结果，其中 12 条以上包含全部词语；以下列出前 12 条"
    assert soup.select_one(".pagination__status").get_text() == "第 1 / 2 页，共 12 条"
    soup = BeautifulSoup(client.get("/search/", {"q": "专利 申报", "page": "5"}).content, "html.parser")
    assert len(soup.select(".search-result")) == 2  # the last page within the limit
