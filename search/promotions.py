"""Editors' picks for a query (wagtail.contrib.search_promotions) and the daily hit count behind the popular-queries
report. A search is counted when its page is shown (gongkai.visits, through `count_counted_search`), not when it is
computed, so searches served from the page cache or a CDN count too, and crawlers' do not."""

import logging

from django.db import DatabaseError, connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from gongkai.core import site_cache

logger = logging.getLogger(__name__)


def editors_picks(request, query):
    """The editors' picks for a query, kept until the next publish (saving a pick or deleting a query counts as one).
    Only read: a query's row is made when a search for it is counted, so a crawler's searches add no rows."""
    key = normalise_query_string(query)
    return site_cache.remember(request, ("search-query", key), lambda: _picks(key))


def _picks(key):
    record = Query.objects.filter(query_string=key).first()
    if record is None:
        return []
    return [pick for pick in record.editors_picks.select_related("page") if pick.page and pick.page.live]


def count_counted_search(sender, query="", **kwargs):
    """gongkai.visits counted a search page: add it to the query's hits, starting the query's row if need be."""
    if not query:
        return
    try:
        count_hit(Query.get(query).pk)
    except DatabaseError:  # counting must never cost the reader anything
        logger.exception("Could not count a search for %r", query)


def count_hit(query_id):
    """Add one to today's hits of a query. On PostgreSQL the statement commits without waiting for the disk
    (synchronous_commit off, for this statement only): the wait was 6 ms, the longest part of a count, and a crash
    can lose at most the last fraction of a second of hit counts, never the site's content."""
    table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    queries = connection.ops.quote_name(Query._meta.db_table)
    # Only for a query that still exists: the admin or the garbage collector may have deleted it since it was read.
    upsert = (f"INSERT INTO {table} AS hits (query_id, date, hits) SELECT %s, %s, 1 "
              f"WHERE EXISTS (SELECT 1 FROM {queries} WHERE id = %s) "
              "ON CONFLICT (query_id, date) DO UPDATE SET hits = hits.hits + 1")
    values = (int(query_id), timezone.now().date(), int(query_id))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # One round trip: both statements run in the implicit transaction of a single simple query, which
            # takes no parameters; the values are integers and a date, written out as literals.
            literals = upsert % (values[0], f"'{values[1].isoformat()}'", values[2])
            cursor.execute("SET LOCAL synchronous_commit TO OFF; " + literals)
        else:
            cursor.execute(upsert, values)
