"""One SQL statement per search: the requested page of ranked results, with how many results there are and how many
of them hold every word of the query.

modelsearch runs a search as two or three ORM queries (a count, the ranked page, sometimes the objects again), each
compiled by the ORM on every request: on a small site that compilation costs as much as the database. Here the index
part of the statement is a fixed SQL text with the query's terms as parameters; only the searched queryset (the
caller's filters: live pages, a section of the site) goes through the ORM's compiler. The counts come from window
functions over the same matches, so they cost no second pass.

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


def tsquery_text(query):
    """PostgreSQL to_tsquery() text for a rewritten query ('term', 'pre':*, &, |), as modelsearch's Lexeme quotes it."""
    if isinstance(query, PlainText):  # Prefix included
        terms = query.query_string.split()
        if not terms:
            raise Unsupported
        quoted = ["'" + term.replace("'", "''").replace("\\", "\\\\") + "'" for term in terms]
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
    """A page of results with the counts a results page shows."""

    def __init__(self, objects, total, all_terms_total):
        self.objects = objects
        self.total = total  # results holding at least one word
        self.all_terms_total = all_terms_total  # results holding every word


class OneStatementResultsMixin:
    """For a backend's SearchResults: evaluating results[start:stop] runs one statement and leaves the counts on the
    sliced results (`results.total`, `results.all_terms_total`); count() on them then costs nothing more."""

    total = None
    all_terms_total = None

    def statement_parts(self, compiler):
        """(score SQL and params, all-terms flag SQL and params, FROM/WHERE SQL and params, ascending score?)"""
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
        score, all_terms, source, ascending = self.statement_parts(compiler)
        allowed_sql, allowed_params = queryset.order_by().values(allowed_pk=F("pk")).query.get_compiler(connection=connection).as_sql()
        content_types = get_descendants_content_types_pks(model)
        table = connection.ops.quote_name(model._meta.db_table)
        fields = model._meta.concrete_fields
        columns = ", ".join(f"p.{connection.ops.quote_name(field.column)}" for field in fields)
        pk_column = connection.ops.quote_name(model._meta.pk.column)
        direction = "ASC" if ascending else "DESC"
        limit = "" if self.stop is None else f" LIMIT {int(self.stop - self.start)}"
        offset = f" OFFSET {int(self.start)}" if self.start else ""
        if self.stop is None and self.start:
            limit = " LIMIT -1" if connection.vendor == "sqlite" else " LIMIT ALL"
        # object_id is text (any model's key): it is compared as text, so no other model's key is ever cast, and
        # cast to an integer only for the page of results; LENGTH first orders the integer keys as numbers.
        sql = (
            f"SELECT {columns}, r.score, r.total, r.all_total FROM ("
            f"SELECT m.object_id, m.score, COUNT(*) OVER () AS total, SUM(m.all_terms) OVER () AS all_total FROM ("
            f"SELECT e.object_id, {score[0]} AS score, "
            f"CASE WHEN {all_terms[0]} THEN 1 ELSE 0 END AS all_terms {source[0]} "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
            f"AND e.object_id IN (SELECT CAST(allowed.allowed_pk AS VARCHAR(50)) FROM ({allowed_sql}) allowed)"
            f") m ORDER BY m.score {direction}, LENGTH(m.object_id), m.object_id{limit}{offset}"
            f") r JOIN {table} p ON p.{pk_column} = CAST(r.object_id AS BIGINT) "
            f"ORDER BY r.score {direction}, LENGTH(r.object_id), r.object_id"
        )
        params = [*score[1], *all_terms[1], *source[1], *content_types, *allowed_params]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        names = [field.attname for field in fields]
        objects, total, all_total = [], 0, 0
        width = len(names)
        for row in rows:
            obj = model.from_db(connection.alias, names, row[:width])
            if self._score_field:
                setattr(obj, self._score_field, row[width])
            objects.append(obj)
            total, all_total = row[width + 1], int(row[width + 2] or 0)
        if not rows and self.start:
            # Past the last result: the counts still matter (a pager asking for page 99 of 3).
            total, all_total = self._counts_only()
        return Window(objects, total, all_total)

    def _counts_only(self):
        """(total, all-terms total), from the first row's statement: the window counts see every match."""
        clone = self._clone()
        clone.start, clone.stop = 0, 1
        window = clone._one_statement()
        return window.total, window.all_terms_total

    def _do_search(self):
        if self.query_compiler.nothing_to_search:
            self.total = self.all_terms_total = 0
            return []
        try:
            window = self._one_statement()
        except Unsupported:
            return super()._do_search()
        self.total, self.all_terms_total = window.total, window.all_terms_total
        return window.objects

    def _do_count(self):
        if self.query_compiler.nothing_to_search:
            return 0
        if self.total is None:
            try:
                self.total, self.all_terms_total = self._counts_only()
            except Unsupported:
                return super()._do_count()
        return max(0, min(self.total, self.stop if self.stop is not None else self.total) - self.start)
