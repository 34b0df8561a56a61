from django.contrib.postgres.search import SearchRank
from django.db.models import BooleanField, Case, FloatField, Func, Value, When
from django.db.models.sql.subqueries import InsertQuery

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_content_type_pk

from search import text

from .base import SegmentingCompilerMixin, SegmentingIndexerMixin


class ChineseObjectIndexer(SegmentingIndexerMixin, ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        return super().as_vector([(text.index_text(value), weight) for value, weight in texts], for_autocomplete)


class ChinesePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # As modelsearch's PostgresIndex.add_items, with the segmenting indexer.
        if not model.get_search_fields():
            return
        indexers = [ChineseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
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
        self._refresh_title_norms()


class Matches(Func):
    """vector @@ query, as a boolean expression usable in When()."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class ChinesePostgresSearchQueryCompiler(SegmentingCompilerMixin, PostgresSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"

    def _build_rank_expression(self, vectors, config):
        # One ts_rank per vector for the whole query. modelsearch nests a ts_rank for every term of every
        # AND/OR, which for a segmented Chinese query means dozens per row.
        query = self.build_tsquery(self.query, config=config)
        rank = None
        for vector, boost in vectors:
            term = SearchRank(vector, query, weights=self.sql_weights) * boost
            rank = term if rank is None else rank + term
        if self.all_terms_query is None:
            return rank
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        all_terms = self.build_tsquery(self.all_terms_query, config=config)
        bonus = Case(When(Matches(combined, all_terms), then=Value(self.ALL_TERMS_BONUS)), default=Value(0.0), output_field=FloatField())
        return rank + bonus


class ChinesePostgresAutocompleteQueryCompiler(SegmentingCompilerMixin, PostgresAutocompleteQueryCompiler):
    autocomplete = True


class ChinesePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex
    results_class = PostgresSearchResults

    def __init__(self, params):
        # Tokens arrive already segmented and normalised: 'simple' keeps them as they are (no English stemming).
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)
