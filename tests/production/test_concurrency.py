"""Two imports of the same file at the same time, and two editors saving the same page at the same time, neither
lose nor duplicate anything (PostgreSQL: SQLite serialises writers by itself)."""

import io
import json
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from wagtail.models import Page

from tests.helpers import base_rows

pytestmark = pytest.mark.slow


def _at_once(work, args_list, timeout):
    """Run work(*args) in one thread per args, each with its own database connection; return the errors raised."""
    errors = []

    def run(*args):
        try:
            work(*args)
        except BaseException as error:  # noqa: BLE001  (reported by the caller's assert, with the thread's own repr)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors


def _postgres_site(slug):
    """A home page on an otherwise empty site, for tests that need PostgreSQL's locking (skipped on SQLite)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL, the production database")
    from tests.factories import HomePageFactory

    base_rows()
    return HomePageFactory(parent=Page.objects.get(depth=1), slug=slug)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_imports_and_saves(tmp_path):
    from gongkai.disclosure.models import DocumentPage
    from gongkai.importer.models import ImportedPage
    from tests.factories import ColumnPageFactory

    home = _postgres_site("concurrent-home")
    catalogue = ColumnPageFactory(parent=home, slug="docs", kind="catalogue")
    lines = [{"type": "document", "key": f"doc-{n}", "title": f"并发导入文件{n}", "date": "2026-01-05", "body": "正文"}
             for n in range(15)]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")

    def run_import():
        call_command("import_content", str(path), parent=str(catalogue.pk), stdout=io.StringIO(), stderr=io.StringIO())

    assert _at_once(run_import, [()] * 3, timeout=300) == []
    documents = DocumentPage.objects.child_of(catalogue)
    assert documents.count() == 15
    assert sorted(documents.values_list("title", flat=True)) == sorted(line["title"] for line in lines)
    assert ImportedPage.objects.filter(key__startswith="doc-").count() == 15
    numbers = list(documents.values_list("index_number", flat=True))
    assert len(set(numbers)) == 15, "every document keeps its own 索引号"
    assert Page.find_problems() == ([], [], [], [], [])

    # Two editors save the same page at the same moment: both revisions are kept, the page stays consistent.
    page = documents.first()
    saved = []

    def save(title):
        specific = DocumentPage.objects.get(pk=page.pk)
        specific.title = title
        saved.append(specific.save_revision().pk)

    assert _at_once(save, [(f"编辑{n}的标题",) for n in range(4)], timeout=60) == [] and len(saved) == 4
    assert page.revisions.filter(pk__in=saved).count() == 4
    assert DocumentPage.objects.get(pk=page.pk).get_latest_revision().pk in saved


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_adding_pages_under_one_column_at_once():
    """Five editors publish a new article in the same column at the same instant: five articles, a sound tree
    (django-treebeard locks the parent row while it picks the new page's place)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from gongkai.news.models import ArticlePage
    from tests.factories import ColumnPageFactory
    from tests.helpers import add_url, article_form

    home = _postgres_site("concurrent-admin-home")
    column = ColumnPageFactory(parent=home, slug="work", kind="news")
    editor = get_user_model().objects.create_superuser("concurrent-editor", "e@example.com", "pw")
    url = add_url(column)
    barrier = threading.Barrier(5)
    statuses = []

    def publish(n):
        client = Client()
        client.force_login(editor)
        barrier.wait(timeout=30)
        response = client.post(url, article_form(title=f"同时发布的动态{n}", slug=f"item-{n}", action="action-publish"))
        statuses.append(response.status_code)

    assert _at_once(publish, [(n,) for n in range(5)], timeout=120) == [] and statuses == [302] * 5
    articles = ArticlePage.objects.child_of(column)
    assert sorted(articles.values_list("title", flat=True)) == [f"同时发布的动态{n}" for n in range(5)]
    assert articles.filter(live=True).count() == 5
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_searches_count_every_hit():
    # The first searches of a day all try to start the day's row (search/promotions.py).
    from wagtail.contrib.search_promotions.models import Query

    from search.promotions import count_hit

    _postgres_site("search-hits-home")
    query = Query.get("科技成果")
    start = threading.Barrier(6)

    def search_ten_times():
        start.wait(timeout=30)
        for _ in range(10):
            count_hit(query.pk)

    assert _at_once(search_ten_times, [()] * 6, timeout=60) == []
    assert query.hits == 60 and query.daily_hits.count() == 1
