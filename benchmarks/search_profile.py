"""Where a search page's time goes: one request at a time, in process, with the site's shared parts kept (as in the
load benchmark's "uncached" row: no page cache, so every request runs a real search). For each of the known-item
queries (benchmarks/queries.jsonl) and a bare Django view measured in the same run: the request's time, its SQL
statements and their time, and the time spent in the search backend, in building result rows and in rendering.

    python benchmarks/search_profile.py --database-url postgres://postgres@127.0.0.1:5432/gongkai_bench_http
    [--rounds 3] [--write-readme]

The database must hold the demo site (the load benchmark prepares it: benchmarks/http_load.py)."""

import argparse
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Clock:
    """Time spent inside chosen functions, and in SQL, during one request."""

    def __init__(self):
        self.spent = {}
        self.statements = 0
        self.phase = None  # SQL run inside a timed part counts as that part's, not as the search's

    def add(self, name, seconds):
        self.spent[name] = self.spent.get(name, 0.0) + seconds

    def sql(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements += 1
            self.add("sql" if self.phase is None else f"sql in {self.phase}", time.perf_counter() - start)


CLOCK = None


def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        outer = CLOCK.phase if CLOCK else None
        if CLOCK is not None:
            CLOCK.phase = name
        try:
            return function(*args, **kwargs)
        finally:
            if CLOCK is not None:
                CLOCK.phase = outer
                CLOCK.add(name, time.perf_counter() - start)
    return wrapper


def instrument():
    """Wrap the parts of a search request whose cost the README reports."""
    from django.template.response import TemplateResponse

    from search import results, views

    views.results.result_rows = timed("result rows", results.result_rows)
    TemplateResponse.render = timed("template", TemplateResponse.render)


@contextmanager
def clock():
    global CLOCK
    from django.db import connection

    CLOCK = Clock()
    with connection.execute_wrapper(CLOCK.sql):
        yield CLOCK
    CLOCK = None


def measure(client, url, rounds):
    samples = []
    for _ in range(rounds):
        with clock() as c:
            start = time.perf_counter()
            response = client.get(url)
            total = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        samples.append((total, c))
    return samples


def summary(samples):
    total = statistics.median(s[0] for s in samples)
    parts = {}
    for name in ("sql", "result rows", "template", "sql in result rows", "sql in template"):
        parts[name] = statistics.median(s[1].spent.get(name, 0.0) for s in samples)
    statements = statistics.median(s[1].statements for s in samples)
    return total, parts, statements


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/gongkai_bench_http")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.http_settings"
    os.environ["BENCH_PAGE_CACHE"], os.environ["BENCH_SITE_CACHE"] = "0", "1"
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    import django

    django.setup()
    from django.test import Client
    from search_relevance import load_queries

    instrument()
    client = Client()
    queries = [q["query"] for q in load_queries()]
    for query in queries[:5]:  # warm the worker: dictionary, routes, menus, result cards
        client.get("/search/?query=" + quote(query))
    bare = summary([m for _ in range(len(queries)) for m in measure(client, "/bench/bare/", 1)])
    rows = [summary(measure(client, "/search/?query=" + quote(q), args.rounds)) for q in queries]
    total = statistics.median(r[0] for r in rows)
    parts = {name: statistics.median(r[1][name] for r in rows) for name in rows[0][1]}
    statements = statistics.median(r[2] for r in rows)
    ms = lambda seconds: f"{seconds * 1000:.1f} ms"  # noqa: E731
    lines = [
        f"Median over {len(queries)} known-item queries, {args.rounds} rounds each, in process, page cache off "
        f"({django.db.connection.vendor}).",
        "",
        "| | time | × bare view |",
        "|---|---|---|",
        f"| bare Django view | {ms(bare[0])} | 1.00× |",
        f"| search page, whole request | {ms(total)} | {bare[0] / total:.2f}× |",
        f"| … SQL of the search ({statements:g} statements in all) | {ms(parts['sql'])} | |",
        f"| … result rows: highlighting, snippets (of which SQL) | {ms(parts['result rows'])} ({ms(parts['sql in result rows'])}) | |",
        f"| … template (of which SQL) | {ms(parts['template'])} ({ms(parts['sql in template'])}) | |",
        f"| … the rest (form, filters, query rewriting, ORM compilation, middleware) | "
        f"{ms(total - parts['sql'] - parts['result rows'] - parts['template'])} | |",
    ]
    print("\n".join(lines))
    if args.write_readme:
        from _setup import write_readme_section

        write_readme_section(f"search-profile-{django.db.connection.vendor}", "\n".join(lines))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
