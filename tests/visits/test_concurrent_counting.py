"""50 readers at once lose no count: what was sent is what was stored (PostgreSQL, the production database, where
each count is one round trip outside any transaction of the request)."""

import threading

import pytest
from django.db import connection, connections
from django.db.models import Sum
from django.test import Client
from wagtail.models import Page

from tests.helpers import BROWSER, base_rows, shown

pytestmark = pytest.mark.slow


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_readers_lose_no_count():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL, the production database")
    from wagtail.models import Site

    from gongkai.visits.models import PageViews, VisitorMark
    from tests.factories import ArticlePageFactory, ColumnPageFactory, HomePageFactory

    base_rows()
    home = HomePageFactory(parent=Page.objects.get(depth=1), slug="visits-home")
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "testserver", "root_page": home})
    column = ColumnPageFactory(parent=home, slug="work", kind="news")
    ArticlePageFactory(parent=column, slug="week", title="并发计数")
    page = Client().get("/work/week/")
    start = threading.Barrier(50)
    errors, statuses = [], []

    def reader(n):
        try:
            client = Client(REMOTE_ADDR=f"10.0.{n // 200}.{n % 200}")
            start.wait(timeout=60)
            for _ in range(10):
                statuses.append(shown(client, page, agent=BROWSER).status_code)
        except BaseException as error:  # noqa: BLE001  (reported by the assert below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and statuses == [204] * 500
    assert PageViews.objects.aggregate(n=Sum("views"))["n"] == 500
    assert VisitorMark.objects.count() == 50  # one reader per address
