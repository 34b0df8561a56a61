"""The admin speaks Chinese to every role: Wagtail's catalogue gaps are filled, and a walk through the admin as
each demo account finds no English interface string and nothing loaded from another site."""

import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

from tests.admin.untranslated import database_content, english_strings

SKIP = re.compile(r"/logout/|/jsi18n/|/(?:csv|xlsx|json)/|export=|/download|/serve/|/preview|/revisions/\d+/view/"
                  r"|/compare/|/usage/|/media/|/static/|/documents/edit/\d+/.+\.")
# Identifiers in an address (ids, years) do not make a different kind of page: one of each is enough.
PATTERN = re.compile(r"\d+")


def _catalogue_ids(domain):
    """The English msgids of the installed Wagtail apps (wagtail*, wagtail_localize*)."""
    from django.apps import apps

    ids = set()
    for app in apps.get_app_configs():
        if not app.name.startswith("wagtail") or app.name == "wagtail_chinese_search":
            continue
        for po in Path(app.path).glob(f"locale/en/LC_MESSAGES/{domain}.po"):
            text = po.read_text(encoding="utf-8")
            for block in text.split("\n\n"):
                if "msgctxt" in block or "msgid_plural" in block or '#, fuzzy' in block:
                    continue
                match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
                if match:
                    msgid = "".join(re.findall(r'"(.*)"', match.group(1))).encode().decode("unicode_escape").encode("latin-1").decode()
                    words = re.sub(r"%\(\w+\)[sd]|\{\w*\}", "", msgid)
                    if re.search(r"[a-z]{2}", words) and not msgid.startswith("Wagtail API"):
                        ids.add(msgid)
    return ids


def test_every_wagtail_interface_string_has_chinese():
    """A Wagtail upgrade that adds English strings fails here, naming them (gongkai/admin_chinese fills the gaps)."""
    with translation.override("zh-hans"):
        missing = sorted(m for m in _catalogue_ids("django") if translation.gettext(m) == m)
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:10]}"


@pytest.mark.django_db
def test_admin_scripts_get_chinese(client, django_user_model):
    """The admin's JavaScript strings (“Saved”, “Autosave is paused”) come from the script catalogue."""
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw"))
    catalogue = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for english, chinese in (("Autosave in progress…", "正在自动保存…"), ("Changes have been autosaved.", "修改已自动保存。"),
                             ("Insert a block", "插入区块")):
        assert f'"{english}": "{chinese}"' in catalogue.encode().decode("unicode_escape")


def walk(client, start, limit):
    """Follow the admin's links breadth first, one page of each address pattern; return {url: html}."""
    seen_patterns, pages, queue = set(), {}, deque(start)
    while queue and len(pages) < limit:
        url = queue.popleft()
        pattern = url if "/edit/" in url or "/add/" in url else PATTERN.sub("N", url)
        if pattern in seen_patterns or SKIP.search(url):
            continue
        seen_patterns.add(pattern)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in BeautifulSoup(html, "html.parser").select("a[href]"):
            target = urljoin(url, link["href"])
            parts = urlsplit(target)
            if parts.netloc in ("", "testserver") and parts.path.startswith("/admin/"):
                # Sorting, paging and ?next= show the same page again; a search (q=) is kept.
                query = "&".join(q for q in parts.query.split("&") if q.startswith("q="))
                queue.append(parts.path + (f"?{query}" if query else ""))
    return pages


def edit_and_add_forms():
    """One edit form of each page type, and the form for a new page of each type under a column that takes it."""
    from django.urls import reverse
    from wagtail.models import Page

    urls = []
    for model in {page.specific_class for page in Page.objects.filter(depth__gt=1)}:
        if model is None:
            continue
        page = model.objects.filter(live=True).order_by("-depth").first()
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        parent = page.get_parent()
        urls.append(reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]))
    return urls


ROLES = {"zonghe": 45, "zonghe-head": 45, "office": 70, "leader": 45, "admin": 110}


@pytest.mark.parametrize("login", ROLES)
def test_admin_walk_has_no_english_and_calls_no_other_site(demo_module, db, login):
    user = get_user_model().objects.get(username=login)
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(user)
    start = ["/admin/", "/admin/pages/search/?q=科技", "/admin/reports/", "/admin/account/", *edit_and_add_forms()]
    pages = walk(client, start, ROLES[login])
    assert len(pages) >= 10, sorted(pages)
    content = database_content()
    english = {url: found for url, html in pages.items() if (found := english_strings(html, content))}
    assert english == {}, f"{len(english)} of {len(pages)} pages show English: {english}"
    # What the browser loads by itself (scripts, images, style sheets, the release check); links are not calls.
    loads = r'(?:src="|<link[^>]+href="|data-w-upgrade-url-value="|srcset=")((?:https?:)?//[^"]+)"'
    outside = {url: sorted(set(re.findall(loads, html))) for url, html in pages.items()}
    outside = {url: found for url, found in outside.items() if found}
    assert outside == {}, outside
    # Nor does it send editors to English help on wagtail.org.
    assert [url for url, html in pages.items() if "wagtail.org" in html] == []


def test_replaced_admin_templates_still_match_wagtails():
    """gongkai/admin_chinese replaces a few Wagtail templates to translate hard-coded English; when a Wagtail upgrade
    changes one of them, this fails so the copy is redone from the new version."""
    import difflib

    import wagtail.admin

    ours = Path(__file__).resolve().parents[2] / "gongkai" / "admin_chinese" / "templates"
    for template in ours.glob("**/*.html"):
        theirs = Path(wagtail.admin.__file__).parent / "templates" / template.relative_to(ours)
        mine = template.read_text(encoding="utf-8").splitlines()[1:]
        changed = [line for line in difflib.ndiff(theirs.read_text(encoding="utf-8").splitlines(), mine) if line[:1] in "+-"]
        assert 0 < len(changed) <= 16, (template.name, changed)
