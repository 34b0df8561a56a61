"""packages/wagtail-chinese-search/README.md, followed on a fresh `wagtail start` project: the package installed from
this working tree, the README's two settings lines added, the 830 regulations imported as plain pages, then the
known-item benchmark (benchmarks/queries.jsonl) run against it: at least the BM25 reference, as in this site."""

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.plugin.conftest import ROOT, run

pytestmark = pytest.mark.slow

MODELS = '''from django.db import models
from wagtail.models import Page
from wagtail.search import index


class RegulationPage(Page):
    body = models.TextField(blank=True)

    search_fields = Page.search_fields + [index.SearchField("body")]
'''

IMPORT = r'''
import gzip, json, sys
import django
django.setup()
from django.db import transaction
from wagtail.models import Page
from regulations.models import RegulationPage

home = Page.objects.get(depth=2)
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as corpus, transaction.atomic():
    for number, line in enumerate(corpus):
        row = json.loads(line)
        home.add_child(instance=RegulationPage(title=row["title"], slug=f"r{number}", body="\n".join(row["history"] + [row["body"]])))
'''

SEARCH = r'''
import json, sys
import django
django.setup()
from regulations.models import RegulationPage

queries = json.loads(sys.stdin.read())
print(json.dumps({q: [p.title for p in RegulationPage.objects.live().search(q)[:10]] for q in queries}, ensure_ascii=False))
'''


def scores(results, queries):
    """(Success@10, MRR) of {query: titles} against the known items."""
    hits, reciprocal = 0, 0.0
    for query in queries:
        titles = results[query["query"]][:10]
        if query["title"] in titles:
            hits += 1
            reciprocal += 1 / (titles.index(query["title"]) + 1)
    return hits, round(reciprocal / len(queries), 3)


def test_the_search_package_in_a_fresh_wagtail_start_project(tmp_path, fresh_venv):
    python, env = fresh_venv
    env = {**env, "DJANGO_SETTINGS_MODULE": "chinesesite.settings.dev"}
    wagtail = str(Path(python).parent / "wagtail")
    site = tmp_path / "site"
    site.mkdir()
    run([wagtail, "start", "chinesesite", "."], site, env)

    readme = (ROOT / "packages" / "wagtail-chinese-search" / "README.md").read_text(encoding="utf-8")
    lines = re.search(r"<!-- readme-settings -->\s*```python\n(.*?)```", readme, re.S).group(1)
    assert len(lines.strip().splitlines()) == 2  # the README promises two lines
    (site / "regulations").mkdir()
    (site / "regulations" / "__init__.py").write_text("")
    (site / "regulations" / "models.py").write_text(MODELS)
    settings = site / "chinesesite" / "settings" / "base.py"
    settings.write_text(settings.read_text() + "\nINSTALLED_APPS += [\"regulations\"]\n" + lines)

    run([python, "manage.py", "makemigrations", "regulations", "-v0"], site, env)
    run([python, "manage.py", "migrate", "-v0"], site, env)
    corpus = ROOT / "demo" / "data" / "regulations.jsonl.gz"
    run([python, "-c", IMPORT, str(corpus)], site, env, timeout=1200)

    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        documents = [json.loads(line) for line in handle]
    titles = {row["title"] for row in documents}
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from search_relevance import BM25Reference, load_queries

    queries = [query for query in load_queries() if query["title"] in titles]
    assert len(queries) >= 50  # most known items are regulations; the rest are government work reports
    found = subprocess.run([python, "-c", SEARCH], cwd=site, env=env, input=json.dumps([q["query"] for q in queries]),
                           capture_output=True, text=True, timeout=600, check=True)
    ours = scores(json.loads(found.stdout.strip().splitlines()[-1]), queries)
    reference = BM25Reference([(row["id"], row["title"], "\n".join(row["history"] + [row["body"]])) for row in documents])
    bm25 = scores({q["query"]: reference.search(q["query"]) for q in queries}, queries)
    print(f"\n{len(queries)} queries over {len(documents)} regulations in a wagtail start project: "
          f"wagtail-chinese-search S@10 {ours[0]}, MRR {ours[1]}; BM25 reference S@10 {bm25[0]}, MRR {bm25[1]}")
    assert ours[0] >= bm25[0] and ours[1] >= bm25[1], (ours, bm25)
