"""The document editor's 政策解读 panel: the 解读 that name this document, with where each stands, and a button to
write one."""

from django.urls import reverse
from wagtail.admin.panels import HelpPanel


class InterpretationsPanel(HelpPanel):
    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = "gongkai_disclosure/admin/interpretations_panel.html"

        def get_context_data(self, parent_context=None):
            from .interpretations import pending_interpretations

            document = self.instance
            rows = [{"page": page, "status": status_of(page)} for page in pending_interpretations(document)]
            return {
                **super().get_context_data(parent_context), "rows": rows, "document": document,
                "new_url": reverse("disclosure_new_interpretation", args=[document.pk]) if document.pk else "",
            }


def status_of(page):
    """Where a page stands, as the editor's listing words it."""
    from django.utils.translation import gettext as _

    task = page.current_workflow_task
    if task is not None:
        return _("审核中：%(task)s") % {"task": task.name}
    if page.live:
        return _("已发布（有未发布的修改）") if page.has_unpublished_changes else _("已发布")
    return _("草稿")
