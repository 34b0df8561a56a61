from django.db.models import Expression, FloatField, Func, TextField
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
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
from modelsearch.index import SearchField

from .. import text
from .base import DEMOTED_TOKEN, SegmentingCompilerMixin, SegmentingIndexerMixin, SegmentingIndexMixin, is_demoted
from .query import Prefix
from .statement import CountLimitMixin, OneStatementResultsMixin, fts5_text

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# Column weights for FTS5's bm25, in the table's column order (autocomplete, body, title).
COLUMN_WEIGHTS = (0.0, 1.0, 6.0)
# How many tokens apart the words of a query may stand to count as "close together".
NEAR_DISTANCE = 8


class ChineseObjectIndexer(SegmentingIndexerMixin, ObjectIndexer):
    @cached_property
    def title(self):
        title = text.title_index_text(
            value for field in self.search_fields for current, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField) and current.field_name == "title")
        return f"{title} {DEMOTED_TOKEN}" if is_demoted(self.obj) else title

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


class ChineseSQLiteSearchResults(OneStatementResultsMixin, SQLiteSearchResults):
    def statement_parts(self, compiler):
        fts, entries = FTS_TABLE, IndexEntry._meta.db_table
        columns = "{" + " ".join(compiler.FTS_TABLE_FIELDS) + "}"

        def source(query):
            match = f"{columns} : ({fts5_text(query)})"
            return f'FROM {fts} JOIN "{entries}" e ON {fts}.rowid = e.id WHERE {fts} MATCH %s', [match]

        def bonus(match, points):
            return f"CASE WHEN {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) THEN {points} ELSE 0 END", [match]

        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        score_sql, score_params = f"bm25({fts}, {weights})", []
        all_source = None
        strict = compiler.query
        if compiler.all_terms_query is not None:
            all_source = source(compiler.all_terms_query)
            strict = compiler.all_terms_query
            near = f"{columns} : (NEAR(" + " ".join(fts_string(word) for word in compiler.query_words) + f", {NEAR_DISTANCE}))"
            for match in (all_source[1][0], near):
                tier, tier_params = bonus(match, compiler.ALL_TERMS_BONUS)
                score_sql += f" - {tier}"
                score_params += tier_params
        # Lower is better in bm25: bonuses are subtracted, the penalty added.
        marks = [(f"{{title}} : ({fts5_text(strict)})", compiler.TITLE_BONUS, "-"),
                 (f'{{title}} : "{DEMOTED_TOKEN}"', compiler.DEMOTED_PENALTY, "+")]
        for unit, weight in zip(compiler.unit_queries or (), compiler.unit_weights or ()):
            marks.append((f"{{title}} : ({fts5_text(unit)})", round(compiler.TITLE_WORDS_BONUS * weight, 3), "-"))
        exact = [text.marked_title(value) for value in compiler.exact_texts]
        if exact:
            marks.append(("{title} : (" + " OR ".join(fts_string(phrase) for phrase in exact) + ")", compiler.EXACT_TITLE_BONUS, "-"))
        for match, points, sign in marks:
            tier, tier_params = bonus(match, points)
            score_sql += f" {sign} {tier}"
            score_params += tier_params
        return (score_sql, score_params), source(compiler.query), all_source, True


class ChineseSQLiteSearchBackend(CountLimitMixin, SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults
