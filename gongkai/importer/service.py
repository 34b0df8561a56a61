"""Importing pages from JSON Lines (schema: docs/import.md).

Every line is validated and written inside its own savepoint: a bad line is reported with its number and
reason and leaves nothing behind. A line is matched to the page it created before by a stable key, so a
re-import updates pages instead of duplicating them, and skips lines whose content has not changed."""

import datetime
import hashlib
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.admin.rich_text.converters.markdown_db import MarkdownConverter
from wagtail.models import Page, Site

from gongkai.columns.models import ColumnKind, ColumnPage
from gongkai.core.blocks import RICH_TEXT_FEATURES
from gongkai.disclosure.models import (
    DocumentPage,
    DocumentType,
    InterpretationForm,
    InterpretationPage,
    InterpretedDocument,
    TopicCategory,
    Validity,
)
from gongkai.news.models import ArticlePage
from gongkai.reports.exports import table_problems
from gongkai.reports.models import AnnualReportPage, ReportFormat

from . import corpus
from .models import ImportedPage


class LineError(Exception):
    """A line that cannot be imported; the message is shown to the person running the import."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list = field(default_factory=list)  # (line number, message)

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + self.failed


# ---- value parsing -------------------------------------------------------------------------------

def _text(obj, name, max_length=None, required=False, default=""):
    value = obj.get(name, default)
    if value is None:
        value = default
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise LineError(_("字段 %(name)s 应为文本") % {"name": name})
    value = value.strip()
    if required and not value:
        raise LineError(_("缺少字段 %(name)s") % {"name": name})
    if max_length and len(value) > max_length:
        raise LineError(_("字段 %(name)s 超过 %(max)s 个字符") % {"name": name, "max": max_length})
    return value


def _date(obj, name, required=False):
    value = obj.get(name)
    if value in (None, ""):
        if required:
            raise LineError(_("缺少字段 %(name)s") % {"name": name})
        return None
    if not isinstance(value, str):
        raise LineError(_("字段 %(name)s 应为 YYYY-MM-DD 格式的日期") % {"name": name})
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise LineError(_("字段 %(name)s 不是有效日期：%(value)s") % {"name": name, "value": value[:40]}) from None


def _bool(obj, name, default=False):
    value = obj.get(name, default)
    if not isinstance(value, bool):
        raise LineError(_("字段 %(name)s 应为 true 或 false") % {"name": name})
    return value


def _choice(obj, name, choices, default):
    """Accept a choice by its code or by its Chinese label."""
    value = obj.get(name)
    if value in (None, ""):
        return default
    if isinstance(value, str):
        for code, label in choices.choices:
            if value.strip() in (code, str(label)):
                return code
    allowed = "、".join(str(label) for _code, label in choices.choices)
    raise LineError(_("字段 %(name)s 的值“%(value)s”无效，可用：%(allowed)s") % {"name": name, "value": str(value)[:40], "allowed": allowed})


_markdown = MarkdownConverter(RICH_TEXT_FEATURES)
_sanitiser = EditorHTMLConverter(RICH_TEXT_FEATURES)


# Markdown output made only of these bare tags is already within the editor's features; anything else is sanitised.
_PLAIN_TAGS = re.compile(r"</?(?:p|h2|h3|h4|b|i|ul|ol|li|br|hr)>")


def rich_text(value, body_format):
    """Text of a line as Wagtail rich text: Markdown (the default), HTML (sanitised) or plain text."""
    if body_format == "html":
        return _sanitiser.to_database_format(value)
    if body_format == "text":
        return "".join(f"<p>{escape(p.strip())}</p>" for p in value.split("\n") if p.strip())
    html = _markdown.to_database_format(value)
    if "<" in _PLAIN_TAGS.sub("", html):
        html = _sanitiser.to_database_format(html)
    return html


def _stream(page, field_name, obj, name, prefix_paragraphs=()):
    """A StreamField value from a line: a text (one paragraph block) or a list of {type, value} blocks."""
    value = obj.get(name)
    body_format = obj.get("body_format", "markdown")
    if body_format not in ("markdown", "html", "text"):
        raise LineError(_("body_format 只能是 markdown、html 或 text"))
    stream_block = page._meta.get_field(field_name).stream_block
    blocks = []
    if prefix_paragraphs:
        blocks.append({"type": "paragraph", "value": rich_text("\n\n".join(prefix_paragraphs), "text")})
    if value in (None, ""):
        pass
    elif isinstance(value, str):
        blocks.append({"type": "paragraph", "value": rich_text(value, body_format)})
    elif isinstance(value, list):
        for position, block in enumerate(value, start=1):
            if not isinstance(block, dict) or "type" not in block or "value" not in block:
                raise LineError(_("%(name)s 第 %(n)s 个块应为 {\"type\": …, \"value\": …}") % {"name": name, "n": position})
            if block["type"] not in stream_block.child_blocks:
                raise LineError(_("%(name)s 第 %(n)s 个块的类型“%(type)s”无效，可用：%(allowed)s") % {
                    "name": name, "n": position, "type": str(block["type"])[:40],
                    "allowed": "、".join(stream_block.child_blocks)})
            blocks.append({"type": block["type"], "value": _clean_rich_text(block["value"])})
    else:
        raise LineError(_("字段 %(name)s 应为文本或块列表") % {"name": name})
    try:
        # The cleaned value: blocks may complete it (statistics tables compute their totals).
        stream_value = stream_block.clean(stream_block.to_python(blocks))
    except ValidationError as error:
        raise LineError(_("字段 %(name)s 的内容无效：%(error)s") % {"name": name, "error": _flatten(error)}) from None
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise LineError(_("字段 %(name)s 的结构无效：%(error)s") % {"name": name, "error": error}) from None
    return stream_value


def _clean_rich_text(value):
    """Sanitise HTML wherever it appears inside structured block values."""
    if isinstance(value, str) and "<" in value:
        return _sanitiser.to_database_format(value)
    if isinstance(value, dict):
        return {key: _clean_rich_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_rich_text(item) for item in value]
    return value


def _block_messages(error):
    """Every message inside a (nested) StreamField validation error: the consistency rules of a statistics
    table report through these, and the person importing needs their words, not "validation error"."""
    messages = [str(m) for m in getattr(error, "non_block_errors", None) or []]
    children = getattr(error, "block_errors", None) or {}
    for child in (children.values() if isinstance(children, dict) else children):
        messages += _block_messages(child)
    if not messages and not children and hasattr(error, "messages"):
        messages = [str(m) for m in error.messages]
    return messages


def _flatten(error):
    if hasattr(error, "block_errors") or hasattr(error, "non_block_errors"):
        return "；".join(_block_messages(error))
    if hasattr(error, "message_dict"):
        return "；".join(f"{name}: {'，'.join(str(m) for m in messages)}" for name, messages in error.message_dict.items())
    if hasattr(error, "messages"):
        return "；".join(str(m) for m in error.messages)
    return str(error)


# ---- page kinds ----------------------------------------------------------------------------------

COMMON_LISTED = ("date", "pinned", "pinned_until", "featured", "summary")


def _listed_fields(page, obj):
    page.date = _date(obj, "date") or page.date or datetime.date.today()
    page.pinned = _bool(obj, "pinned")
    page.pinned_until = _date(obj, "pinned_until")
    page.featured = _bool(obj, "featured")
    page.summary = _text(obj, "summary", max_length=2000)


def _services(obj):
    from gongkai.columns import services

    names = obj.get("services") or []
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise LineError(_("字段 services 应为服务名称的列表"))
    known = {name for name, _label in services.choices()}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise LineError(_("未知的服务：%(names)s（可用：%(known)s）") % {
            "names": "、".join(name[:40] for name in unknown[:5]), "known": "、".join(sorted(known))})
    return ",".join(dict.fromkeys(names))


def build_column(page, obj):
    page.kind = _choice(obj, "kind", ColumnKind, ColumnKind.NEWS)
    page.intro = _text(obj, "intro", max_length=2000)
    page.link_url = _text(obj, "link_url", max_length=200)
    page.body = _stream(page, "body", obj, "body")
    page.show_in_menus = _bool(obj, "in_menu", default=False)
    page.services = _services(obj)


def build_article(page, obj):
    _listed_fields(page, obj)
    page.source = _text(obj, "source", max_length=200)
    page.author = _text(obj, "author", max_length=100)
    page.body = _stream(page, "body", obj, "body")
    tags = obj.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise LineError(_("字段 tags 应为文本列表"))
    page.tags.set([tag.strip()[:100] for tag in tags if tag.strip()])


def build_document(page, obj):
    derived = corpus.document_fields(obj) if "history" in obj or "category" in obj else {}
    _listed_fields(page, obj)
    page.index_number = _text(obj, "index_number", max_length=100) or page.index_number
    page.document_type = _choice(obj, "document_type", DocumentType, derived.get("document_type", DocumentType.OTHER))
    page.issuer = _text(obj, "issuer", max_length=200) or derived.get("issuer", "")
    page.document_number = _text(obj, "document_number", max_length=200) or derived.get("document_number", "")
    page.written_date = _date(obj, "written_date") or derived.get("written_date")
    if page.written_date and page.written_date > page.date:
        page.written_date = None if "written_date" not in obj else page.written_date
    keywords = obj.get("keywords", "")
    if isinstance(keywords, list):
        keywords = " ".join(str(word) for word in keywords)
    page.keywords = _text({"keywords": keywords}, "keywords", max_length=255)
    page.validity = _choice(obj, "validity", Validity, obj.get("_derived_validity", Validity.VALID))
    page.validity_note = _text(obj, "validity_note", max_length=255) or obj.get("_derived_validity_note", "")
    page.validity_changed = _date(obj, "validity_changed") or (
        _date(obj, "_derived_validity_changed") if "validity" not in obj else None)
    topic = obj.get("topic")
    if topic in (None, ""):
        page.topic = None
    else:
        topic = str(topic).strip()
        match = TopicCategory.objects.filter(locale_id=page.locale_id).filter(code=topic).first() or \
            TopicCategory.objects.filter(locale_id=page.locale_id, name=topic).first()
        if match is None:
            raise LineError(_("主题分类“%(topic)s”不存在") % {"topic": topic[:40]})
        page.topic = match
    # A topic the line names is decided; without one, the rules suggest a topic when the page is saved, unconfirmed.
    page.topic_confirmed = page.topic is not None
    history = [f"（{line}）" for line in derived.get("history", [])]
    page.body = _stream(page, "body", obj, "body", prefix_paragraphs=history)
    page.major_policy = _bool(obj, "major_policy")
    page.interpretation_exemption = _text(obj, "interpretation_exemption", max_length=255)


def _interpreted_documents(page, obj):
    """The documents a 解读 explains: each by its import key or its 索引号 (the number an old site shows)."""
    references = obj.get("documents")
    if isinstance(references, (str, int)) and not isinstance(references, bool):
        references = [references]
    if not isinstance(references, list) or not references:
        raise LineError(_("解读应有字段 documents：所解读文件的导入 key 或索引号（一个或多个）"))
    documents = []
    for reference in references:
        if not isinstance(reference, (str, int)) or isinstance(reference, bool) or not str(reference).strip():
            raise LineError(_("documents 中的每一项应为文件的导入 key 或索引号"))
        reference = str(reference).strip()[:255]
        record = ImportedPage.objects.filter(key=reference).select_related("page").first()
        document = record.page.specific if record else None
        if record and not isinstance(document, DocumentPage):
            raise LineError(_("“%(reference)s”是%(type)s，不是公开文件") % {"reference": reference, "type": document._meta.verbose_name})
        if document is None:
            # A 索引号 is shared by a document and its translations: the one in the 解读's language, else the first.
            matches = list(DocumentPage.objects.filter(index_number=reference).order_by("pk"))
            document = next((match for match in matches if match.locale_id == page.locale_id), matches[0] if matches else None)
        if document is None:
            raise LineError(_("找不到所解读的文件“%(reference)s”：应为已导入文件的 key 或索引号") % {"reference": reference})
        if document not in documents:
            documents.append(document)
    return documents


def build_interpretation(page, obj):
    _listed_fields(page, obj)
    page.form = _choice(obj, "form", InterpretationForm, InterpretationForm.TEXT)
    page.source = _text(obj, "source", max_length=200)
    page.interpreter = _text(obj, "interpreter", max_length=200)
    page.body = _stream(page, "body", obj, "body")
    page.interpreted_documents = [InterpretedDocument(document=document, sort_order=position)
                                  for position, document in enumerate(_interpreted_documents(page, obj))]


def build_annual_report(page, obj):
    _listed_fields(page, obj)
    year = obj.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise LineError(_("字段 year 应为整数年份"))
    page.year = year
    page.report_format = _choice(obj, "format", ReportFormat, ReportFormat.FORMAT_2021)
    page.issuer = _text(obj, "issuer", max_length=200)
    page.body = _stream(page, "body", obj, "body")
    # Imported reports are published: their tables must add up, as when an editor publishes.
    problems = table_problems(page.body)
    if problems:
        raise LineError(_("字段 body 的统计表数据不一致：%(problems)s") % {"problems": "；".join(problems)})


KINDS = {
    "column": (ColumnPage, build_column),
    "article": (ArticlePage, build_article),
    "document": (DocumentPage, build_document),
    "annual_report": (AnnualReportPage, build_annual_report),
    "interpretation": (InterpretationPage, build_interpretation),
}


@contextmanager
def single_indexing():
    """Creating and publishing a page saves it three times, and each save would re-index it;
    during an import each page is indexed once, after its line is written."""
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


# ---- the importer --------------------------------------------------------------------------------

IMPORT_LOCK = 8_152_019  # any fixed number: the PostgreSQL advisory lock that imports share


def serialise_imports():
    """Two imports at once (two cron jobs, an editor and a script) take turns line by line: without this, both
    could see a key as new and create the page twice, or pick the same tree position under one parent. The lock
    ends with the line's transaction. SQLite serialises writers by itself."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def refresh_planner_statistics():
    """After a bulk import, PostgreSQL's statistics still describe the tables before it until autovacuum's next
    pass; meanwhile it planned a search of the freshly loaded demo site as a walk over every page reading each
    one's index entry (16 ms instead of 0.5 ms through the GIN index). ANALYZE of the two tables search joins takes
    a few milliseconds."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailcore_page, wagtailsearch_indexentry")


class ContentImporter:
    def __init__(self, parent=None, default_type="document", publish=True, progress=None):
        self.default_parent = parent
        self.default_type = default_type
        self.publish = publish
        self.progress = progress or (lambda done, total: None)

    @staticmethod
    def resolve_parent(reference):
        """A page given as an ID, a URL path from the default site's root (/policies/), or an import key."""
        reference = str(reference).strip()
        if reference.isascii() and reference.isdigit():
            page = Page.objects.filter(pk=int(reference)).first()
        elif reference.startswith("/"):
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first() or Site.objects.first()
            page = None
            if site:
                target = site.root_page.url_path + reference.strip("/") + "/" if reference.strip("/") else site.root_page.url_path
                page = Page.objects.filter(url_path=target).first()
        else:
            record = ImportedPage.objects.filter(key=reference).select_related("page").first()
            page = record.page if record else None
        return page.specific if page else None

    def read_lines(self, lines):
        """Parse every line first: corpus lines that share a title need each other (the newest version is in force)."""
        parsed = []
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
                if not isinstance(obj, dict):
                    raise ValueError(_("每行应为一个 JSON 对象"))
            except ValueError as error:
                parsed.append((number, None, _("不是有效的 JSON：%(error)s") % {"error": str(error)[:200]}))
                continue
            parsed.append((number, obj, None))
        self._mark_superseded([obj for _n, obj, _e in parsed if obj is not None])
        return parsed

    def _mark_superseded(self, objects):
        newest = {}
        for obj in objects:
            if self._type_of(obj) == "document" and "history" in obj and isinstance(obj.get("title"), str):
                date = str(obj.get("date") or "")
                newest[obj["title"]] = max(newest.get(obj["title"], ""), date)
        for obj in objects:
            if self._type_of(obj) == "document" and "history" in obj and "validity" not in obj:
                latest = newest.get(obj.get("title"))
                if latest and str(obj.get("date") or "") < latest:
                    obj["_derived_validity"] = Validity.EXPIRED
                    obj["_derived_validity_note"] = _("已被 %(date)s 的新版本取代") % {"date": latest}
                    obj["_derived_validity_changed"] = latest

    def _type_of(self, obj):
        return obj.get("type") or self.default_type

    def key_of(self, obj):
        kind = self._type_of(obj)
        key = obj.get("key")
        if key in (None, "") and obj.get("id") not in (None, ""):
            key = f"{kind}:{obj['id']}"
        if not isinstance(key, (str, int)) or isinstance(key, bool) or str(key).strip() == "":
            raise LineError(_("缺少 key（或 id）：重新导入时靠它找到已导入的页面"))
        key = str(key).strip()
        if len(key) > 255:
            raise LineError(_("key 超过 255 个字符"))
        return key

    def run(self, lines):
        result = ImportResult()
        parsed = self.read_lines(lines)
        total = len(parsed)
        with single_indexing():
            for done, (number, obj, parse_error) in enumerate(parsed, start=1):
                try:
                    if parse_error:
                        raise LineError(parse_error)
                    with transaction.atomic():
                        serialise_imports()
                        outcome = self.import_object(obj)
                    setattr(result, outcome, getattr(result, outcome) + 1)
                except LineError as error:
                    result.failed += 1
                    result.errors.append((number, str(error)))
                except ValidationError as error:
                    result.failed += 1
                    result.errors.append((number, _flatten(error)))
                self.progress(done, total)
        if result.created or result.updated:
            refresh_planner_statistics()
        return result

    def import_object(self, obj):
        kind = self._type_of(obj)
        if kind not in KINDS:
            raise LineError(_("type“%(type)s”无效，可用：%(allowed)s") % {"type": str(kind)[:40], "allowed": "、".join(KINDS)})
        model, build = KINDS[kind]
        key = self.key_of(obj)
        checksum = hashlib.sha256(json.dumps([kind, obj], sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
        record = ImportedPage.objects.filter(key=key).select_related("page").first()
        if record and record.checksum == checksum:
            return "unchanged"

        title = _text(obj, "title", max_length=255, required=True)
        if record:
            page = record.page.specific
            if not isinstance(page, model):
                raise LineError(_("key“%(key)s”已用于另一种页面（%(type)s）") % {"key": key, "type": page._meta.verbose_name})
        else:
            page = model(locale_id=self._parent_for(obj).locale_id)
        page.title = title
        if obj.get("seo_title"):
            page.seo_title = _text(obj, "seo_title", max_length=255)
        build(page, obj)

        if record is None:
            parent = self._parent_for(obj)
            if not model.can_create_at(parent):
                raise LineError(_("%(type)s 不能放在“%(parent)s”之下") % {"type": model._meta.verbose_name, "parent": parent.title})
            page.slug = self._unique_slug(parent, _text(obj, "slug", max_length=255) or slugify(key.replace(":", "-")) or "page")
            page.live = False
            parent.add_child(instance=page)
        else:
            page.full_clean()
            page.save()
        revision = page.save_revision(clean=False)
        if self.publish and obj.get("live", True) is not False:
            revision.publish()
        ImportedPage.objects.update_or_create(key=key, defaults={"page": page, "checksum": checksum})
        index.insert_or_update_object(page)
        return "updated" if record else "created"

    def _parent_for(self, obj):
        reference = obj.get("parent")
        if reference not in (None, ""):
            parent = self.resolve_parent(reference)
            if parent is None:
                raise LineError(_("找不到上级页面“%(parent)s”") % {"parent": str(reference)[:100]})
            return parent
        if self.default_parent is None:
            raise LineError(_("没有指定上级页面：使用 --parent 或在行中给出 parent"))
        return self.default_parent

    @staticmethod
    def _unique_slug(parent, slug):
        slug = slug[:240]
        candidate, suffix = slug, 2
        while Page.objects.child_of(parent).filter(slug=candidate).exists():
            candidate, suffix = f"{slug}-{suffix}", suffix + 1
        return candidate
