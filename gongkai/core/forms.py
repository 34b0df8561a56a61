"""The page form every page type uses. A release date far in the past needs a reason, kept in the page's history
(the limit is a site setting). Apps add their own checks, run when an editor publishes or submits for review, with
register_publish_check() from their AppConfig.ready(): the word list of gongkai.governance is one."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")

_publish_checks = []


def register_publish_check(check):
    """check(form, cleaned_data): may call form.add_error() to refuse, or form.add_warning() to warn."""
    if check not in _publish_checks:
        _publish_checks.append(check)


def backdate_limit(site=None):
    from .models import SiteSettings

    return SiteSettings.for_site(site).backdate_days if site else SiteSettings().backdate_days


def is_backdated(date, limit_days, today):
    return date is not None and limit_days is not None and date < today - datetime.timedelta(days=limit_days)


class PageForm(WagtailAdminPageForm):
    backdate_reason = forms.CharField(
        label=_("补发说明"), required=False, max_length=255,
        help_text=_("发布日期早于规定天数时必须填写，记入页面历史"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug_notes = []
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("网址中的页面名称，只用字母、数字和连字符；留空则按标题拼音生成，如 keji-huodong-zhou")
        # A new article's 信息来源 and a new document's 发布机构 start as the site's 主办单位 (the bureau itself).
        if self.instance.pk is None and not self.is_bound:
            organiser = self._organiser()
            for name in ("source", "issuer"):
                if organiser and name in self.fields and not self.initial.get(name):
                    self.initial[name] = organiser

    def _organiser(self):
        from .models import SiteSettings

        site = self._site()
        return SiteSettings.for_site(site).organiser if site else ""

    def clean_slug(self):
        """A page not yet published gets a readable slug (pinyin of its title) when the slug is empty or is only what
        the admin's script kept of a Chinese title; a slug a sibling already uses (an abandoned draft of the same
        title, say) becomes slug-2 with a message, instead of an error on the 推荐 tab."""
        from django.utils.text import slugify

        from .slugs import readable_slug, unique_slug

        slug = self.cleaned_data.get("slug") or ""
        if self.instance.pk and self.instance.first_published_at:
            return slug
        title = self.data.get("title") or ""
        # On a new page, a slug equal to the ASCII part of the title is what the script made of it (2025年度报告 → 2025).
        if not slug or (self.instance.pk is None and slug == slugify(title)):
            # A page type may know a better one (an annual report: its year).
            own = getattr(self.instance, "default_slug", None)
            slug = (own(self.data) if own else "") or readable_slug(title) or slug
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if not slug or parent is None:
            return slug
        siblings = parent.get_children().exclude(pk=self.instance.pk) if self.instance.pk else parent.get_children()
        unique = unique_slug(slug, siblings)
        if unique != slug:
            self.slug_notes.append(_("网址别名“%(slug)s”已被同一栏目中的其他页面使用，已改为“%(unique)s”") % {"slug": slug, "unique": unique})
        return unique

    def is_publishing(self):
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def add_warning(self, message):
        self.warnings.append(message)

    def _site(self):
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        return parent.get_site() if parent else None

    def clean(self):
        cleaned = super().clean()
        self.warnings = []
        self.backdated = None
        if self.is_publishing():
            for check in _publish_checks:
                check(self, cleaned)
            # A draft may carry an old date while it is written; it is back-dated when it goes out.
            self._check_backdating(cleaned)
        return cleaned

    def _check_backdating(self, cleaned):
        date = cleaned.get("date")
        if "date" not in self.fields or date is None:
            return
        # A page already published with this date keeps it without a new reason. Compare with the live record, not the
        # form's initial value (the browser sends it back) nor a draft's date: a generated draft (next year's annual
        # report, dated 31 January) or an old draft published months later is back-dated when it goes out.
        published_date = None
        if self.instance.pk:
            live = type(self.instance).objects.filter(pk=self.instance.pk, live=True)
            published_date = live.values_list("date", flat=True).first()
        unchanged = published_date is not None and published_date == date
        limit = backdate_limit(self._site())
        if unchanged or not is_backdated(date, limit, timezone.localdate()):
            return
        reason = (cleaned.get("backdate_reason") or "").strip()
        if not reason:
            self.add_error("backdate_reason", _("发布日期 %(date)s 早于今天 %(days)s 天以上，请说明补发原因") % {
                "date": date.isoformat(), "days": limit})
            return
        self.backdated = {"date": date.isoformat(), "reason": reason}

    def save(self, commit=True):
        page = super().save(commit=commit)
        page._publish_warnings = getattr(self, "warnings", []) + self.slug_notes
        page._backdated = getattr(self, "backdated", None)
        return page
