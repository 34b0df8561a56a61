"""What a reader sees when the search reads a query the way people type: 您是不是要找 for a typo, the titles a 简称
was taken for, 失效 versions marked and ranked below the one in force, and a synonym an editor adds in the admin."""

import pytest
from bs4 import BeautifulSoup

from gongkai.disclosure.models import Validity
from tests.factories import DocumentPageFactory


def page(client, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(soup):
    return [a.get_text() for a in soup.select(".search-results .search-result__title a")]


@pytest.fixture
def laws(catalogue):
    return {title: DocumentPageFactory(parent=catalogue, title=title, **extra) for title, extra in [
        ("劳动合同法实施条例", {}), ("档案法", {}), ("城乡规划法", {}), ("社会保险法", {}),
        ("专利法实施细则", {"validity": Validity.EXPIRED, "slug": "patent-rules-2010"}),
        ("专利法实施细则", {"slug": "patent-rules-2023"}),
    ]}


@pytest.mark.django_db
def test_a_typo_by_sound_finds_the_document_and_says_what_it_searched(client, laws):
    soup = page(client, "劳动和同法实施条例")
    assert result_titles(soup)[:1] == ["劳动合同法实施条例"]
    suggestion = soup.select_one(".search-suggestion")
    assert "您是不是要找" in suggestion.get_text() and "已包含" in suggestion.get_text()
    link = suggestion.find("a")
    assert link.get_text() == "劳动合同法实施条例" and "query=" in link["href"]
    assert result_titles(page(client, link.get_text()))[:1] == ["劳动合同法实施条例"]


@pytest.mark.django_db
def test_a_query_without_typos_shows_no_suggestion(client, laws):
    soup = page(client, "档案法")
    assert result_titles(soup)[:1] == ["档案法"] and soup.select_one(".search-suggestion") is None


@pytest.mark.django_db
def test_an_unlisted_short_name_says_which_title_it_was_taken_for(client, laws):
    soup = page(client, "城规法")
    assert result_titles(soup)[:1] == ["城乡规划法"]
    assert "按简称理解为" in soup.select_one(".search-suggestion").get_text()


@pytest.mark.django_db
def test_a_listed_short_name_finds_the_law(client, laws):
    assert result_titles(page(client, "社保法"))[:1] == ["社会保险法"]


@pytest.mark.django_db
def test_the_superseded_version_is_marked_and_ranked_below_the_one_in_force(client, laws):
    soup = page(client, "专利法实施细则")
    results = soup.select(".search-results .search-result")
    assert [r.select_one(".search-result__title a")["href"].rstrip("/").rsplit("/", 1)[1] for r in results[:2]] == [
        "patent-rules-2023", "patent-rules-2010"]
    assert results[0].select_one(".search-result__status") is None
    assert results[1].select_one(".search-result__status").get_text() == "失效"


@pytest.mark.django_db
def test_an_editor_adds_a_synonym_in_the_admin_and_the_next_search_uses_it(client, admin_client, laws):
    assert "档案法" not in result_titles(page(client, "卷宗"))
    listing = admin_client.get("/admin/snippets/wagtail_chinese_search/searchsynonym/", {"q": "社保法"})
    assert listing.status_code == 200 and "社会保险法" in listing.content.decode()  # the starting list is there
    response = admin_client.post("/admin/snippets/wagtail_chinese_search/searchsynonym/add/", {
        "term": "卷宗", "meanings": "档案", "kind": "synonym", "note": ""})
    assert response.status_code == 302
    assert result_titles(page(client, "卷宗"))[:1] == ["档案法"]


@pytest.mark.django_db
def test_a_synonym_with_no_meaning_is_refused_with_a_message(admin_client):
    from wagtail_chinese_search.models import SearchSynonym

    before = SearchSynonym.objects.count()
    response = admin_client.post("/admin/snippets/wagtail_chinese_search/searchsynonym/add/", {
        "term": "卷宗", "meanings": " ，、 ", "kind": "synonym"})
    assert response.status_code == 200 and "请至少填写一种规范用语" in response.content.decode()
    assert SearchSynonym.objects.count() == before


@pytest.mark.django_db
def test_the_office_keeps_the_synonym_list_and_a_department_editor_does_not(client, bureau):
    client.force_login(bureau["office"])
    listing = client.get("/admin/snippets/wagtail_chinese_search/searchsynonym/")
    assert listing.status_code == 200 and "搜索同义词" in listing.content.decode()
    assert client.get("/admin/snippets/wagtail_chinese_search/searchsynonym/add/").status_code == 200
    client.force_login(bureau["editor"])
    assert client.get("/admin/snippets/wagtail_chinese_search/searchsynonym/add/").status_code in (302, 403)
