"""Build the demo 鹤岗市科学技术局 site: `setup_site` (what every bureau starts with), then the seed's content from
demo/data (a copy of the seed report and corpus), its departments and demo accounts, and the English version.

Idempotent: pages are imported by stable keys, settings and accounts are only created when missing,
so a second run reports nothing created or updated."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Page, Site

from gongkai.importer.service import ContentImporter
from gongkai.setup.structure import setup_site

ORGANISATION = "鹤岗市科学技术局"
DEFAULT_ADMIN_PASSWORD = "gongkai-demo-2026"
# (department, login of its demo editor, the columns it owns). Heads log in as <login>-head.
DEMO_DEPARTMENTS = [
    ("办公室", "bangongshi", ["column:notices", "column:disclosure", "column:interaction"]),
    ("综合科", "zonghe", ["column:news"]),
    # The section that drafts policies writes their 解读 too.
    ("政策法规科", "fagui", ["column:affairs", "column:ip", "column:interpretation"]),
    ("计划项目科", "xiangmu", ["column:projects", "column:innovation"]),
]
# Where `make run` serves the demo (its HOST and PORT), for the site record and the addresses printed.
DEMO_HOSTS = {"127.0.0.1", "localhost"}


def host():
    return os.environ.get("HOST", "127.0.0.1")


def port():
    try:
        return int(os.environ.get("PORT", "8000"))
    except ValueError:
        return 8000


class Command(BaseCommand):
    help = "加载演示站点：鹤岗市科学技术局（可重复运行）。Load the demo bureau site (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--regulations", help="法规语料 JSONL（默认 demo/data/regulations.jsonl.gz）")
        parser.add_argument("--skip-regulations", action="store_true", help="不导入 830 部法规（测试用）")
        parser.add_argument("--no-admin", action="store_true", help="不创建演示管理员账号")

    def handle(self, *args, **options):
        data_dir = Path(settings.GONGKAI_DEMO_DATA_DIR)
        # The demo is served by `make run` on HOST:PORT (127.0.0.1:8000 unless given): the site record says so
        # (pages also link to the address a reader used), unless the site was given an address of its own.
        site = Site.objects.filter(is_default_site=True).first()
        address = {"hostname": host(), "port": port()}
        if site is not None and (site.hostname, site.port) != ("localhost", 80) and site.hostname not in DEMO_HOSTS:
            address = {}
        result = setup_site(ORGANISATION, agency_code="HGKJJ",  # a demo placeholder, not the bureau's real code
                            english_name="Hegang Municipal Science and Technology Bureau",
                            # The footer's filing numbers, placeholders a real bureau replaces (设置 → 网站信息).
                            site_code="2304000000", icp_number="黑ICP备00000000号（演示）",
                            police_number="黑公网安备23040002000000号（演示）", **address)
        if result:
            self.stdout.write("已创建：" + "、".join(result))
        home = Site.objects.get(is_default_site=True).root_page.specific
        Locale.objects.get_or_create(language_code="en")
        self.import_file(data_dir / "bureau.jsonl", home, "document", "站点栏目与内容")
        self.order_columns(home, data_dir / "bureau.jsonl")
        if not options["skip_regulations"]:
            path = Path(options["regulations"] or data_dir / "regulations.jsonl.gz")
            self.import_file(path, ContentImporter.resolve_parent("column:policies"), "document", "政策法规")
            # The 解读 name the laws they explain by import key, so they come after them.
            self.import_file(data_dir / "interpretations.jsonl", home, "interpretation", "政策解读")
        self.link_home_lists(home)
        self.ensure_governance(home, create_users=not options["no_admin"])
        self.ensure_english(home, data_dir / "translations.en.json")
        if not options["no_admin"]:
            self.ensure_admin()

    def import_file(self, path, parent, default_type, label):
        if not path.exists():
            raise CommandError(f"找不到演示数据：{path}")
        from django.core.management import call_command

        self.stdout.write(f"导入{label}：{path.name}")
        call_command("import_content", str(path), parent=str(parent.pk), type=default_type, stdout=self.stdout, stderr=self.stderr)

    def order_columns(self, home, path):
        """The first-level columns in the order of the demo's file (setup_site made its standard ones first)."""
        import json

        keys = [record["key"] for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                if record.get("type") == "column" and not record.get("parent")]
        wanted = [page.pk for page in map(ContentImporter.resolve_parent, keys) if page is not None]
        current = [pk for pk in home.get_children().values_list("pk", flat=True) if pk in wanted]
        if current != wanted:
            for pk in wanted:
                Page.objects.get(pk=pk).move(Page.objects.get(pk=home.pk), pos="last-child")

    def link_home_lists(self, home):
        home.refresh_from_db()
        links = {"news_column": "column:work", "notices_column": "column:notices", "disclosure_column": "column:disclosure"}
        changed = False
        for field, key in links.items():
            if getattr(home, f"{field}_id") is None:
                column = ContentImporter.resolve_parent(key)
                if column is not None:
                    setattr(home, field, column)
                    changed = True
        if changed:
            home.save_revision().publish()

    def ensure_governance(self, home, create_users=True):
        """Departments own the columns; the review workflow covers the site; one editor and one head per
        department, an office reviewer and a leader, all with the demo password."""
        from gongkai.columns.models import ColumnPage
        from gongkai.governance.models import Department
        from gongkai.governance.setup import LEADERS_GROUP, OFFICE_GROUP, ensure_department
        from gongkai.setup.structure import OFFICE_DEPARTMENT

        User = get_user_model()
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD)
        from django.contrib.auth.models import Group

        # setup_site gives the 办公室 its standard columns; the demo's departments take theirs over once.
        office = Department.objects.filter(name=OFFICE_DEPARTMENT).values_list("pk", flat=True).first()
        for name, login, columns in DEMO_DEPARTMENTS:
            department = ensure_department(name)
            for key in columns:
                column = ContentImporter.resolve_parent(key)
                if column is not None and column.specific.department_id in (None, office):
                    ColumnPage.objects.filter(pk=column.pk).update(department=department)
                    from gongkai.governance.permissions import sync_column

                    sync_column(ColumnPage.objects.get(pk=column.pk))
            if create_users:
                for suffix, group, label in ((login, department.editors, "编辑"), (f"{login}-head", department.heads, "负责人")):
                    if not User.objects.filter(username=suffix).exists():
                        user = User.objects.create_user(suffix, f"{suffix}@example.com", password, first_name=f"{name}{label}")
                        user.groups.add(group)
        from gongkai.applications.setup import OFFICE_GROUP as DISCLOSURE_OFFICE
        from gongkai.applications.setup import ensure_office_group

        ensure_office_group()
        if create_users:
            for login, group_name, label in (("office", OFFICE_GROUP, "办公室"), ("leader", LEADERS_GROUP, "局领导"),
                                             ("gongkaiban", DISCLOSURE_OFFICE, "公开办")):
                if not User.objects.filter(username=login).exists():
                    user = User.objects.create_user(login, f"{login}@example.com", password, first_name=label)
                    user.groups.add(Group.objects.get(name=group_name))

    def ensure_english(self, home, path):
        """English translations, made with wagtail-localize as an editor would (so they stay editable and sync
        with the Chinese source): the home page, every column, the 2018 report and a 解读, from demo/data's dictionary."""
        import json

        from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

        from gongkai.columns.models import ColumnPage
        from gongkai.disclosure.models import InterpretationForm, InterpretationPage
        from gongkai.reports.models import AnnualReportPage

        english = Locale.objects.get(language_code="en")
        strings = json.loads(path.read_text(encoding="utf-8"))
        pages = [home] + list(ColumnPage.objects.filter(locale=home.locale).order_by("path"))
        pages += list(AnnualReportPage.objects.filter(locale=home.locale, year=2018))
        # One 解读 in English: it links to the Chinese law it explains, which has no English version.
        pages += list(InterpretationPage.objects.filter(locale=home.locale, form=InterpretationForm.QA).order_by("pk")[:1])
        todo = [page.specific for page in pages if not page.has_translation(english)]
        if not todo:
            return
        with transaction.atomic():
            # Parents before children; the home page again last, so its links to columns find the English columns.
            for page in todo + [home.specific]:
                source, _created = TranslationSource.get_or_create_from_instance(page)
                translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
                for segment in StringSegment.objects.filter(source=source).select_related("string"):
                    text = strings.get(segment.string.data)
                    if text:
                        StringTranslation.objects.update_or_create(
                            translation_of_id=segment.string_id, locale=english, context_id=segment.context_id,
                            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
                        )
                # Saved as drafts, then published below from fresh copies: wagtail-localize publishes on commit
                # with the page objects it saved, whose stale child counts would break the page tree.
                translation.save_target(publish=False)
            for page in Page.objects.filter(locale=english).order_by("path"):
                revision = page.get_latest_revision()
                if revision is not None and (not page.live or page.has_unpublished_changes):
                    revision.publish()
        self.stdout.write(f"已创建英文版页面 {len(todo)} 个")

    def ensure_admin(self):
        User = get_user_model()
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD)
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", password)
            self.stdout.write("已创建演示管理员账号")
        self.stdout.write(self.style.SUCCESS(f"管理后台 http://{host()}:{port()}/admin/  用户名 admin  密码 {password}"))
        roles = [(login, f"{name}编辑") for name, login, _columns in DEMO_DEPARTMENTS]
        roles += [(f"{login}-head", f"{name}负责人，科室审核") for name, login, _columns in DEMO_DEPARTMENTS]
        roles += [("office", "办公室审核"), ("leader", "局领导签发"), ("gongkaiban", "公开办，依申请公开")]
        existing = set(User.objects.filter(username__in=[login for login, _label in roles]).values_list("username", flat=True))
        if existing:
            self.stdout.write("各角色账号（密码同上）：" + "；".join(f"{login}（{label}）" for login, label in roles if login in existing))
