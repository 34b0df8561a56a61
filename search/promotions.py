"""Editors' picks for a query (wagtail.contrib.search_promotions) and the daily hit count behind the popular-queries
report."""

import logging

from django.db import DatabaseError, connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from gongkai.core import site_cache

logger = logging.getLogger(__name__)


def record_search(request, query):
    """Count the search for the popular-queries report, and return the editors' picks for it. The query's row and
    its picks are kept until the next publish (saving a pick or deleting a query counts as one); the count is one
    statement that adds to today's row or starts it, so concurrent searches neither fail nor lose a hit."""
    key = normalise_query_string(query)
    query_id, picks = site_cache.remember(request, ("search-query", key), lambda: _query_and_picks(key))
    try:
        count_hit(query_id)  # one statement, its own transaction: no BEGIN and COMMIT round trips around it
    except DatabaseError:  # counting must never cost the reader the results
        logger.exception("Could not count a search for %r", query)
    return picks


def _query_and_picks(key):
    record = Query.get(key)
    return record.pk, [pick for pick in record.editors_picks.select_related("page") if pick.page and pick.page.live]


def count_hit(query_id):
    table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} AS hits (query_id, date, hits) VALUES (%s, %s, 1) "
            "ON CONFLICT (query_id, date) DO UPDATE SET hits = hits.hits + 1",
            [query_id, timezone.now().date()],
        )
