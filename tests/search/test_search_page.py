import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory
from tests.helpers import shown


@pytest.mark.django_db
def test_search_finds_a_published_page_by_title(client, column):
    ArticlePageFactory(parent=column, title="Patent enforcement report")
    ArticlePageFactory(parent=column, title="Patent draft", live=False)
    soup = BeautifulSoup(client.get("/search/?query=patent").content, "html.parser")
    assert [a.get_text() for a in soup.select(".search-results a")] == ["Patent enforcement report"]


@pytest.mark.django_db
# NUL is refused for every URL with a 400 that says so (tests/production/test_hostile_requests.py).
@pytest.mark.parametrize("query", ["", "   ", "长" * 10000, "😀🔬", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "\\"])
def test_odd_queries_get_a_page_with_a_message(client, home, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    body = response.content.decode().split("<main", 1)[1]
    assert "<script>alert" not in body
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".message") or "没有找到" in soup.find("main").get_text() or "搜索结果" in soup.find("main").get_text()


def publish(page):
    page.save_revision().publish()
    return page


def snippets(client, query):
    soup = BeautifulSoup(client.get("/search/", {"query": query}).content, "html.parser")
    return [p.get_text() for p in soup.select(".search-result__snippet")]


@pytest.mark.django_db
def test_a_republished_page_shows_its_new_text_in_the_next_snippet(client, column):
    # Each worker keeps a result's prepared text until the next publish (search/results.py).
    from wagtail.rich_text import RichText

    article = publish(ArticlePageFactory(parent=column, title="专利公告", body=[("paragraph", RichText("<p>第一稿：专利申请须知</p>"))]))
    assert any("第一稿" in text for text in snippets(client, "专利"))
    article.body = [("paragraph", RichText("<p>第二稿：专利申请须知</p>"))]
    publish(article)
    assert any("第二稿" in text for text in snippets(client, "专利")) and not any("第一稿" in text for text in snippets(client, "专利"))


@pytest.mark.django_db
def test_a_new_promotion_shows_on_the_next_search_and_a_deleted_query_costs_nothing(client, column):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    target = publish(ArticlePageFactory(parent=column, title="2019年度政府信息公开工作年度报告"))
    first = client.get("/search/", {"query": "年报"})
    assert BeautifulSoup(first.content, "html.parser").select_one(".promoted") is None
    shown(client, first)
    SearchPromotion.objects.create(query=Query.get("年报"), page=target, description="历年年报")
    response = client.get("/search/", {"query": "年报"})
    assert BeautifulSoup(response.content, "html.parser").select_one(".promoted a").get_text() == "2019年度政府信息公开工作年度报告"
    shown(client, response)
    assert Query.get("年报").hits == 2

    old = Query.get("年报").pk
    Query.objects.all().delete()  # what the admin, or the garbage collector, does
    from search.promotions import count_hit

    count_hit(old)  # a count arriving for the row just deleted: nothing fails, nothing is counted
    response = client.get("/search/", {"query": "年报"})
    assert not Query.objects.exists()  # reading a search adds no row; showing it does
    assert response.status_code == 200 and BeautifulSoup(response.content, "html.parser").select_one(".promoted") is None
    shown(client, response)
    assert Query.get("年报").hits == 1  # counted afresh, under the query's new row


@pytest.mark.django_db
def test_results_beyond_the_memory_budget_still_show_their_snippets(client, column, settings):
    from wagtail.rich_text import RichText

    settings.GONGKAI_SEARCH_CARD_CHARS = 30  # room for the first page's text only
    for n in range(3):
        publish(ArticlePageFactory(parent=column, title=f"专利公告{n}", body=[("paragraph", RichText(f"<p>第{n}篇：专利申请须知</p>"))]))
    for _ in range(2):  # built and dropped, then built again
        assert sorted(snippets(client, "专利")) == ["第0篇：专利申请须知", "第1篇：专利申请须知", "第2篇：专利申请须知"]
