"""The SQL queries each page type costs when the page cache is off, fixed here: a change that adds queries to a page
(an N+1 in a template, say) fails this test and has to update the number on purpose. Two numbers per page: a worker
that already holds the site's shared parts (gongkai/core/site_cache.py), and the first request after a publish, when it
reads them again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.core.content_version import content_changed
from tests.helpers import load_demo

# A search is one statement for the ranked page and its counts; it is counted for the report when shown
# (gongkai.visits), by a request of its own.
EXPECTED = {  # page: (url, queries, queries on the first request after a publish)
    "home": ("/", 0, 21),
    "column list": ("/news/work/", 0, 19),
    # A catalogue, a document and search results read the documents' 解读 links once per publish (one more query).
    "catalogue": ("/disclosure/rules/", 0, 21),
    # An item reads its column's order once per publish, for 上一篇 / 下一篇.
    "article": (None, 0, 20),
    "document": (None, 0, 21),
    "2018 report": ("/disclosure/annual-reports/2018/", 0, 18),
    "search": ("/search/?query=政务公开", 1, 20),
    "feed": ("/news/work/feed/rss/", 0, 16),
    "English home": ("/en/", 0, 25),  # one more: the Chinese originals of the boxes with nothing in English
}


@pytest.mark.slow
@pytest.mark.django_db
def test_each_page_type_runs_a_fixed_number_of_queries(client):
    from gongkai.disclosure.models import DocumentPage
    from gongkai.news.models import ArticlePage

    load_demo()
    urls = {name: url for name, (url, _n, _cold) in EXPECTED.items()}
    urls["article"] = ArticlePage.objects.live().order_by("pk").first().url
    urls["document"] = DocumentPage.objects.live().order_by("pk").first().url
    client.get("/search/?query=科技")  # the search dictionary is loaded once per process, not per content version
    counts, cold = {}, {}
    for name, url in urls.items():
        content_changed()  # what a publish does: every shared part is read again
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        cold[name] = len(queries.captured_queries)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries.captured_queries)
    assert counts == {name: n for name, (_url, n, _cold) in EXPECTED.items()}
    assert cold == {name: n for name, (_url, _n, n) in EXPECTED.items()}
