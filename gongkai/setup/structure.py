"""The structure every bureau's site starts with: the standard first-level columns, and the 政府信息公开 column with
the sections the rules require (政府信息公开指南, 制度, 法定主动公开内容, 年报; docs/specs/gov-site-rules.md), the
review chain, the 办公室 and 公开办 groups, the 主题分类 taxonomy and the site settings. Bureau-specific columns
(科技项目, 知识产权 …) are the bureau's own and are added in the admin or by import.

Columns carry import keys (column:news …), so content imported later (docs/import.md) names its parent by key, and
a second run creates only what is missing: it never renames, moves or overwrites what editors have changed."""

import json

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

# (key, parent key, title, slug, kind, in main menu, intro[, body in Markdown])
STANDARD_COLUMNS = [
    ("column:news", None, "新闻动态", "news", "news", True, "本机关要闻和工作动态。"),
    ("column:headlines", "column:news", "要闻", "headlines", "featured", False, ""),
    ("column:work", "column:news", "工作动态", "work", "news", False, ""),
    ("column:notices", None, "通知公告", "notices", "news", True, "本机关发布的通知、公告和公示。"),
    ("column:disclosure", None, "政务公开", "disclosure", "news", True, "依照《中华人民共和国政府信息公开条例》主动公开的政府信息。"),
    ("column:guide", "column:disclosure", "政府信息公开指南", "guide", "page", False,
     "本机关政府信息的分类、编排体系、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式。"),
    ("column:rules", "column:disclosure", "政府信息公开制度", "rules", "catalogue", False, ""),
    ("column:statutory", "column:disclosure", "法定主动公开内容", "statutory", "catalogue", False,
     "《中华人民共和国政府信息公开条例》第二十条规定主动公开的政府信息。"),
    ("column:interpretation", "column:disclosure", "政策解读", "interpretation", "news", False,
     "本机关政策文件的解读：文字解读、图解、视频/访谈和问答。每篇解读链接所解读的文件，文件页面也列出它的解读。"),
    ("column:annual-reports", "column:disclosure", "政府信息公开年报", "annual-reports", "reports", False, ""),
    ("column:apply", "column:disclosure", "依申请公开", "apply", "page", False,
     "公民、法人或者其他组织可以依照《中华人民共和国政府信息公开条例》向本机关申请获取政府信息。",
     "[在线提交申请](/apply/)：填写申请表，提交后取得查询号。\n\n[查询办理进度](/apply/status/)：凭查询号和联系电话后四位查询，"
     "下载答复书。"),
    ("column:interaction", None, "互动交流", "interaction", "page", True, "局长信箱、依申请公开和征求意见。"),
]
# The public services each standard column shows entries to (gongkai.columns.services).
STANDARD_SERVICES = {"column:interaction": ["mailbox", "apply", "consultations"], "column:disclosure": ["apply"]}
# The 办公室 owns these until the bureau assigns them to other departments.
OFFICE_DEPARTMENT = "办公室"
OFFICE_COLUMNS = ["column:notices", "column:disclosure", "column:interaction"]


def ensure_home(result, hostname=None, port=None, site_name=""):
    """The default site's root page. With GONGKAI_HOME_PAGE_MODEL set, Wagtail's placeholder "Welcome" page is
    replaced by a page of that model; otherwise the site's existing root page is used, whatever its type."""
    locale = Locale.get_default()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    model_path = getattr(settings, "GONGKAI_HOME_PAGE_MODEL", "")
    model = None
    if model_path:
        from django.apps import apps

        model = apps.get_model(model_path)
    home = model.objects.filter(locale=locale).first() if model else (site.root_page.specific if site else None)
    if home is None:
        root = Page.get_first_root_node()
        for placeholder in root.get_children().filter(slug="home"):
            if type(placeholder.specific) is Page and placeholder.numchild == 0:
                placeholder.delete()
        if model is None:
            model = Page
        home = root.add_child(instance=model(title="首页", slug="home", locale=locale))
        home.save_revision().publish()
        result.append("首页")
    if site is None:
        site = Site.objects.create(hostname=hostname or "localhost", port=port or 80, root_page=home,
                                   is_default_site=True, site_name=site_name)
    changed = False
    if site.root_page_id != home.pk:
        site.root_page, changed = home, True
    if hostname and site.hostname != hostname:
        site.hostname, changed = hostname, True
    if port and site.port != port:
        site.port, changed = port, True
    if site_name and not site.site_name:
        site.site_name, changed = site_name, True
    if changed:
        site.save()
    return site, home


def ensure_settings(result, site, name, **fields):
    """Fills the site settings that are still empty (site name, 主办单位 and any field given); never overwrites."""
    from gongkai.core.models import SiteSettings

    site_settings, created = SiteSettings.objects.get_or_create(site=site)
    if created:
        result.append("站点设置")
    updates = {"site_name": name, "organiser": name, **fields}
    fields = [field for field, value in updates.items() if value and hasattr(site_settings, field) and not getattr(site_settings, field)]
    for field in fields:
        setattr(site_settings, field, updates[field])
    if fields:
        site_settings.full_clean()  # a too-long code is a clear message, not a database error
        site_settings.save(update_fields=fields)


def ensure_columns(result, home):
    from gongkai.importer.models import ImportedPage
    from gongkai.importer.service import ContentImporter

    existing = set(ImportedPage.objects.filter(key__in=[c[0] for c in STANDARD_COLUMNS], page__isnull=False)
                   .values_list("key", flat=True))
    lines = []
    for key, parent, title, slug, kind, in_menu, intro, *body in STANDARD_COLUMNS:
        if key in existing:
            continue
        record = {"type": "column", "key": key, "title": title, "slug": slug, "kind": kind, "in_menu": in_menu}
        if intro:
            record["intro"] = intro
        if body:
            record["body"] = body[0]
        if parent:
            record["parent"] = parent
        if key in STANDARD_SERVICES:
            record["services"] = STANDARD_SERVICES[key]
        lines.append(json.dumps(record, ensure_ascii=False))
    if not lines:
        return
    outcome = ContentImporter(parent=home, default_type="column").run(lines)
    if outcome.failed:
        raise ValueError("; ".join(message for _number, message in outcome.errors))
    result.append(f"栏目 {outcome.created} 个")


def ensure_governance(result, home):
    from wagtail.models import Workflow

    from gongkai.applications.setup import ensure_office_group
    from gongkai.columns.models import ColumnPage
    from gongkai.governance.models import Department
    from gongkai.governance.permissions import sync_column
    from gongkai.governance.setup import WORKFLOW_NAME, ensure_department, ensure_review_workflow
    from gongkai.importer.service import ContentImporter

    if not Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        result.append("三级审核流程")
    ensure_review_workflow(home)
    if not Department.objects.filter(name=OFFICE_DEPARTMENT).exists():
        result.append(f"科室“{OFFICE_DEPARTMENT}”")
    office = ensure_department(OFFICE_DEPARTMENT)
    for key in OFFICE_COLUMNS:
        column = ContentImporter.resolve_parent(key)
        if isinstance(column, ColumnPage) and column.department_id is None:
            ColumnPage.objects.filter(pk=column.pk).update(department=office)
            sync_column(ColumnPage.objects.get(pk=column.pk))
    ensure_office_group()


def ensure_topics(result):
    from gongkai.disclosure.topics import ensure_default_topics

    created = ensure_default_topics(Locale.get_default())
    if created:
        result.append(f"主题分类 {created} 个")


def setup_site(name, hostname=None, port=None, **settings_fields):
    """Idempotent: returns what was created, as a list of descriptions (empty on a second run). settings_fields
    (agency_code, english_name, site_code, icp_number …) fill the site settings that are still empty."""
    result = []
    with transaction.atomic():
        site, home = ensure_home(result, hostname=hostname, port=port, site_name=name)
        ensure_settings(result, site, name, **settings_fields)
        ensure_topics(result)
    ensure_columns(result, home)
    ensure_governance(result, home)
    return result
