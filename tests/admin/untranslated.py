"""Finding English interface text in an admin page rendered for a Chinese editor.

A page's text nodes and the attributes people read (title, aria-label, placeholder, alt, button values) are
checked; what the database holds (titles, user names, file names…) is content, not interface, and is taken out
first. What is left is English interface text when it holds two English words in a row, or is one word that is an
interface string of Wagtail or Django (“Saved”, “Checks”, “Layout”)."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description", "data-w-tooltip-content-value"}
# Names and formats written the same in Chinese text.
ALLOWED = [
    "Wagtail API v3", "Wagtail Localize", "Wagtail", "Gongkai", "English", "API", "RSS", "Atom", "CSV", "XLSX", "JSON", "Excel",
    "URL", "HTML", "PDF", "OFD", "JPEG", "PNG", "GIF", "WebP", "SVG", "AVIF", "ICP", "QR", "ID", "IP", "MB", "KB",
    "GB", "Elasticsearch", "PostgreSQL", "SQLite", "BM25", "Redis", "APP", "Email", "Microsoft Authenticator", "FreeOTP", "Google", "e-mail", "Markdown", "jieba",
]
TWO_WORDS = re.compile(r"\b[A-Za-z][a-z]+(?:[\s\-][A-Za-z]?[a-z]+)+\b")


class _Text(HTMLParser):
    SKIP = {"script", "style", "svg", "code", "pre", "textarea"}

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skipping = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Hidden elements are not read (Wagtail's empty side-panel counter holds the text “None”).
        hidden = "hidden" in attrs or "display:none" in (attrs.get("style") or "").replace(" ", "")
        if (tag in self.SKIP or hidden) and tag not in self.VOID:
            self._skipping.append(tag)
        if self._skipping:
            return
        for name in READ_ATTRIBUTES & attrs.keys():
            self.parts.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.parts.append(data)


@cache
def interface_words():
    """Single-word msgids of Wagtail's and Django's English catalogues."""
    import django
    import wagtail

    words = set()
    for root in (Path(wagtail.__file__).parent, Path(django.__file__).parent / "contrib" / "admin"):
        for po in root.glob("**/locale/en/LC_MESSAGES/*.po"):
            for match in re.finditer(r'^msgid "([A-Za-z][a-z]+)"$', po.read_text(encoding="utf-8"), re.M):
                words.add(match.group(1).lower())
    words.add("none")  # a missing value printed by a template
    return words


def english_strings(html, content=()):
    parser = _Text()
    parser.feed(html)
    found = []
    ordered = sorted({c for c in content if len(c.strip()) > 2}, key=len, reverse=True)
    typed = re.compile("|".join(rf"(?<![A-Za-z]){re.escape(c)}(?![A-Za-z])" for c in ordered)) if ordered else None
    for text in parser.parts:
        text = " ".join(text.split())
        if typed:
            text = typed.sub(" ", text)
        for item in ALLOWED:
            text = re.sub(rf"(?<![A-Za-z]){re.escape(item)}(?![A-Za-z])", " ", text)
        text = re.sub(r"https?://\S+|\S+@\S+|/[\w\-./?=&%]+|\b[\w\-]+\.(?:\w{2,4})\b", " ", text)
        if TWO_WORDS.search(text) or any(word.lower() in interface_words() for word in re.findall(r"[A-Za-z]+", text)):
            found.append(text.strip())
    return found


def database_content():
    """Every string an editor or the demo typed in: these may be English and are not interface."""
    from django.apps import apps
    from django.db import models

    strings = set()
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "admin", "contenttypes", "wagtailsearch", "wagtail_chinese_search", "axes"}:
            continue
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.EmailField, models.SlugField)) and f.name != "password"]
        if not fields:
            continue
        for row in model.objects.values_list(*fields)[:5000]:
            strings.update(str(value) for value in row if value)
    return strings
