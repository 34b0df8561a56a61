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
    """Add one to today's hits of a query. On PostgreSQL the statement commits without waiting for the disk
    (synchronous_commit off, for this statement only): the wait was 6 ms, the longest part of a search, and a crash
    can lose at most the last fraction of a second of hit counts, never the site's content."""
    table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    upsert = (f"INSERT INTO {table} AS hits (query_id, date, hits) VALUES (%s, %s, 1) "
              "ON CONFLICT (query_id, date) DO UPDATE SET hits = hits.hits + 1")
    values = (int(query_id), timezone.now().date())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # One round trip: both statements run in the implicit transaction of a single simple query, which
            # takes no parameters; the values are an integer and a date, written out as literals.
            literals = upsert % (values[0], f"'{values[1].isoformat()}'")
            cursor.execute("SET LOCAL synchronous_commit TO OFF; " + literals)
        else:
            cursor.execute(upsert, values)
