import datetime

import pytest

from tests.factories import AnnualReportPageFactory, ArticlePageFactory, ColumnPageFactory, DocumentPageFactory, TopicCategoryFactory


def api(client, **params):
    response = client.get("/api/v2/pages/", params)
    return response.status_code, response.json()


@pytest.fixture
def content(home, column, catalogue, locale):
    topic = TopicCategoryFactory(code="11", name="科技、教育", locale=locale)
    a = ArticlePageFactory(parent=column, title="星创天地获批", date=datetime.date(2019, 2, 20),
                           body=[("paragraph", '<p>见<a linktype="page" id="%d">栏目</a>。</p>' % column.pk)])
    a.tags.add("星创天地")
    a.save()
    ArticlePageFactory(parent=column, title="草稿", live=False)
    d = DocumentPageFactory(parent=catalogue, title="评议制度", topic=topic, validity="repealed", date=datetime.date(2019, 1, 2), written_date=None)
    r = AnnualReportPageFactory(parent=catalogue, title="2018年度报告", year=2018, date=datetime.date(2019, 3, 12))
    return a, d, r


@pytest.mark.django_db
def test_pages_expose_every_custom_field_with_rich_text_as_html(client, content):
    article, document, _report = content
    status, data = api(client, type="gongkai_disclosure.DocumentPage", fields="*")
    item = data["items"][0]
    for field in ["index_number", "document_type", "issuer", "document_number", "written_date", "keywords", "validity",
                  "validity_note", "date", "pinned", "pinned_until", "featured", "summary", "body", "attachments", "topic_confirmed"]:
        assert field in item, field
    assert item["topic"] == {"code": "11", "name": "科技、教育"} and item["validity_display"] == "废止"
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert detail["body"][0]["type"] == "paragraph"
    assert detail["body"][0]["value"] == '<p>见<a href="/work/">栏目</a>。</p>'
    assert detail["tags"] == ["星创天地"]


@pytest.mark.django_db
def test_filters_type_column_dates_tags_validity_and_ordering(client, content, column, catalogue):
    def titles(**params):
        status, data = api(client, **params)
        assert status == 200, data
        return [item["title"] for item in data["items"]]

    assert titles(child_of=column.pk) == ["星创天地获批"]
    assert set(titles(descendant_of=catalogue.pk)) == {"评议制度", "2018年度报告"}
    assert titles(type="gongkai_reports.AnnualReportPage") == ["2018年度报告"]
    assert titles(type="gongkai_disclosure.DocumentPage", validity="repealed") == ["评议制度"]
    assert titles(type="gongkai_news.ArticlePage", tags="星创天地") == ["星创天地获批"]
    assert set(titles(date_from="2019-02-01", date_to="2019-03-31")) == {"星创天地获批", "2018年度报告"}
    assert titles(type="gongkai_core.ListedPage", order="-date") == ["2018年度报告", "星创天地获批", "评议制度"]
    assert titles(search="星创") == ["星创天地获批"]


@pytest.mark.django_db
def test_unpublished_and_private_pages_never_appear(client, home, content):
    from wagtail.models import PageViewRestriction

    private = ColumnPageFactory(parent=home, title="内部", slug="internal")
    ArticlePageFactory(parent=private, title="内部通知")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    status, data = api(client, limit=100)
    titles = {item["title"] for item in data["items"]}
    assert "草稿" not in titles and "内部通知" not in titles and "内部" not in titles
    assert api(client, search="内部通知")[1]["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("params", [
    {"date_from": "2019-13-01"}, {"limit": "1000"}, {"child_of": "abc"}, {"type": "nope.Nope"}, {"unknown": "1"},
    {"order": "nonexistent"}, {"offset": "-1"},
])
def test_bad_parameters_give_400(client, content, params):
    status, data = api(client, **params)
    assert status == 400 and data["message"]


@pytest.mark.django_db
def test_cors_for_configured_origins_only(client, content, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.gov.cn"]
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.gov.cn")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.gov.cn"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


@pytest.mark.django_db
def test_documents_in_restricted_collections_are_hidden(client, home):
    from wagtail.models import Collection, CollectionViewRestriction
    from wagtail_factories import DocumentFactory

    private = Collection.get_first_root_node().add_child(name="内部")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
    DocumentFactory(title="公开附件")
    DocumentFactory(title="内部附件", collection=private)
    titles = [item["title"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert titles == ["公开附件"]


@pytest.mark.django_db
def test_every_api_example_in_the_docs_answers(client, content, home, column):
    """docs/api.md's curl lines once named the types by labels that no longer existed (`disclosure.DocumentPage`):
    each documented request must answer 200, with items where it lists pages of a type."""
    import re
    from pathlib import Path

    from django.conf import settings

    text = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text(encoding="utf-8")
    urls = re.findall(r"curl '(?:http://127\.0\.0\.1:8000)(/api/v2/[^']*)'", text)
    assert len(urls) >= 10
    for url in urls:
        url = url.replace("COLUMN_ID", str(column.pk)).replace("HOME_ID", str(home.pk))
        url = re.sub(r"/pages/\d+/", f"/pages/{content[0].pk}/", url)
        url = re.sub(r"(descendant_of|child_of)=\d+", rf"\1={column.pk}", url)
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        if "type=" in url:
            assert "items" in response.json(), url
