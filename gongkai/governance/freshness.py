"""Column freshness against the inspection rules (国办秘函〔2019〕19号, docs/specs/gov-site-rules.md).

Everything takes `today`, so the verdict can be checked on both sides of every threshold without a fake clock."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.columns.models import ColumnKind, ColumnPage, UpdateRule
from gongkai.core.models import ListedPage

RULE_DAYS = {UpdateRule.NEWS: 14, UpdateRule.NOTICES: 183, UpdateRule.ANNUAL: 366}
# Rules whose overdue columns count toward the stricter threshold (动态、要闻、通知公告、政策文件).
KEY_RULES = {UpdateRule.NEWS, UpdateRule.NOTICES}
NOTICE_WORDS = ("通知", "公告", "政策", "文件", "法规", "制度", "规划", "计划", "目录")
ANNUAL_WORDS = ("年报", "年度报告", "年度报表")

DEFAULT_THRESHOLDS = {"overdue_key": 5, "overdue_any": 10, "blank": 5, "home_days": 14}


def thresholds():
    return {**DEFAULT_THRESHOLDS, **getattr(settings, "GONGKAI_FRESHNESS_THRESHOLDS", {})}


def effective_rule(column, has_sub_columns=False):
    """(rule, days). Auto: column groups and single pages need no updates, lists by title and kind."""
    rule = column.update_rule
    if rule == UpdateRule.CUSTOM:
        return rule, column.update_days
    if rule:
        return rule, RULE_DAYS.get(rule)
    if has_sub_columns or column.kind in (ColumnKind.PAGE, ColumnKind.LINK):
        return UpdateRule.NONE, None
    if column.kind == ColumnKind.REPORTS or any(word in column.title for word in ANNUAL_WORDS):
        return UpdateRule.ANNUAL, RULE_DAYS[UpdateRule.ANNUAL]
    if column.kind == ColumnKind.CATALOGUE or any(word in column.title for word in NOTICE_WORDS):
        return UpdateRule.NOTICES, RULE_DAYS[UpdateRule.NOTICES]
    return UpdateRule.NEWS, RULE_DAYS[UpdateRule.NEWS]


@dataclass
class ColumnStatus:
    column: ColumnPage
    department_obj: object
    rule: str
    rule_label: str
    days_allowed: int | None
    last_update: datetime.date | None
    days_since: int | None
    blank: bool
    overdue: bool
    due_soon: bool

    @property
    def state(self):
        if self.blank:
            return _("空白栏目")
        if self.overdue:
            return _("超期未更新")
        if self.due_soon:
            return _("即将超期")
        return _("正常")

    @property
    def department(self):
        return self.department_obj.name if self.department_obj else ""

    @property
    def path(self):
        return self.column.url_path[self.column.url_path.index("/", 1):]


@dataclass
class FreshnessReport:
    today: datetime.date
    columns: list
    home_last_update: datetime.date | None
    limits: dict = field(default_factory=thresholds)

    @property
    def overdue(self):
        return [c for c in self.columns if c.overdue]

    @property
    def overdue_key(self):
        return [c for c in self.overdue if c.rule in KEY_RULES]

    @property
    def blank(self):
        return [c for c in self.columns if c.blank]

    @property
    def due_soon(self):
        return [c for c in self.columns if c.due_soon]

    @property
    def home_days(self):
        return (self.today - self.home_last_update).days if self.home_last_update else None

    @property
    def home_stale(self):
        return self.home_days is None or self.home_days > self.limits["home_days"]

    @property
    def failures(self):
        """The 单项否决 items this site would fail today, as sentences."""
        limits, failures = self.limits, []
        if self.home_stale:
            failures.append(_("首页超过 %(days)s 天没有新内容") % {"days": limits["home_days"]})
        if len(self.overdue_key) >= limits["overdue_key"]:
            failures.append(_("动态、要闻、通知公告、政策文件类栏目有 %(n)s 个超期未更新（%(limit)s 个即否决）") % {
                "n": len(self.overdue_key), "limit": limits["overdue_key"]})
        if len(self.overdue) >= limits["overdue_any"]:
            failures.append(_("应更新未更新的栏目有 %(n)s 个（%(limit)s 个即否决）") % {"n": len(self.overdue), "limit": limits["overdue_any"]})
        if len(self.blank) >= limits["blank"]:
            failures.append(_("空白栏目有 %(n)s 个（%(limit)s 个即否决）") % {"n": len(self.blank), "limit": limits["blank"]})
        return failures

    @property
    def passes(self):
        return not self.failures

    def by_department(self):
        """Problem columns (blank, overdue, due soon) grouped by department, for reminders."""
        groups = {}
        for status in self.columns:
            if status.blank or status.overdue or status.due_soon:
                groups.setdefault(status.department_obj, []).append(status)
        return groups


def build_report(site=None, today=None):
    """The freshness of every live column of the site (its default-language tree)."""
    from wagtail.models import Site

    today = today or timezone.localdate()
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return FreshnessReport(today=today, columns=[], home_last_update=None)
    root = site.root_page
    columns = list(ColumnPage.objects.live().descendant_of(root).select_related("department").order_by("path"))
    listed = ListedPage.objects.live().descendant_of(root).filter(date__lte=today)
    # Newest 发布日期 below each column, grouped in the database: one query per depth at which columns sit, rather
    # than reading every listed page (the dashboard asks for this on every visit).
    by_path = {column.path: column.pk for column in columns}
    steplen = ColumnPage.steplen
    latest = {}
    for depth in sorted({column.depth for column in columns}):
        grouped = (listed.annotate(prefix=Substr("path", 1, depth * steplen)).order_by().values("prefix")
                   .annotate(newest=Max("date")).values_list("prefix", "newest"))
        for prefix, newest in grouped:
            if prefix in by_path:
                latest[by_path[prefix]] = newest
    parents = {column.path[:-steplen] for column in columns}
    # A sub-column without its own department belongs to its parent's (as do its permissions and reviews).
    departments = {}
    for column in columns:
        departments[column.path] = column.department or departments.get(column.path[:-steplen])
    statuses = []
    for column in columns:
        has_subs = column.path in parents
        rule, days = effective_rule(column, has_subs)
        last = latest.get(column.pk)
        if column.kind == ColumnKind.PAGE and column.last_published_at:
            own = timezone.localtime(column.last_published_at).date()
            last = max(last, own) if last else own
        if column.kind == ColumnKind.LINK or has_subs:
            blank = False
        elif column.kind == ColumnKind.PAGE:
            blank = not column.body and last is None
        else:
            blank = column.pk not in latest
        since = (today - last).days if last else None
        overdue = bool(days) and not blank and since is not None and since > days
        due_soon = bool(days) and not blank and not overdue and since is not None and days - since <= max(2, days // 7)
        label = dict(UpdateRule.choices)[rule] if column.update_rule else _("自动：%(rule)s") % {"rule": dict(UpdateRule.choices)[rule]}
        if rule == UpdateRule.CUSTOM:
            label = _("每 %(days)s 天") % {"days": days}
        statuses.append(ColumnStatus(
            column=column, department_obj=departments[column.path], rule=rule, rule_label=str(label),
            days_allowed=days, last_update=last, days_since=since, blank=blank, overdue=overdue, due_soon=due_soon,
        ))
    home_latest = listed.aggregate(latest=Max("date"))["latest"]
    return FreshnessReport(today=today, columns=statuses, home_last_update=home_latest)
