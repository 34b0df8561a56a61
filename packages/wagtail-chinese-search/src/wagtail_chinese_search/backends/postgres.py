try:
    import psycopg
except ImportError:  # psycopg2: statements are not prepared
    psycopg = None
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import BooleanField, Case, F, FloatField, Func, Value, When
from django.db.models.sql.subqueries import InsertQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import SearchField
from modelsearch.query import Fuzzy, MatchAll, Not

from .. import text
from .base import DEMOTED_TOKEN, SegmentingCompilerMixin, SegmentingIndexerMixin, SegmentingIndexMixin, is_demoted
from .query import Prefix
from .statement import CountLimitMixin, OneStatementResultsMixin, tsquery_lexeme, tsquery_text

# SQLite's NEAR(…, 8) counts tokens; the index here gives a compound's sub-words positions of their own before it
# (结婚 登记 结婚登记), so 16 positions span about as much text.
NEAR_POSITIONS = 16


def near_tsquery(words, positions=NEAR_POSITIONS):
    """The typed words close together, as SQLite's NEAR: each word within `positions` of the next one, either way
    round. PostgreSQL's <N> is an exact distance, so each distance is one alternative."""
    lexemes = [tsquery_lexeme(word) for word in words]
    pairs = [" | ".join(f"{x} <{distance}> {y}" for distance in range(1, positions + 1) for x, y in ((a, b), (b, a)))
             for a, b in zip(lexemes, lexemes[1:])]
    return " & ".join(f"({pair})" for pair in pairs)


class ChineseObjectIndexer(SegmentingIndexerMixin, ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        return super().as_vector([(text.index_text(value), weight) for value, weight in texts], for_autocomplete)

    @cached_property
    def body(self):
        """Every searchable text, the title included: one vector answers whether a page matches, through its
        GIN index, instead of concatenating title and body vectors for every row of every search."""
        texts = [
            (value, weight)
            for field in self.search_fields
            for current, weight, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField)
        ]
        return self.as_vector(texts)


    @cached_property
    def title(self):
        """Each title value between the begin and end markers (text.title_index_text), already segmented."""
        texts = [
            (text.title_index_text([value]), weight)
            for field in self.search_fields
            for current, weight, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField) and current.field_name == "title"
        ]
        if is_demoted(self.obj):  # in the title, not the body: checking a small title costs no de-TOASTing of a body
            texts.append((DEMOTED_TOKEN, "D"))
        return ObjectIndexer.as_vector(self, texts)


class ChinesePostgresIndex(SegmentingIndexMixin, PostgresIndex):
    indexer_class = ChineseObjectIndexer

    def add_items(self, model, objs):
        # As modelsearch's PostgresIndex.add_items, with the segmenting indexer.
        prepared = self.prepare_indexers(model, objs)
        if prepared is None:
            return
        indexers, content_type_pk = prepared
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            values = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                values.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {values[0]}, {values[1]}, {values[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )

    def _refresh_title_norms(self, full=False):
        # As for SQLite: a full-table scan per save for a norm our ranking does not read (ts_rank normalises).
        pass


class Matches(Func):
    """vector @@ query, as a boolean expression usable in When()."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class ChinesePostgresSearchQueryCompiler(SegmentingCompilerMixin, PostgresSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    TITLE_BOOST = 2.0

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Prefix):
            return SearchQuery(Lexeme(query.query_string, invert=invert, prefix=True), search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None, **kwargs):
        if self.nothing_to_search:
            return self.queryset.none()
        if self.fields is not None or isinstance(self.query, (MatchAll, Not, Fuzzy)):
            return super().search(config, start, stop, score_field=score_field, backend=backend, **kwargs)
        query = self.build_tsquery(self.query, config=config)
        title, body = F("index_entries__title"), F("index_entries__body")
        queryset = self.queryset.filter(index_entries__body=query)
        rank = (
            SearchRank(title, query, weights=self.sql_weights) * self.TITLE_BOOST
            + SearchRank(body, query, weights=self.sql_weights)
        )
        if self.all_terms_query is not None:
            all_terms = self.build_tsquery(self.all_terms_query, config=config)
            rank = rank + Case(When(Matches(body, all_terms), then=Value(self.ALL_TERMS_BONUS)), default=Value(0.0), output_field=FloatField())
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


class ChinesePostgresAutocompleteQueryCompiler(SegmentingCompilerMixin, PostgresAutocompleteQueryCompiler):
    autocomplete = True


class _PreparingCursor(psycopg.Cursor if psycopg else object):
    """A psycopg cursor that binds parameters on the server and prepares each statement text on first use, so that a
    connection plans the search statement once per query shape, not on every search (planning was close to half of
    the statement's time on the demo site). Django's own cursors bind on the client and cannot prepare."""

    def execute(self, query, params=None, *, prepare=True, binary=None):
        return super().execute(query, params, prepare=prepare, binary=binary)


class ChinesePostgresSearchResults(OneStatementResultsMixin, PostgresSearchResults):
    def fetch_rows(self, connection, sql, params):
        connection.ensure_connection()
        raw = connection.connection
        # Only where the site allows prepared statements (Django's OPTIONS "prepare_threshold"; off by default, as
        # a transaction-mode connection pooler older than PgBouncer 1.21 loses them between transactions).
        if psycopg is None or not isinstance(raw, psycopg.Connection) or raw.prepare_threshold is None:
            return super().fetch_rows(connection, sql, params)
        # In Django's cursor wrapper, as connection.cursor() wraps its own: execute_wrapper() and the query log
        # (tests' query counts, the debug toolbar) see it like any other query.
        connection.validate_thread_sharing()
        wrap = connection.make_debug_cursor if connection.queries_logged else connection.make_cursor
        with wrap(_PreparingCursor(raw)) as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def statement_parts(self, compiler):
        config = compiler.get_config(self.backend)
        tsquery = "(SELECT to_tsquery(%s::regconfig, %s))"

        def source(query):
            return f'FROM "{IndexEntry._meta.db_table}" e WHERE e.body @@ {tsquery}', [config, tsquery_text(query)]

        any_source = source(compiler.query)
        any_terms, weights = any_source[1], compiler.sql_weights
        score_sql = f"ts_rank(%s::float4[], e.title, {tsquery}) * {compiler.TITLE_BOOST} + ts_rank(%s::float4[], e.body, {tsquery})"
        score_params = [weights, *any_terms, weights, *any_terms]
        all_source = None
        strict = compiler.query
        if compiler.all_terms_query is not None:
            all_source = source(compiler.all_terms_query)
            strict = compiler.all_terms_query
            score_sql += f" + CASE WHEN e.body @@ {tsquery} THEN {compiler.ALL_TERMS_BONUS} ELSE 0 END"
            score_params += all_source[1]
            if len(compiler.query_words or ()) > 1:
                # The words close together (结婚登记 … 户口簿, 无偿献血制度): as SQLite's NEAR, a passage about exactly this.
                score_sql += f" + CASE WHEN e.body @@ {tsquery} THEN {compiler.ALL_TERMS_BONUS} ELSE 0 END"
                score_params += [config, near_tsquery(compiler.query_words)]
        score_sql += (f" + CASE WHEN e.title @@ {tsquery} THEN {compiler.TITLE_BONUS} ELSE 0 END"
                      f" - CASE WHEN e.title @@ {tsquery} THEN {compiler.DEMOTED_PENALTY} ELSE 0 END")
        score_params += [config, tsquery_text(strict), config, DEMOTED_TOKEN]
        for unit, weight in zip(compiler.unit_queries or (), compiler.unit_weights or ()):
            score_sql += f" + CASE WHEN e.title @@ {tsquery} THEN {round(compiler.TITLE_WORDS_BONUS * weight, 3)} ELSE 0 END"
            score_params += [config, tsquery_text(unit)]
        exact = [text.marked_title(value) for value in compiler.exact_texts]
        if exact:
            matches = " OR ".join("e.title @@ (SELECT phraseto_tsquery(%s::regconfig, %s))" for _phrase in exact)
            score_sql += f" + CASE WHEN {matches} THEN {compiler.EXACT_TITLE_BONUS} ELSE 0 END"
            score_params += [value for phrase in exact for value in (config, phrase)]
        return (score_sql, score_params), any_source, all_source, False


class ChinesePostgresSearchBackend(CountLimitMixin, PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex
    results_class = ChinesePostgresSearchResults

    def __init__(self, params):
        # Tokens arrive already segmented and normalised: 'simple' keeps them as they are (no English stemming).
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)
