"""Shared set-up for the benchmarks: a scratch database of their own, never the site's."""

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("GONGKAI_CORPORA_DIR", ROOT.parent / "shared" / "corpora"))


def setup_django(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = database_url
    if database_url.startswith("postgres"):
        import psycopg

        admin_url, name = database_url.rsplit("/", 1)
        with psycopg.connect(admin_url + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    elif database_url.startswith("sqlite:///"):
        path = Path(database_url[len("sqlite:///"):])
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def read_corpus(name):
    with open(CORPORA / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_documents():
    """(key, title, text) for every regulation and government work report."""
    docs = []
    for row in read_corpus("regulations.jsonl"):
        # The history lines (题注) carry the 文号 and dates, as on the document page.
        docs.append((f"regulation:{row['id']}", row["title"], "\n".join(row["history"] + [row["body"]])))
    for number, row in enumerate(read_corpus("government_work_reports.jsonl"), start=1):
        docs.append((f"report:{number}", row["title"], row["content"]))
    return docs


def corpus_import_lines(parent_key):
    """Import lines for the corpora as the demo loads them: regulations with their history, date and category, so
    the importer derives 文号, issuer and validity (an older version of a title is marked 失效)."""
    lines = []
    for row in read_corpus("regulations.jsonl"):
        lines.append({"type": "document", "key": f"regulation:{row['id']}", "parent": parent_key, "title": row["title"],
                      "body": row["body"], "body_format": "text", "history": row["history"], "date": row["date"],
                      "category": row["category"], "subcategory": row["subcategory"]})
    for number, row in enumerate(read_corpus("government_work_reports.jsonl"), start=1):
        lines.append({"type": "document", "key": f"report:{number}", "parent": parent_key, "title": row["title"],
                      "body": row["content"], "body_format": "text"})
    return lines


def write_readme_section(marker, body):
    """Replace the text between <!-- marker --> and <!-- /marker --> in the README."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _m: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def make_home():
    """A fresh site: the home page as the default site's root."""
    from wagtail.models import Page, Site

    from home.models import HomePage

    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(instance=HomePage(title="首页", slug="home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


def analyse_tables():
    """Refresh the query planner's statistics, as a production database's autovacuum (or a DBA) would: without
    them PostgreSQL plans a freshly filled index table as if it were empty. Counted in the build time."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
