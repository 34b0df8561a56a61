from django.db.models import BigIntegerField, Exists, Expression, FloatField, Func, OuterRef, TextField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import (
    AndNot,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .. import text
from .base import SegmentingCompilerMixin, SegmentingIndexerMixin, SegmentingIndexMixin
from .query import Prefix

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# Column weights for FTS5's bm25, in the table's column order (autocomplete, body, title).
COLUMN_WEIGHTS = (0.0, 1.0, 6.0)
# How many tokens apart the words of a query may stand to count as "close together".
NEAR_DISTANCE = 8


class ChineseObjectIndexer(SegmentingIndexerMixin, ObjectIndexer):
    @cached_property
    def title(self):
        return text.index_text(ObjectIndexer.title.func(self))

    @cached_property
    def body(self):
        return text.index_text(ObjectIndexer.body.func(self))

    @cached_property
    def autocomplete(self):
        return text.index_text(ObjectIndexer.autocomplete.func(self))


class ChineseSQLiteIndex(SegmentingIndexMixin, SQLiteIndex):
    indexer_class = ChineseObjectIndexer

    def add_items(self, model, objs):
        # As modelsearch's SQLiteIndex.add_items, with the segmenting indexer.
        prepared = self.prepare_indexers(model, objs)
        if prepared is None:
            return
        indexers, content_type_pk = prepared
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create([
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, title=title, autocomplete=autocomplete, body=body)
            for object_id, (title, autocomplete, body) in data.items() if object_id not in existing
        ])

    def _refresh_title_norms(self, full=False):
        # modelsearch recomputes every title's length norm over the whole table after each save: a full scan
        # per page indexed. Our ranking (bm25 with column weights) normalises lengths itself and never reads it.
        pass


class RawMatch(Expression):
    """An FTS5 query string, for MatchExpression."""

    def __init__(self, value):
        super().__init__(output_field=TextField())
        self.value = value

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


def fts_string(token):
    return '"' + token.replace('"', '""') + '"'


class WeightedBM25(Func):
    """FTS5 bm25 with title hits weighing more than body hits; lower is better.

    With several words, tiers come first: documents holding all the words close together, then documents
    holding all of them, then documents holding some; bm25 orders each tier."""

    output_field = FloatField()

    def __init__(self, tiers=()):
        self.tiers = tiers  # (MatchExpression, bonus)
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        sql, params = f"bm25({FTS_TABLE}, {weights})", []
        # In a subquery Django aliases the table (U0); rowid must be qualified with the alias in use.
        alias = next((a for a, join in compiler.query.alias_map.items() if join.table_name == FTS_TABLE), FTS_TABLE)
        for match, bonus in self.tiers:
            match_sql, match_params = match.as_sql(compiler, connection)
            sql += f' - CASE WHEN "{alias}".rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {match_sql}) THEN {bonus} ELSE 0 END'
            params.extend(match_params)
        return f"({sql})", params


class ChineseSQLiteSearchQueryCompiler(SegmentingCompilerMixin, SQLiteSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"

    def ranked_index(self, config, all_terms_only=False):
        """Matching index rows with their scores, limited to the rows of the searched queryset, in one query.

        modelsearch filters the queryset by the matching IDs and then scores each row in a correlated
        subquery, which runs the full-text match once per result; this runs it once. Rows of the queryset are
        checked with EXISTS on the primary key: cheaper than materialising every allowed ID per search."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not, AndNot)):
            return None
        if all_terms_only:
            if self.all_terms_query is None:
                return None
            query = self.all_terms_query
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        pk_field = self.queryset.model._meta.pk
        object_pk = OuterRef("index_entry__object_id")
        if pk_field.get_internal_type() in ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField"):
            object_pk = Cast(object_pk, BigIntegerField())
        allowed = self.queryset.order_by().filter(pk=object_pk)
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .filter(Exists(allowed))
            .annotate(score=self._build_rank_expression(None, config))
        )

    def build_search_query_content(self, query, config=None):
        if isinstance(query, Prefix):
            return SearchQueryExpression(Lexeme(query.query_string, prefix=True))
        return super().build_search_query_content(query, config=config)

    def get_search_vectors(self):
        return [(None, 1.0)]

    def _build_rank_expression(self, vectors, config):
        if self.all_terms_query is None:
            return WeightedBM25()
        columns = self.fields or self.FTS_TABLE_FIELDS
        all_terms = MatchExpression(columns, self.build_search_query(self.all_terms_query, config=config))
        near = "NEAR(" + " ".join(fts_string(word) for word in self.query_words) + f", {NEAR_DISTANCE})"
        return WeightedBM25([(all_terms, self.ALL_TERMS_BONUS), (MatchExpression(columns, RawMatch(near)), self.ALL_TERMS_BONUS)])


class ChineseSQLiteAutocompleteQueryCompiler(SegmentingCompilerMixin, SQLiteAutocompleteQueryCompiler):
    autocomplete = True


class ChineseSQLiteSearchResults(SQLiteSearchResults):
    def _ranked_index(self, all_terms_only=False):
        compiler = self.query_compiler
        if compiler.nothing_to_search or not compiler.order_by_relevance or not hasattr(compiler, "ranked_index"):
            return None
        return compiler.ranked_index(compiler.get_config(self.backend), all_terms_only=all_terms_only)

    def _do_search(self):
        if self.query_compiler.nothing_to_search:
            return []
        index = self._ranked_index()
        if index is None:
            return super()._do_search()
        # Documents holding every word rank first. When they alone fill the requested page, rank only them:
        # an OR of common words (条例, 管理) can match most of a large site, and scoring it all is what costs.
        all_terms = self._ranked_index(all_terms_only=True)
        if all_terms is not None and self.stop is not None and all_terms.count() >= self.stop:
            index = all_terms
        rows = list(index.order_by("score", "index_entry__object_id").values_list("index_entry__object_id", "score")[self.start:self.stop])
        to_pk = self.query_compiler.queryset.model._meta.pk.to_python
        ranked = [(to_pk(object_id), score) for object_id, score in rows]
        objects = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=[pk for pk, _score in ranked])}
        results = []
        for pk, score in ranked:
            if pk in objects:
                if self._score_field:
                    setattr(objects[pk], self._score_field, score)
                results.append(objects[pk])
        return results

    def _do_count(self):
        if self.query_compiler.nothing_to_search:
            return 0
        index = self._ranked_index()
        if index is None:
            return super()._do_count()
        total = index.count()
        return max(0, min(total, self.stop or total) - self.start)


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults
