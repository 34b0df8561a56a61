"""Known-item search relevance over the corpora: this project's Chinese search, Wagtail's stock database
backend, and a plain BM25 over jieba tokens as the reference, all in the same run and on the same data.

    .venv/bin/python benchmarks/search_relevance.py [--database-url URL] [--write-readme]

Each query in queries.jsonl names the document a citizen is looking for; a query succeeds when a page with
that title is in the first 10 results. Reported: Success@10 and MRR (reciprocal rank of the first hit, 0
beyond 10), and each as a ratio to the BM25 reference."""

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from _setup import Timer, analyse_tables, corpus_documents, make_home, percentile, setup_django, write_readme_section

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
        self.titles = []
        self.tfs = []
        df = Counter()
        for _key, title, text in documents:
            tokens = self.tokens(title + "\n" + text)
            tf = Counter(tokens)
            self.titles.append(title)
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
        return [self.titles[index] for _score, index in scores[:limit]]

def evaluate(search, queries):
    hits, reciprocal, latencies, misses = 0, 0.0, [], []
    for query in queries:
        with Timer() as timer:
            titles = search(query["query"])
        latencies.append(timer.seconds * 1000)
        rank = next((position for position, title in enumerate(titles[:10], start=1) if title == query["title"]), None)
        if rank:
            hits += 1
            reciprocal += 1 / rank
        else:
            misses.append(query["query"])
    count = len(queries)
    return {"success": hits / count, "mrr": reciprocal / count, "hits": hits, "count": count,
            "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95), "misses": misses}

def import_pages(documents):
    from gongkai.disclosure.topics import ensure_default_topics
    from gongkai.importer.service import ContentImporter

    home = make_home()
    ensure_default_topics(home.locale)
    lines = [json.dumps({"type": "column", "key": "column:bench", "title": "文件", "slug": "bench", "kind": "catalogue"})]
    for key, title, text in documents:
        lines.append(json.dumps({"type": "document", "key": key, "parent": "column:bench", "title": title,
                                 "body": text, "body_format": "text"}, ensure_ascii=False))
    result = ContentImporter(parent=home).run(lines)
    assert result.failed == 0, result.errors[:5]

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
            import_pages(documents)
    print(f"imported in {timer.seconds:.1f} s")

    with Timer() as timer:
        reference = BM25Reference(documents)
    results = {"bm25": evaluate(reference.search, queries)}
    builds = {"bm25": timer.seconds}

    for name, backend in BACKENDS.items():
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": backend}}):
            with Timer() as timer:
                call_command("update_index", verbosity=0)
            analyse_tables()
            builds[name] = timer.seconds

            results[name] = evaluate(lambda text: [p.title for p in Page.objects.live().search(text)[:10]], queries)

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
    table = "\n".join(lines)
    print(table)
    for name in ("gongkai", "stock"):
        print(f"misses ({name}): {', '.join(results[name]['misses']) or 'none'}")
    if args.write_readme:
        write_readme_section(f"bench:search-relevance:{connection.vendor}", table)

if __name__ == "__main__":
    main()
