from django.db import connections

from . import text


def teach_segmenter(sender, instance, **kwargs):
    """An editor added a word: this process segments with it from now on (other processes on their next start)."""
    text.add_word(instance.word)


def gin_without_pending_list(sender, using="default", **kwargs):
    """PostgreSQL only: the search index's GIN indexes without a pending list ("fastupdate").

    By default new index entries wait in an unsorted pending list until VACUUM merges them, and every search reads
    the whole list; the planner also prices the GIN index by it. After a large import, searches skipped the index and
    read every entry out of TOAST storage (10 ms for one query against 0.1 ms through the index). A site read far more
    often than it is written is better off paying a little more on each save. Idempotent; runs after every migrate."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    from modelsearch.conf import get_app_config

    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef ILIKE %s "
            "AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = indexname AND 'fastupdate=off' = ANY(c.reloptions))",
            [table, "%USING gin%"],
        )
        for (name,) in cursor.fetchall():
            quoted = connection.ops.quote_name(name)
            cursor.execute(f"ALTER INDEX {quoted} SET (fastupdate = off)")
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
