import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory


@pytest.mark.django_db
def test_search_finds_a_published_page_by_title(client, column):
    ArticlePageFactory(parent=column, title="Patent enforcement report")
    ArticlePageFactory(parent=column, title="Patent draft", live=False)
    soup = BeautifulSoup(client.get("/search/?query=patent").content, "html.parser")
    assert [a.get_text() for a in soup.select(".search-results a")] == ["Patent enforcement report"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "长" * 10000, "😀🔬", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "\x00", "a\x00b", "\\"])
def test_odd_queries_get_a_page_with_a_message(client, home, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    body = response.content.decode().split("<main", 1)[1]
    assert "<script>alert" not in body
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".message") or "没有找到" in soup.find("main").get_text() or "搜索结果" in soup.find("main").get_text()
