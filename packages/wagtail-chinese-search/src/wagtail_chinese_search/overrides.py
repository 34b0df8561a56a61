"""The modelsearch internals this package overrides or relies on, in one place, each with a fingerprint of the
modelsearch code as tested (modelsearch 1.3.2). tests/test_overrides.py recomputes the fingerprints and fails, naming
each one, when a modelsearch release changes them: read the new code, adjust ours, then update the fingerprint
(`python -m wagtail_chinese_search.overrides` prints the current ones).

Each entry: dotted path in modelsearch → (fingerprint, where this package depends on it)."""

import ast
import hashlib
import importlib.util
from pathlib import Path

TESTED_WITH = "1.3.2"

OVERRIDES = {
    # Indexing: the segmenting indexers replace how each column's text is built.
    "backends.database.sqlite.sqlite.ObjectIndexer.title": ("f8d9261b618d", "backends/sqlite.py ChineseObjectIndexer"),
    "backends.database.sqlite.sqlite.ObjectIndexer.body": ("cb84fe580826", "backends/sqlite.py ChineseObjectIndexer"),
    "backends.database.sqlite.sqlite.ObjectIndexer.autocomplete": ("2795b18e3ecf", "backends/sqlite.py ChineseObjectIndexer"),
    "backends.database.sqlite.sqlite.ObjectIndexer.prepare_value": ("5b860c0872b7", "backends/base.py SegmentingIndexerMixin"),
    "backends.database.sqlite.sqlite.ObjectIndexer.prepare_field": ("70670551c344", "backends/base.py SegmentingIndexerMixin"),
    "backends.database.sqlite.sqlite.SQLiteIndex.add_items": ("c48707b3a2e4", "backends/sqlite.py ChineseSQLiteIndex.add_items"),
    "backends.database.sqlite.sqlite.SQLiteIndex._refresh_title_norms": ("3415f0fdc680", "backends/sqlite.py: skipped"),
    "backends.database.postgres.postgres.ObjectIndexer.as_vector": ("4d7154e593af", "backends/postgres.py ChineseObjectIndexer"),
    "backends.database.postgres.postgres.ObjectIndexer.body": ("2a63d462a3e7", "backends/postgres.py ChineseObjectIndexer"),
    "backends.database.postgres.postgres.ObjectIndexer.title": ("c221d3eeb678", "backends/postgres.py ChineseObjectIndexer: marked titles"),
    "backends.database.postgres.postgres.PostgresIndex.add_items": ("ada217d2c4eb", "backends/postgres.py: the same INSERT, segmented"),
    "backends.database.postgres.postgres.PostgresIndex._refresh_title_norms": ("3415f0fdc680", "backends/postgres.py: skipped"),
    # Querying: query rewriting, ranking and the single statement.
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler.search": ("5aef6c60116e", "backends/base.py SegmentingCompilerMixin.search"),
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler.build_search_query_content": ("28e66fe3c21e", "backends/sqlite.py: Prefix"),
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler.get_search_vectors": ("25e1777463e4", "backends/sqlite.py"),
    "backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler._build_rank_expression": ("7844659b60ed", "backends/sqlite.py WeightedBM25"),
    "backends.database.sqlite.sqlite.SQLiteSearchResults._do_search": ("eaecdef7835e", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.sqlite.sqlite.SQLiteSearchResults._do_count": ("77ff34ffbe13", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.sqlite.query.Lexeme.as_sql": ("13f469c3de50", "backends/statement.py fts5_text quotes terms the same way"),
    "backends.database.sqlite.query.MatchExpression.as_sql": ("7f2109ca4ed8", "backends/statement.py: {columns} : (query)"),
    "backends.database.postgres.postgres.PostgresSearchQueryCompiler.search": ("a2e0aaf1edd1", "backends/postgres.py search"),
    "backends.database.postgres.postgres.PostgresSearchQueryCompiler.build_tsquery_content": ("09bcabaee2a1", "backends/postgres.py: Prefix"),
    "backends.database.postgres.postgres.PostgresSearchResults._do_search": ("cb2489db0b44", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.postgres.postgres.PostgresSearchResults._do_count": ("0a801dedd29c", "backends/statement.py OneStatementResultsMixin"),
    "backends.database.postgres.query.Lexeme.as_sql": ("6471533c6cdd", "backends/statement.py tsquery_text quotes terms the same way"),
    "backends.base.BaseSearchResults._clone": ("8fafa24f2d31", "backends/statement.py: start, stop, _score_field"),
    "backends.base.BaseSearchResults.count": ("7280219af2f1", "backends/statement.py: _count_cache, _do_count"),
    # Tables: the raw SQL writes and reads these columns.
    "abstract_models.BaseIndexEntry": ("2f8fee5173b1", "backends/statement.py FROM, JOIN on object_id"),
    "abstract_models.AbstractPostgresIndexEntry": ("46c234c45981", "backends/postgres.py INSERT; backends/statement.py title, body"),
    "abstract_models.AbstractSQLiteIndexEntry": ("7ffb3a2bba66", "backends/sqlite.py: title, autocomplete, body"),
    "abstract_models.AbstractSQLiteFTSIndexEntry": ("f2664efc44a6", "backends/sqlite.py COLUMN_WEIGHTS: autocomplete, body, title"),
}


def _source(path):
    """The source text of a modelsearch class or method, read from its file without importing it: the SQLite
    module cannot be imported on PostgreSQL (its FTS model exists only there), and each must be checked on both."""
    parts = path.split(".")
    folder = Path(importlib.util.find_spec("modelsearch").origin).parent
    for split, part in enumerate(parts, start=1):
        if (folder / f"{part}.py").is_file():
            origin = folder / f"{part}.py"
            break
        folder = folder / part
    else:
        raise ImportError(path)
    text = origin.read_text(encoding="utf-8")
    nodes = list(ast.walk(ast.parse(text)))  # at any depth: some classes are defined per database, inside an `if`
    for name in parts[split:]:
        node = next((n for n in nodes if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == name), None)
        if node is None:
            raise AttributeError(f"modelsearch.{path}: no {name}")
        nodes = node.body
    return ast.get_source_segment(text, node)


def fingerprint(path):
    return hashlib.sha256(_source(path).encode()).hexdigest()[:12]


def changed():
    """[(path, expected, found, where)] for every override whose modelsearch code differs from the tested one."""
    out = []
    for path, (expected, where) in OVERRIDES.items():
        try:
            found = fingerprint(path)
        except (ImportError, AttributeError, OSError) as error:
            found = f"missing ({error})"
        if found != expected:
            out.append((path, expected, found, where))
    return out


if __name__ == "__main__":
    for path in OVERRIDES:
        print(f'"{path}": "{fingerprint(path)}"')
