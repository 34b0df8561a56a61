"""The editors' forms of the 公开目录: a document's suggested 主题分类 shown with its reason until confirmed, and the
rule that a policy document goes out with its 解读 (or the reason it needs none)."""

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
        if self.is_publishing():
            self._check_interpretation(cleaned)
        return cleaned

    def _check_interpretation(self, cleaned):
        """行政规范性文件 and major policies are published with their 解读 (政府网站发展指引): a 解读 naming this document,
        published or a draft that goes out with it, or the reason none is needed."""
        from .interpretations import pending_interpretations
        from .models import DocumentType

        if "interpretation_exemption" not in self.fields:
            return
        needed = cleaned.get("document_type") == DocumentType.NORMATIVE_DOCUMENT or cleaned.get("major_policy")
        if not needed or (cleaned.get("interpretation_exemption") or "").strip():
            return
        pending = pending_interpretations(self.instance)
        submitting = "action-submit" in self.data or "action-restart-workflow" in self.data
        if pending and submitting and not any(page.live or page.workflow_in_progress for page in pending):
            # Sent for review while its 解读 waits as a draft: the pair is approved together only if both are in review.
            self.add_warning(_("本文件的解读%(titles)s还是草稿：请把它也送审，审核人才能一并通过、一同发布") % {
                "titles": "、".join(f"《{page.title}》" for page in pending)})
        if pending:
            return
        kind = _("行政规范性文件") if cleaned.get("document_type") == DocumentType.NORMATIVE_DOCUMENT else _("重大政策文件")
        self.add_error("interpretation_exemption", _(
            "%(kind)s应与解读同步发布：请在下方“政策解读”中点“新建解读”（可先存为草稿，与本文件一同送审、一同发布），"
            "或在此说明无需解读的理由") % {"kind": kind})

    def save(self, commit=True):
        if self.cleaned_data.get("topic_confirmed"):
            self.instance.topic_reason = ""
        return super().save(commit=commit)


class InterpretationPageForm(PageForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("interpreted_documents")
        if formset is not None:
            seen = set()
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) if form.is_valid() else None
                document = (data or {}).get("document")
                if document is None or data.get("DELETE"):
                    continue
                if document.pk in seen:
                    form.add_error("document", _("这份文件已经选过了"))
                seen.add(document.pk)
        return cleaned
