import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory


@pytest.mark.django_db
def test_article_shows_its_metadata_body_and_breadcrumbs(client, column):
    article = ArticlePageFactory(
        parent=column, title="市科技局举办北药产业培训会", slug="training", date=datetime.date(2019, 2, 25),
        source="鹤岗市科学技术局", author="办公室",
        body=[("paragraph", "<p>培训会在局会议室举行。</p>")],
    )
    article.tags.add("北药", "培训")
    article.save()
    response = client.get("/work/training/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [h.get_text() for h in soup.find_all("h1")] == ["市科技局举办北药产业培训会"]
    meta = soup.select_one(".article__meta").get_text()
    assert "2019-02-25" in meta and "鹤岗市科学技术局" in meta and "办公室" in meta
    assert "培训会在局会议室举行。" in soup.select_one(".article__body").get_text()
    assert {t.get_text() for t in soup.select(".tag")} == {"北药", "培训"}
    crumbs = [a.get_text() for a in soup.select(".breadcrumbs a")]
    assert crumbs == ["首页", "工作动态"]


@pytest.mark.django_db
def test_article_body_renders_a_table(client, column):
    table = {"data": [["年份", "件数"], ["2018", "150"]], "first_row_is_table_header": True, "first_col_is_header": False,
             "table_caption": "专利案件"}
    ArticlePageFactory(parent=column, slug="with-table", body=[("table", table)])
    soup = BeautifulSoup(client.get("/work/with-table/").content, "html.parser")
    assert soup.select_one("table caption").get_text(strip=True) == "专利案件"
    assert [th.get_text(strip=True) for th in soup.select("thead th")] == ["年份", "件数"]


@pytest.mark.django_db
def test_article_images_have_captions_and_alt_text_and_attachments_are_listed(client, column):
    from wagtail_factories import DocumentFactory, ImageFactory

    image = ImageFactory(title="培训现场")
    document = DocumentFactory(title="培训日程")
    ArticlePageFactory(
        parent=column, slug="with-media",
        body=[("image", {"image": image, "alt": "学员在会议室听课", "caption": "培训会现场"})],
        attachments=[("attachment", {"document": document, "title": ""})],
    )
    soup = BeautifulSoup(client.get("/work/with-media/").content, "html.parser")
    figure = soup.select_one(".article__body figure")
    assert figure.find("img")["alt"] == "学员在会议室听课"
    assert figure.find("figcaption").get_text() == "培训会现场"
    link = soup.select_one(".attachments a")
    assert link.get_text() == "培训日程" and link["href"] == document.url
