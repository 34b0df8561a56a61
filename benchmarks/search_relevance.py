"""Known-item search relevance over the corpora: this project's Chinese search, Wagtail's stock database
backend, and a plain BM25 over jieba tokens as the reference, all in the same run and on the same data.

    .venv/bin/python benchmarks/search_relevance.py [--database-url URL] [--write-readme]

Each query in queries.jsonl names the document a citizen is looking for, and its kind (how it was typed: title
words, a 简称, Chinese numerals, Taiwan wording, a homophone typo, an everyday word, a question...). A query
succeeds when a page with that title is in the first 10 results; a "current version" query only when the version
in force is (its "key"; the older version of the same title is imported as 失效). Reported: Success@10 and MRR
(reciprocal rank of the first hit, 0 beyond 10), overall and per kind, and each as a ratio to the BM25 reference."""

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from _setup import Timer, analyse_tables, corpus_documents, corpus_import_lines, make_home, percentile, setup_django, write_readme_section

HERE = Path(__file__).resolve().parent
BACKENDS = {
    "stock": "wagtail.search.backends.database",
    "gongkai": "wagtail_chinese_search.backends.database",
}

def load_queries():
    with open(HERE / "queries.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]

class BM25Reference:
    """Okapi BM25 (k1=1.2, b=0.75) over rjieba's default cut (jieba's dictionary) of title and text."""

    def __init__(self, documents, k1=1.2, b=0.75):
        import rjieba

        self.cut = rjieba.cut
        self.k1, self.b = k1, b
        self.keys = []
        self.tfs = []
        df = Counter()
        for key, title, text in documents:
            tokens = self.tokens(title + "\n" + text)
            tf = Counter(tokens)
            self.keys.append(key)
            self.tfs.append((tf, len(tokens)))
            df.update(tf.keys())
        self.n = len(documents)
        self.avgdl = sum(length for _tf, length in self.tfs) / self.n
        self.idf = {term: math.log(1 + (self.n - freq + 0.5) / (freq + 0.5)) for term, freq in df.items()}

    def tokens(self, text):
        return [token for token in self.cut(text.lower()) if token.strip() and any(ch.isalnum() for ch in token)]

    def search(self, query, limit=10):
        terms = set(self.tokens(query))
        scores = []
        for index, (tf, length) in enumerate(self.tfs):
            score = 0.0
            for term in terms:
                freq = tf.get(term)
                if freq:
                    score += self.idf[term] * freq * (self.k1 + 1) / (freq + self.k1 * (1 - self.b + self.b * length / self.avgdl))
            if score:
                scores.append((score, index))
        scores.sort(reverse=True)
        return [self.keys[index] for _score, index in scores[:limit]]

def evaluate(search, queries, titles):
    """search(text) → result keys, best first; titles: key → title."""
    ranks, latencies = [], []
    for query in queries:
        with Timer() as timer:
            keys = search(query["query"])
        latencies.append(timer.seconds * 1000)
        wanted = (lambda key: key == query["key"]) if "key" in query else (lambda key: titles.get(key) == query["title"])
        ranks.append(next((position for position, key in enumerate(keys[:10], start=1) if wanted(key)), None))
    return {"ranks": ranks, "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95),
            **summary(ranks), "misses": [q["query"] for q, rank in zip(queries, ranks) if not rank]}


def summary(ranks):
    hits = sum(1 for rank in ranks if rank)
    return {"hits": hits, "count": len(ranks), "success": hits / len(ranks) if ranks else 0.0,
            "mrr": sum(1 / rank for rank in ranks if rank) / len(ranks) if ranks else 0.0}


def import_pages():
    from gongkai.disclosure.topics import ensure_default_topics
    from gongkai.importer.models import ImportedPage
    from gongkai.importer.service import ContentImporter

    home = make_home()
    ensure_default_topics(home.locale)
    lines = [json.dumps({"type": "column", "key": "column:bench", "title": "文件", "slug": "bench", "kind": "catalogue"})]
    lines += [json.dumps(line, ensure_ascii=False) for line in corpus_import_lines("column:bench")]
    result = ContentImporter(parent=home).run(lines)
    assert result.failed == 0, result.errors[:5]
    return dict(ImportedPage.objects.values_list("page_id", "key"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:////tmp/gongkai-bench-relevance.sqlite3")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings
    from wagtail.models import Page

    queries = load_queries()
    documents = corpus_documents()
    print(f"{len(documents)} documents, {len(queries)} queries, database: {connection.vendor}")

    with override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": BACKENDS["stock"], "AUTO_UPDATE": False}}):
        with Timer() as timer:
            keys = import_pages()
    print(f"imported in {timer.seconds:.1f} s")

    with Timer() as timer:
        reference = BM25Reference(documents)
    titles = {key: title for key, title, _text in documents}
    results = {"bm25": evaluate(reference.search, queries, titles)}
    builds = {"bm25": timer.seconds}

    for name, backend in BACKENDS.items():
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": backend}}):
            with Timer() as timer:
                call_command("update_index", verbosity=0)
            analyse_tables()
            builds[name] = timer.seconds

            results[name] = evaluate(lambda text: [keys.get(p.pk) for p in Page.objects.live().search(text)[:10]], queries,
                                     titles)

    base = results["bm25"]
    lines = [
        f"Known-item search, {len(queries)} queries over {len(documents)} documents ({connection.vendor}):",
        "",
        "| engine | Success@10 | MRR | ratio to BM25 (S@10 / MRR) | index build | query p50 / p95 |",
        "|---|---|---|---|---|---|",
    ]
    labels = {"bm25": "BM25 over jieba tokens (reference, in memory)", "stock": "Wagtail database backend (stock)",
              "gongkai": "Gongkai Chinese search"}
    for name in ("gongkai", "stock", "bm25"):
        r = results[name]
        lines.append(
            f"| {labels[name]} | {r['hits']}/{r['count']} = {r['success']:.3f} | {r['mrr']:.3f} | "
            f"{r['success'] / base['success']:.2f} / {r['mrr'] / base['mrr']:.2f} | {builds[name]:.1f} s | "
            f"{r['p50']:.1f} / {r['p95']:.1f} ms |"
        )
    kinds = sorted({query["kind"] for query in queries}, key=lambda kind: [q["kind"] for q in queries].index(kind))
    lines += ["", f"Per kind of query (Success@10 / MRR; {connection.vendor}):", "",
              "| kind | queries | Gongkai | stock | BM25 |", "|---|---|---|---|---|"]
    for kind in kinds:
        chosen = [index for index, query in enumerate(queries) if query["kind"] == kind]
        cells = []
        for name in ("gongkai", "stock", "bm25"):
            part = summary([results[name]["ranks"][index] for index in chosen])
            cells.append(f"{part['hits']}/{part['count']} / {part['mrr']:.3f}")
        lines.append(f"| {kind} | {len(chosen)} | {' | '.join(cells)} |")
    table = "\n".join(lines)
    print(table)
    for name in ("gongkai", "stock"):
        print(f"misses ({name}): {', '.join(results[name]['misses']) or 'none'}")
    ours = results["gongkai"]["ranks"]
    weaker = [f"{q['query']} ({ours[i] or '-'} vs {results['bm25']['ranks'][i] or '-'})" for i, q in enumerate(queries)
              if (1 / ours[i] if ours[i] else 0) < (1 / results["bm25"]["ranks"][i] if results["bm25"]["ranks"][i] else 0)]
    print(f"ranked below BM25 (ours vs BM25): {', '.join(weaker) or 'none'}")
    if args.write_readme:
        write_readme_section(f"bench:search-relevance:{connection.vendor}", table)

if __name__ == "__main__":
    main()
