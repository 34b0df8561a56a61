"""One SQL statement per search: the requested page of ranked results, with how many results there are and how many
of them hold every word of the query.

modelsearch runs a search as two or three ORM queries (a count, the ranked page, sometimes the objects again), each
compiled by the ORM on every request: on a small site that compilation costs as much as the database. Here the index
part of the statement is a fixed SQL text with the query's terms as parameters; only the searched queryset (the
caller's filters: live pages, a section of the site) goes through the ORM's compiler. The counts are a common table
expression, answered by the full-text index and stopped at the backend's COUNT_LIMIT. When the results holding every
word alone fill the requested page, only they are ranked: the rest could only follow them.

Only the common shapes take this path: text queries (words, prefixes, AND/OR of them) over all of a model's search
fields, ordered by relevance, on a model with an integer primary key. Anything else (phrases, NOT, fields=…, autocomplete,
order_by_relevance=False, prefetch_related) is left to modelsearch's own code, which these classes extend."""

from django.db import connections, router
from django.db.models import F
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .query import Prefix

INTEGER_FIELDS = ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "SmallAutoField", "PositiveIntegerField")


class Unsupported(Exception):
    """A query shape the single statement does not handle; modelsearch's own path runs instead."""


def tsquery_lexeme(term):
    """One term quoted for to_tsquery(), as modelsearch's Lexeme quotes it."""
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def tsquery_text(query):
    """PostgreSQL to_tsquery() text for a rewritten query ('term', 'pre':*, &, |), as modelsearch's Lexeme quotes it."""
    if isinstance(query, PlainText):  # Prefix included
        terms = query.query_string.split()
        if not terms:
            raise Unsupported
        quoted = [tsquery_lexeme(term) for term in terms]
        if isinstance(query, Prefix) or getattr(query, "prefix", False):
            quoted[-1] += ":*"
        joiner = " | " if (query.operator or "and").lower() == "or" else " & "
        return quoted[0] if len(quoted) == 1 else "(" + joiner.join(quoted) + ")"
    if isinstance(query, (And, Or)):
        joiner = " & " if isinstance(query, And) else " | "
        return "(" + joiner.join(tsquery_text(sub) for sub in query.subqueries) + ")"
    raise Unsupported


def fts5_text(query):
    """An SQLite FTS5 MATCH expression for a rewritten query ("term", "pre"*, AND, OR)."""
    if isinstance(query, PlainText):
        terms = query.query_string.split()
        if not terms:
            raise Unsupported
        quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
        if isinstance(query, Prefix):
            quoted[-1] += "*"
        joiner = " OR " if (query.operator or "and").lower() == "or" else " AND "
        return quoted[0] if len(quoted) == 1 else "(" + joiner.join(quoted) + ")"
    if isinstance(query, (And, Or)):
        joiner = " AND " if isinstance(query, And) else " OR "
        return "(" + joiner.join(fts5_text(sub) for sub in query.subqueries) + ")"
    raise Unsupported


class Window:
    """A page of results with the counts a results page shows. Counts stop at the backend's COUNT_LIMIT: a count of
    COUNT_LIMIT + 1 means "more than COUNT_LIMIT"."""

    def __init__(self, objects, total, all_terms_total, count_limit=None):
        self.objects = objects
        self.total = total  # results holding at least one word
        self.all_terms_total = all_terms_total  # results holding every word
        self.count_limit = count_limit


DEFAULT_COUNT_LIMIT = 1000


class CountLimitMixin:
    """For a backend: COUNT_LIMIT in its settings (default 1,000; None counts every match). Counting stops there:
    past it a count says "more than 1,000", which is all a reader needs, and counting 50,000 matches of a common
    word on a site of 100,000 pages took most of a search's time."""

    def __init__(self, params):
        super().__init__(params)
        self.count_limit = params.get("COUNT_LIMIT", DEFAULT_COUNT_LIMIT)


class OneStatementResultsMixin:
    """For a backend's SearchResults: evaluating results[start:stop] runs one statement and leaves the counts on the
    sliced results (`results.total`, `results.all_terms_total`); count() on them then costs nothing more."""

    total = None
    all_terms_total = None
    count_limit = None

    def statement_parts(self, compiler):
        """(score SQL and params, FROM/WHERE of the rows holding any word and params, FROM/WHERE of the rows holding
        every word and params or None for a one-word query, ascending score?). Both FROM/WHERE name the index
        entries `e` and are answered by the full-text index."""
        raise NotImplementedError

    def _one_statement(self):
        compiler = self.query_compiler
        queryset = compiler.queryset
        model = queryset.model
        if (getattr(compiler, "autocomplete", False) or compiler.fields is not None or not compiler.order_by_relevance
                or self.prefetch_related
                or model._meta.pk.get_internal_type() not in INTEGER_FIELDS or queryset.query.is_sliced):
            raise Unsupported
        connection = connections[router.db_for_read(model)]
        score, any_source, all_source, ascending = self.statement_parts(compiler)
        allowed_sql, allowed_params = queryset.order_by().values(allowed_pk=F("pk")).query.get_compiler(connection=connection).as_sql()
        content_types = get_descendants_content_types_pks(model)
        # object_id is text (any model's key). It is cast to the model's integer key only in the join with the
        # searched rows, after the scan has kept the model's own content types, so another model's key is never
        # cast; the join can then use the model's primary key index, row by row, instead of hashing every allowed
        # key (100,000 pages: 60 ms a search). LENGTH first orders the integer keys as numbers.
        within = (f" AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
                  f" AND EXISTS (SELECT 1 FROM ({allowed_sql}) allowed WHERE allowed.allowed_pk = CAST(e.object_id AS BIGINT))")
        within_params = [*content_types, *allowed_params]
        limit_counts = self.backend.count_limit

        def count(source):
            sql = f"SELECT 1 {source[0]}{within}" + ("" if limit_counts is None else f" LIMIT {int(limit_counts) + 1}")
            return f"SELECT COUNT(*) FROM ({sql}) matched", [*source[1], *within_params]

        def ranked(source, condition=""):
            return f"SELECT e.object_id AS object_id, {score[0]} AS score {source[0]}{within}{condition}", [
                *score[1], *source[1], *within_params]

        total_sql, counts_params = count(any_source)
        if all_source is None:
            # An aggregate in FROM, not a scalar subquery: PostgreSQL would inline the latter and count twice.
            total_sql = total_sql.replace("SELECT COUNT(*)", "SELECT COUNT(*) AS total", 1)
            counts = f"SELECT c.total, c.total AS all_total FROM ({total_sql}) c"
        else:
            all_sql, all_params = count(all_source)
            counts = f"SELECT ({total_sql}) AS total, ({all_sql}) AS all_total"
            counts_params = [*counts_params, *all_params]
        if all_source is None or self.stop is None:
            candidates, candidate_params = ranked(any_source)
        else:
            # Results holding every word rank first. When they alone fill the requested page, only they are ranked:
            # an OR of common words (条例, 管理) can match most of a large site, and scoring all of it is what costs.
            enough = f" AND (SELECT all_total FROM counts) >= {int(self.stop)}"
            too_few = f" AND (SELECT all_total FROM counts) < {int(self.stop)}"
            tier, tier_params = ranked(all_source, enough)
            rest, rest_params = ranked(any_source, too_few)
            candidates, candidate_params = f"{tier} UNION ALL {rest}", [*tier_params, *rest_params]

        table = connection.ops.quote_name(model._meta.db_table)
        fields = model._meta.concrete_fields
        columns = ", ".join(f"p.{connection.ops.quote_name(field.column)}" for field in fields)
        pk_column = connection.ops.quote_name(model._meta.pk.column)
        direction = "ASC" if ascending else "DESC"
        limit = "" if self.stop is None else f" LIMIT {int(self.stop - self.start)}"
        offset = f" OFFSET {int(self.start)}" if self.start else ""
        if self.stop is None and self.start:
            limit = " LIMIT -1" if connection.vendor == "sqlite" else " LIMIT ALL"
        order = f"ORDER BY r.score {direction}, LENGTH(r.object_id), r.object_id"
        # The counts row is always there (LEFT JOIN), so a page past the last result still says how many there are.
        sql = (
            f"WITH counts AS ({counts}) "
            f"SELECT {columns}, r.score, c.total, c.all_total FROM counts c LEFT JOIN ("
            f"SELECT r.object_id, r.score FROM ({candidates}) r {order}{limit}{offset}"
            f") r ON 1 = 1 LEFT JOIN {table} p ON p.{pk_column} = CAST(r.object_id AS BIGINT) {order}"
        )
        rows = self.fetch_rows(connection, sql, [*counts_params, *candidate_params])
        names = [field.attname for field in fields]
        width = len(names)
        pk_index = names.index(model._meta.pk.attname)
        objects = []
        for row in rows:
            if row[pk_index] is None:  # no result on this page: the counts row alone
                continue
            obj = model.from_db(connection.alias, names, row[:width])
            if self._score_field:
                setattr(obj, self._score_field, row[width])
            objects.append(obj)
        total, all_total = (int(rows[0][width + 1]), int(rows[0][width + 2])) if rows else (0, 0)
        return Window(objects, total, all_total, limit_counts)

    def fetch_rows(self, connection, sql, params):
        """Run the statement; a backend may run it its own way (PostgreSQL: prepared once per connection)."""
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _counts_only(self):
        """(total, all-terms total) without a page of results."""
        clone = self._clone()
        clone.start, clone.stop = 0, 0
        window = clone._one_statement()
        return window.total, window.all_terms_total, window.count_limit

    def _do_search(self):
        if self.query_compiler.nothing_to_search:
            self.total = self.all_terms_total = 0
            return []
        try:
            window = self._one_statement()
        except Unsupported:
            return super()._do_search()
        self.total, self.all_terms_total, self.count_limit = window.total, window.all_terms_total, window.count_limit
        return window.objects

    def _do_count(self):
        if self.query_compiler.nothing_to_search:
            return 0
        if self.total is None:
            try:
                self.total, self.all_terms_total, self.count_limit = self._counts_only()
            except Unsupported:
                return super()._do_count()
        return max(0, min(self.total, self.stop if self.stop is not None else self.total) - self.start)
