"""docs/plugin.md, followed on a fresh `wagtail start` project: the gongkai package installed from this working
tree into a new virtual environment, the documented settings, URL and commands applied, a few regulations and the
annual report example of docs/import.md imported, then the pages a reader asks for served."""

import gzip
import json
import re
import shlex
from pathlib import Path

import pytest

from tests.plugin.conftest import run

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

FETCH = r"""
import json
import django
django.setup()
from django.test import Client
from gongkai.disclosure.models import DocumentPage
from gongkai.reports.models import AnnualReportPage

client = Client()
document = DocumentPage.objects.live().order_by("pk").first()
report = AnnualReportPage.objects.live().get(year=2021)
pages = {"document": document.url, "report": report.url, "catalogue": document.get_parent().url, "apply": "/apply/",
         "feed": document.get_parent().url + "feed/rss/", "mailbox": "/mailbox/", "home": "/"}
out = {}
for name, url in pages.items():
    response = client.get(url)
    out[name] = {"status": response.status_code, "type": response["Content-Type"], "text": response.content.decode()}
out["index_number"] = document.index_number
out["document_title"] = document.title
print(json.dumps(out, ensure_ascii=False))
"""


def _block(text, marker):
    body = re.search(rf"<!-- {marker} -->\s*```\w+\n(.*?)```", text, re.S).group(1)
    return "\n".join(line[3:] if line.startswith("   ") else line for line in body.splitlines()) + "\n"


def test_the_apps_install_into_a_fresh_wagtail_start_project(tmp_path, fresh_venv):
    python, env = fresh_venv
    env = dict(env)
    venv = Path(python).parent.parent
    site = tmp_path / "site"
    site.mkdir()
    run([str(venv / "bin" / "wagtail"), "start", "mysite", "."], site, env)
    assert (site / "home").is_dir() and (site / "search").is_dir()  # wagtail start's own apps, next to ours

    doc = (ROOT / "docs" / "plugin.md").read_text(encoding="utf-8")
    settings_file = site / "mysite" / "settings" / "base.py"
    settings_file.write_text(settings_file.read_text() + "\n" + _block(doc, "plugin-settings"))
    urls = site / "mysite" / "urls.py"
    text = urls.read_text()
    assert '    path("", include(wagtail_urls)),' in text
    urls.write_text(text.replace('    path("", include(wagtail_urls)),',
                                 "    " + _block(doc, "plugin-urls").strip() + '\n    path("", include(wagtail_urls)),'))

    env["DJANGO_SETTINGS_MODULE"] = "mysite.settings.dev"
    for line in _block(doc, "plugin-commands").splitlines():
        if line.strip():
            command = shlex.split(line)
            assert command[:2] == ["python", "manage.py"]
            run([python, *command[1:]], site, env)

    with gzip.open(ROOT / "demo" / "data" / "regulations.jsonl.gz", "rt", encoding="utf-8") as corpus:
        regulations = [next(corpus) for _ in range(5)]
    (tmp_path / "regulations.jsonl").write_text("".join(regulations), encoding="utf-8")
    run([python, "manage.py", "import_content", str(tmp_path / "regulations.jsonl"), "--parent", "column:statutory"], site, env)
    example = re.search(r"```json\n(\{\"type\": \"annual_report\".*?)\n```", (ROOT / "docs" / "import.md").read_text(encoding="utf-8"), re.S)
    (tmp_path / "report.jsonl").write_text(json.dumps(json.loads(example.group(1)), ensure_ascii=False) + "\n", encoding="utf-8")
    run([python, "manage.py", "import_content", str(tmp_path / "report.jsonl")], site, env)

    pages = json.loads(run([python, "-c", FETCH], site, env).strip().splitlines()[-1])
    assert {name: page["status"] for name, page in pages.items() if isinstance(page, dict)} == dict.fromkeys(
        ["document", "report", "catalogue", "apply", "feed", "mailbox", "home"], 200)
    assert pages["index_number"] and pages["index_number"] in pages["document"]["text"]
    assert "一、本年新收政府信息公开申请数量" in pages["report"]["text"] and "勾稽关系" in pages["report"]["text"]  # 表三
    assert pages["document_title"] in pages["catalogue"]["text"]
    assert pages["feed"]["type"].startswith("application/rss+xml") and pages["document_title"] in pages["feed"]["text"]
    assert "依申请公开" in pages["apply"]["text"] or "政府信息公开申请" in pages["apply"]["text"]
