from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .freshness import build_report


class FreshnessPanel(Component):
    """The dashboard's verdict: would the site pass a column-freshness inspection today? Below what waits for the
    editor's own action (Wagtail's review panels, 200–220), above recent edits (250)."""

    name = "gongkai_freshness"
    order = 230
    template_name = "gongkai_governance/freshness_panel.html"

    def get_context_data(self, parent_context):
        report = build_report()
        return {"report": report, "title": _("栏目更新检查"),
                "problems": [s for s in report.columns if s.blank or s.overdue][:8]}
