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
        if self.is_publishing():
            for check in _publish_checks:
                check(self, cleaned)
        self._check_backdating(cleaned)
        return cleaned

    def _check_backdating(self, cleaned):
        date = cleaned.get("date")
        self.backdated = None
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
        page._publish_warnings = getattr(self, "warnings", [])
        page._backdated = getattr(self, "backdated", None)
        return page
