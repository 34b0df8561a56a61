"""The modelsearch internals this package overrides or relies on, in one place, each with a fingerprint of the
modelsearch code as tested (modelsearch 1.3.2). tests/test_overrides.py recomputes the fingerprints and fails, naming
each one, when a modelsearch release changes them: read the new code, adjust ours, then update the fingerprint
(`python -m wagtail_chinese_search.overrides` prints the current ones).

Each entry: dotted path in modelsearch → (fingerprint, where this package depends on it)."""

import hashlib
import importlib
import inspect

TESTED_WITH = "1.3.2"

OVERRIDES = {
    # Indexing: the segmenting indexers replace how each column's text is built.
    "backends.database.sqlite.sqlite.ObjectIndexer.title": ("3fb506de8b80", "backends/sqlite.py ChineseObjectIndexer"),
    "backends.database.sqlite.sqlite.ObjectIndexer.body": ("ed438142c66f", "backends/sqlite.py ChineseObjectIndexer"),
    "backends.database.sqlite.sqlite.ObjectIndexer.autocomplete": ("d53845891275", "backends/sqlite.py ChineseObjectIndexer"),
    "backends.database.sqlite.sqlite.ObjectIndexer.prepare_value": ("145e76540460", "backends/base.py SegmentingIndexerMixin"),
    "backends.database.sqlite.sqlite.ObjectIndexer.prepare_field": ("b281946b4e6e", "backends/base.py SegmentingIndexerMixin"),
    "backends.database.sqlite.sqlite.SQLiteIndex.add_items": ("6e4d599997a4", "backends/sqlite.py ChineseSQLiteIndex.add_items"),
    "backends.database.sqlite.sqlite.SQLiteIndex._refresh_title_norms": ("cabf10eb3caa", "backends/sqlite.py: skipped"),
    "backends.database.postgres.postgres.ObjectIndexer.as_vector": ("19f1d48118a0", "backends/postgres.py ChineseObjectIndexer"),
    "backends.database.postgres.postgres.ObjectIndexer.body": ("dbc50b5663b1", "backends/postgres.py ChineseObjectIndexer"),
    "backends.database.postgres.postgres.PostgresIndex.add_items": ("62bf7488351e", "backends/postgres.py: the same INSERT, segmented"),
    "backends.database.postgres.postgres.PostgresIndex._refresh_title_norms": ("cabf10eb3caa", "backends/postgres.py: skipped"),
    # Querying: query rewriting, ranking and the single statement.
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler.search": ("4b214294f362", "backends/base.py SegmentingCompilerMixin.search"),
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler.build_search_query_content": ("75f3d8849457", "backends/sqlite.py: Prefix"),
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler.get_search_vectors": ("66a319706e1e", "backends/sqlite.py"),
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler._build_rank_expression": ("f84d0a4c959b", "backends/sqlite.py WeightedBM25"),
    "backends.database.sqlite.sqlite.SQLiteSearchResults._do_search": ("b176de445aca", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.sqlite.sqlite.SQLiteSearchResults._do_count": ("eb8594999a1b", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.sqlite.query.Lexeme.as_sql": ("993afe7b912b", "backends/statement.py fts5_text quotes terms the same way"),
    "backends.database.sqlite.query.MatchExpression.as_sql": ("dcc1ab37f753", "backends/statement.py: {columns} : (query)"),
    "backends.database.postgres.postgres.PostgresSearchQueryCompiler.search": ("8a732f3f3c61", "backends/postgres.py search"),
    "backends.database.postgres.postgres.PostgresSearchQueryCompiler.build_tsquery_content": ("1a16c13d549d", "backends/postgres.py: Prefix"),
    "backends.database.postgres.postgres.PostgresSearchResults._do_search": ("9fbea120d6f6", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.postgres.postgres.PostgresSearchResults._do_count": ("9f9ff49e9537", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.postgres.query.Lexeme.as_sql": ("d351876c437b", "backends/statement.py tsquery_text quotes terms the same way"),
    "backends.base.BaseSearchResults._clone": ("459c4183d810", "backends/statement.py: start, stop, _score_field"),
    "backends.base.BaseSearchResults.count": ("a0bebd6bed23", "backends/statement.py: _count_cache, _do_count"),
    # Tables: the raw SQL writes and reads these columns.
    "abstract_models.AbstractIndexEntry": ("9122c7cddb0d", "backends/postgres.py INSERT; backends/statement.py FROM"),
    "abstract_models.AbstractSQLiteFTSIndexEntry": ("599e36246103", "backends/sqlite.py COLUMN_WEIGHTS: autocomplete, body, title"),
}


def _resolve(path):
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module("modelsearch." + ".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            obj = inspect.getattr_static(obj, name)
        return obj
    raise ImportError(path)


def fingerprint(path):
    obj = _resolve(path)
    obj = getattr(obj, "func", obj)  # cached_property
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    source = inspect.getsource(obj)
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def changed():
    """[(path, expected, found, where)] for every override whose modelsearch code differs from the tested one."""
    out = []
    for path, (expected, where) in OVERRIDES.items():
        try:
            found = fingerprint(path)
        except (ImportError, AttributeError, OSError, TypeError) as error:
            found = f"missing ({error})"
        if found != expected:
            out.append((path, expected, found, where))
    return out


if __name__ == "__main__":
    for path in OVERRIDES:
        print(f'"{path}": "{fingerprint(path)}"')
