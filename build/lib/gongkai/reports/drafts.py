"""Next year's report as a draft, prefilled with what the site knows, for editors to finish."""

import datetime

from django.db.models import Q
from django.utils import timezone

from gongkai.disclosure.models import DocumentPage, DocumentType, Validity

from .blocks import ApplicationsTableBlock, ProactiveDisclosureTableBlock, ReviewLitigationTableBlock
from .models import AnnualReportPage, ReportFormat

SECTIONS_2021 = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
]
RULE_TYPES = [DocumentType.DEPARTMENTAL_RULE, DocumentType.LOCAL_RULE]


def report_year_due(today=None):
    """Reports cover a calendar year and are published by 31 January of the next: the year just ended."""
    return (today or timezone.localdate()).year - 1


def previous_in_force(column, year):
    report = AnnualReportPage.objects.child_of(column).filter(year=year - 1).first()
    if report:
        from .exports import statistics_blocks

        for kind, value in statistics_blocks(report):
            if kind == "proactive_table":
                return {row: value["item1"][row]["in_force"] for row in ("rules", "normative")}
    return None


def proactive_figures(column, year):
    """表二 第二十条第（一）项 from the site's own documents of that year."""
    documents = DocumentPage.objects.live().descendant_of(column.get_site().root_page) if column.get_site() else DocumentPage.objects.live()
    counts = {}
    before = previous_in_force(column, year)
    for row, types in (("rules", RULE_TYPES), ("normative", [DocumentType.NORMATIVE_DOCUMENT])):
        of_type = documents.filter(document_type__in=types)
        issued = of_type.filter(date__year=year).count()
        repealed = of_type.filter(validity__in=[Validity.REPEALED, Validity.EXPIRED], validity_changed__year=year).count()
        # Without last year's report: what was published by the end of the year and not out of force by then.
        in_force = before[row] + issued - repealed if before else of_type.filter(date__year__lte=year).exclude(
            validity_changed__year__lte=year).exclude(~Q(validity=Validity.VALID) & Q(validity_changed__isnull=True)).count()
        counts[row] = {"issued": issued, "repealed": repealed, "in_force": in_force}
    return counts


def zero_table(block):
    return block.to_python({})


def draft_next_report(column, user=None, year=None):
    """Create the draft (not published) under the 年报 column and return it."""
    year = year or report_year_due()
    proactive = zero_table(ProactiveDisclosureTableBlock())
    for row, values in proactive_figures(column, year).items():
        proactive["item1"][row].update(values)
    from gongkai.applications.statistics import table_b

    content = {
        1: [("proactive_table", proactive)],
        # 表三 from the year's applications received online and handled in the admin.
        2: [("applications_table", ApplicationsTableBlock().to_python(table_b(year)))],
        3: [("review_litigation_table", zero_table(ReviewLitigationTableBlock()))],
    }
    body = [("section", {"heading": heading, "content": content.get(index, [])}) for index, heading in enumerate(SECTIONS_2021)]
    report = AnnualReportPage(
        title=f"{year}年度政府信息公开工作年度报告", slug=str(year), year=year, report_format=ReportFormat.FORMAT_2021,
        date=datetime.date(year + 1, 1, 31), live=False, owner=user, body=body, locale=column.locale,
        summary="",
    )
    if AnnualReportPage.objects.child_of(column).filter(slug=report.slug).exists():
        report.slug = f"{year}-draft"
    column.add_child(instance=report)
    report.save_revision(user=user, log_action=True)
    return report
