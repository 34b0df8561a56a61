"""The document editor's form: the 主题分类 the rules suggested is shown with its reason until an editor confirms it."""

from django.utils.translation import gettext as _

from gongkai.core.forms import PageForm


class DocumentPageForm(PageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if "topic" in self.fields and page.topic_id and not page.topic_confirmed:
            self.fields["topic"].help_text = _("系统按规则建议（%(reason)s），请核对后勾选“主题分类已确认”，或改选") % {
                "reason": page.topic_reason or _("无依据")}

    def clean(self):
        cleaned = super().clean()
        # Choosing a topic is confirming it.
        if "topic" in self.changed_data and cleaned.get("topic") is not None:
            cleaned["topic_confirmed"] = True
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("topic_confirmed"):
            self.instance.topic_reason = ""
        return super().save(commit=commit)
