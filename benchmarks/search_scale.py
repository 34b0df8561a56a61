"""Search at scale: 100,000 pages cut from the corpora (paragraphs, chapters and whole texts), indexed by
Wagtail's stock database backend and by this project's Chinese search; index build time and query latency
over the known-item query set, measured in the same run on the same data.

    .venv/bin/python benchmarks/search_scale.py [--pages 100000] [--database-url URL] [--write-readme]

Pages are inserted in bulk (as rows of the page tables, with valid tree paths): creating 100,000 pages through
Wagtail's page API would take hours and is not what is measured here."""

import argparse
import json
import re
import uuid

from _setup import Timer, analyse_tables, make_home, percentile, read_corpus, setup_django, write_readme_section
from search_relevance import BACKENDS, load_queries

ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base36(number, width=4):
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return digits.rjust(width, "0")


def split_corpora(limit):
    """(title, text) pieces: paragraphs, chapters and whole texts of every regulation and report."""
    paragraphs, chapters, wholes = [], [], []
    for row in read_corpus("regulations.jsonl"):
        title = row["title"]
        wholes.append((title, row["body"]))
        chapter_title, chapter_text, article = None, [], None
        for para in (p.strip() for p in row["body"].split("\n\n")):
            if not para:
                continue
            if para.startswith("## "):
                if chapter_title:
                    chapters.append((f"《{title}》{chapter_title}", "\n".join(chapter_text)))
                chapter_title, chapter_text = para[3:].strip(), []
                continue
            chapter_text.append(para)
            match = ARTICLE.match(para)
            article = match.group(0) if match else article
            paragraphs.append((f"《{title}》{article or '正文'}", para))
        if chapter_title:
            chapters.append((f"《{title}》{chapter_title}", "\n".join(chapter_text)))
    for row in read_corpus("government_work_reports.jsonl"):
        wholes.append((row["title"], row["content"]))
        for number, para in enumerate((p.strip() for p in row["content"].split("\n") if p.strip()), start=1):
            paragraphs.append((f"{row['title']}（第{number}段）", para))
    pieces = wholes + chapters + paragraphs
    while len(pieces) < limit:  # top up with repeated paragraphs, marked as such
        pieces += [(f"{t}（重复）", x) for t, x in paragraphs[: limit - len(pieces)]]
    return pieces[:limit]


def bulk_insert(pieces):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from gongkai.columns.models import ColumnPage
    from gongkai.news.models import ArticlePage

    home = make_home()
    column = home.add_child(instance=ColumnPage(title="语料", slug="corpus"))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    with transaction.atomic():
        batch = 5000
        for offset in range(0, len(pieces), batch):
            chunk = pieces[offset:offset + batch]
            pages = Page.objects.bulk_create([
                Page(
                    title=title[:255], draft_title=title[:255], slug=f"p{offset + i}", path=column.path + base36(offset + i + 1),
                    depth=column.depth + 1, numchild=0, url_path=f"{column.url_path}p{offset + i}/", live=True,
                    content_type=content_type, locale=locale, translation_key=uuid.uuid4(), first_published_at=now,
                    last_published_at=now,
                )
                for i, (title, _text) in enumerate(chunk)
            ])
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO gongkai_core_listedpage (page_ptr_id, date, pinned, featured, summary) VALUES (%s, %s, %s, %s, %s)",
                    [(page.pk, now.date(), False, False, "") for page in pages],
                )
                cursor.executemany(
                    "INSERT INTO gongkai_news_articlepage (listedpage_ptr_id, source, author, body, attachments) VALUES (%s, %s, %s, %s, %s)",
                    [
                        (page.pk, "", "", json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}],
                                                     ensure_ascii=False), "[]")
                        for page, (_title, text) in zip(pages, chunk, strict=True)
                    ],
                )
        Page.objects.filter(pk=column.pk).update(numchild=len(pieces))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--database-url", default="sqlite:////tmp/gongkai-bench-scale.sqlite3")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings
    from wagtail.models import Page

    pieces = split_corpora(args.pages)
    with Timer() as timer:
        bulk_insert(pieces)
    characters = sum(len(text) for _title, text in pieces)
    print(f"{len(pieces)} pages ({characters / 1e6:.1f} M characters) inserted in {timer.seconds:.1f} s ({connection.vendor})")

    queries = load_queries()
    rows = {}
    for name, backend in BACKENDS.items():
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": backend}}):
            with Timer() as build:
                call_command("update_index", verbosity=0)
            analyse_tables()
            latencies, found = [], 0
            for round_ in range(2):  # the first round warms caches; the second is measured
                for query in queries:
                    with Timer() as timer:
                        results = Page.objects.live().search(query["query"])[:10]
                        titles = [page.title for page in results]
                    if round_:
                        latencies.append(timer.seconds * 1000)
                        found += bool(titles)
            # The first 70 queries are the set measured before the query file grew (README figures before 0.2.0).
            first = latencies[:70]
            rows[name] = {"build": build.seconds, "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95),
                          "found": found, "p50_70": percentile(first, 0.5), "p95_70": percentile(first, 0.95)}
            print(name, rows[name])

    stock = rows["stock"]
    lines = [
        f"Scale, {len(pieces):,} pages ({characters / 1e6:.1f} M characters), {len(queries)} queries ({connection.vendor}):",
        "",
        "| backend | index build | ratio to stock | query p50 | query p95 | p50 / p95, first 70 queries | queries with results |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, label in (("gongkai", "Gongkai Chinese search"), ("stock", "Wagtail database backend (stock)")):
        r = rows[name]
        lines.append(f"| {label} | {r['build']:.0f} s | {r['build'] / stock['build']:.2f} | {r['p50']:.1f} ms | "
                     f"{r['p95']:.1f} ms | {r['p50_70']:.1f} / {r['p95_70']:.1f} ms | {r['found']}/{len(queries)} |")
    table = "\n".join(lines)
    print(table)
    if args.write_readme:
        write_readme_section(f"bench:search-scale:{connection.vendor}", table)


if __name__ == "__main__":
    main()
