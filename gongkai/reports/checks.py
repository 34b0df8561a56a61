"""Publishing an annual report (or submitting it for review) needs its statistics tables to add up; a draft is saved
with the problems shown as warnings (the page's 数据核对提示 and a message after saving)."""

from django.utils.translation import gettext as _

from .exports import table_problems


def check_statistics_tables(form, cleaned):
    from .models import AnnualReportPage

    if not isinstance(form.instance, AnnualReportPage) or cleaned.get("body") is None:
        return
    for problem in table_problems(cleaned["body"]):
        form.add_error(None, _("统计表数据不一致，改正后才能发布或提交审核：%(problem)s") % {"problem": problem})
