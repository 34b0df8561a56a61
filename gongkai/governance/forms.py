"""The page form every page type uses: on publish (or on submitting for review) it runs the word list, and a
release date far in the past needs a reason, kept in the page's history."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import checks

PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


class GovernedPageForm(WagtailAdminPageForm):
    backdate_reason = forms.CharField(
        label=_("补发说明"), required=False, max_length=255,
        help_text=_("发布日期早于规定天数时必须填写，记入页面历史"),
    )

    def is_publishing(self):
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def _site(self):
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        return parent.get_site() if parent else None

    def clean(self):
        cleaned = super().clean()
        self.word_warnings = []
        if self.is_publishing():
            fields = [(self.fields[name].label or name, checks.plain_text(value)) for name, value in cleaned.items()
                      if name in self.fields and name != "backdate_reason"]
            for finding in checks.scan(fields):
                if finding.action == "block":
                    self.add_error(None, finding.message())
                else:
                    self.word_warnings.append(finding.message())
        self._check_backdating(cleaned)
        return cleaned

    def _check_backdating(self, cleaned):
        date = cleaned.get("date")
        self.backdated = None
        if "date" not in self.fields or date is None:
            return
        # Compare with the stored date, not the form's hidden initial value, which the browser sends back.
        unchanged = self.instance.pk and self.instance.date == date
        limit = checks.backdate_limit(self._site())
        if unchanged or not checks.is_backdated(date, limit, timezone.localdate()):
            return
        reason = (cleaned.get("backdate_reason") or "").strip()
        if not reason:
            self.add_error("backdate_reason", _("发布日期 %(date)s 早于今天 %(days)s 天以上，请说明补发原因") % {
                "date": date.isoformat(), "days": limit})
            return
        self.backdated = {"date": date.isoformat(), "reason": reason}

    def save(self, commit=True):
        page = super().save(commit=commit)
        page._word_warnings = getattr(self, "word_warnings", [])
        page._backdated = getattr(self, "backdated", None)
        return page
