"""要闻 is one concept: what is published in the 要闻 column is 要闻, and the home page's 要闻 box and the 要闻 column
list the same items, wherever they were published."""

import pytest
from bs4 import BeautifulSoup

from gongkai.news.models import ArticlePage
from tests.factories import ArticlePageFactory, ColumnPageFactory
from tests.helpers import add_url, article_form


@pytest.mark.django_db
def test_an_article_published_in_the_headlines_column_reaches_the_home_page(admin_client, client, home, column):
    headlines = ColumnPageFactory(parent=home, title="要闻", slug="headlines", kind="featured")
    response = admin_client.post(add_url(headlines), article_form(title="省科技厅来我市调研", slug="visit", action="action-publish"))
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="visit").featured  # nobody ticked the box
    ArticlePageFactory(parent=column, slug="ticked", title="我市获批国家级星创天地", featured=True)
    ArticlePageFactory(parent=column, slug="plain", title="科技局召开周例会")

    def titles(path, selector):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        return {a.get_text(strip=True) for a in soup.select(selector)}

    column_list = titles("/headlines/", "main li a")
    assert {"省科技厅来我市调研", "我市获批国家级星创天地"} <= column_list and "科技局召开周例会" not in column_list
    home_html = client.get("/").content.decode()
    assert "省科技厅来我市调研" in home_html and "我市获批国家级星创天地" in home_html
