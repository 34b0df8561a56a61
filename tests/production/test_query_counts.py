"""The SQL queries each page type costs when it is not cached, fixed here: a change that adds queries to a page
(an N+1 in a template, say) fails this test and has to update the number on purpose."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.demo.test_load_demo import load_demo

EXPECTED = {
    "home": ("/", 34),
    "column list": ("/news/work/", 27),
    "catalogue": ("/disclosure/rules/", 28),
    "article": (None, 24),
    "document": (None, 24),
    "2018 report": ("/disclosure/annual-reports/2018/", 22),
    # The SQLite and PostgreSQL search backends differ by one query per search.
    "search": ("/search/?query=政务公开", 24 if connection.vendor == "sqlite" else 23),
    "feed": ("/news/work/feed/rss/", 9),
    "English home": ("/en/", 37),
}


@pytest.mark.django_db
def test_each_page_type_runs_a_fixed_number_of_queries(client):
    from disclosure.models import DocumentPage
    from news.models import ArticlePage

    load_demo()
    urls = {name: url for name, (url, _n) in EXPECTED.items()}
    urls["article"] = ArticlePage.objects.live().order_by("pk").first().url
    urls["document"] = DocumentPage.objects.live().order_by("pk").first().url
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm: site root paths and settings are cached after the first request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries.captured_queries)
    assert counts == {name: n for name, (_url, n) in EXPECTED.items()}
