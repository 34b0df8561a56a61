"""Next year's report as a draft, prefilled with what the site knows, for editors to finish."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from gongkai.disclosure.models import DocumentPage, DocumentType, InterpretationForm, InterpretationPage, Validity

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


def bureau_name(site):
    """The bureau that issues the report: the site settings' 主办单位, else the site's name."""
    from gongkai.core.models import SiteSettings

    settings = SiteSettings.for_site(site) if site else None
    return (settings.organiser or settings.site_name).strip() if settings else ""


def proactive_figures(column, year, issuer=""):
    """表二 第二十条第（一）项 from the documents the bureau itself issued (发布机构 names it): the ministries' rules
    republished in 政策法规 are not the bureau's. Returns the counts and, per row, where each number came from."""
    site = column.get_site()
    documents = DocumentPage.objects.live().descendant_of(site.root_page) if site else DocumentPage.objects.live()
    if issuer:
        documents = documents.filter(issuer__contains=issuer)
    counts, sources = {}, []
    before = previous_in_force(column, year)
    whose = _("发布机构含“%(issuer)s”的") % {"issuer": issuer} if issuer else _("本站全部（网站设置未填主办单位，可能包含转载的上级文件）")
    for row, label, types in (("rules", _("规章"), RULE_TYPES), ("normative", _("行政规范性文件"), [DocumentType.NORMATIVE_DOCUMENT])):
        of_type = documents.filter(document_type__in=types)
        issued = of_type.filter(date__year=year).count()
        repealed = of_type.filter(validity__in=[Validity.REPEALED, Validity.EXPIRED], validity_changed__year=year).count()
        if before:
            in_force = before[row] + issued - repealed
            how = _("上年报告的现行有效件数 %(before)s + 本年制发 − 本年废止") % {"before": before[row]}
        else:
            # Without last year's report: what was published by the end of the year and not out of force by then.
            in_force = of_type.filter(date__year__lte=year).exclude(validity_changed__year__lte=year).exclude(
                ~Q(validity=Validity.VALID) & Q(validity_changed__isnull=True)).count()
            how = _("%(year)s 年底前发布、当时仍有效的文件（本栏目没有上年报告）") % {"year": year}
        counts[row] = {"issued": issued, "repealed": repealed, "in_force": in_force}
        sources.append(_("表二 %(label)s：本年制发 %(issued)s 件 = %(whose)s%(label)s，发布日期在 %(year)s 年；本年废止 %(repealed)s 件 = "
                         "其中有效性在 %(year)s 年改为废止或失效的；现行有效 %(in_force)s 件 = %(how)s。") % {
            "label": label, "issued": issued, "whose": whose, "year": year, "repealed": repealed, "in_force": in_force, "how": how})
    return counts, sources


def interpretation_summary(column, year, issuer=""):
    """一、总体情况's 政策解读 paragraph, from the 解读 published in the year and the links to the documents they explain:
    how many, by form, and how many of the year's 行政规范性文件 went out with one. Returns (paragraph HTML, source)."""
    from django.utils.html import escape

    from gongkai.disclosure.interpretations import counts_by_form, interpretations_of

    site = column.get_site()
    interpretations = InterpretationPage.objects.live().filter(date__year=year)
    documents = DocumentPage.objects.live().filter(date__year=year, document_type=DocumentType.NORMATIVE_DOCUMENT)
    if site:
        interpretations = interpretations.descendant_of(site.root_page)
        documents = documents.descendant_of(site.root_page)
    if issuer:
        documents = documents.filter(issuer__contains=issuer)
    by_form = counts_by_form(interpretations)
    total = sum(by_form.values())
    documents = list(documents)
    interpreted = interpretations_of(documents, column.locale_id)
    with_interpretation = sum(1 for document in documents if interpreted.get(document.translation_key))
    exempted = sum(1 for document in documents
                   if not interpreted.get(document.translation_key) and document.interpretation_exemption.strip())
    forms = "、".join(_("%(form)s %(n)s 篇") % {"form": label, "n": by_form[code]}
                     for code, label in InterpretationForm.choices if by_form.get(code))
    text = _("（一）政策解读。%(year)s 年发布政策解读 %(total)s 篇") % {"year": year, "total": total}
    if forms:
        text += _("，其中%(forms)s") % {"forms": forms}
    text += _("；本年制发行政规范性文件 %(documents)s 件，%(interpreted)s 件同步发布了解读") % {
        "documents": len(documents), "interpreted": with_interpretation}
    if exempted:
        text += _("，%(exempted)s 件说明了无需解读的理由") % {"exempted": exempted}
    text += _("。")
    source = _("一、总体情况（一）政策解读：%(year)s 年发布的“政策解读”页面按解读形式计数；行政规范性文件 = %(whose)s"
               "发布日期在 %(year)s 年的；“同步发布了解读”= 有已发布的解读选择了该文件。") % {
        "year": year, "whose": _("发布机构含“%(issuer)s”的") % {"issuer": issuer} if issuer else _("本站全部")}
    return f"<p>{escape(text)}</p>", source


def zero_table(block):
    return block.to_python({})


def draft_next_report(column, user=None, year=None):
    """Create the draft (not published) under the 年报 column and return it."""
    year = year or report_year_due()
    bureau = bureau_name(column.get_site())
    proactive = zero_table(ProactiveDisclosureTableBlock())
    figures, sources = proactive_figures(column, year, issuer=bureau)
    for row, values in figures.items():
        proactive["item1"][row].update(values)
    sources += [_("表三：本站 %(year)s 年收到和办理的政府信息公开申请（后台“依申请公开”），请补充线下收到的申请。") % {"year": year},
                _("表四：本站不记录行政复议和行政诉讼，请按实际填写。")]
    from gongkai.applications.statistics import table_b

    summary, source = interpretation_summary(column, year, issuer=bureau)
    sources.insert(0, source)
    content = {
        0: [("paragraph", RichText(summary))],
        1: [("proactive_table", proactive)],
        # 表三 from the year's applications received online and handled in the admin.
        2: [("applications_table", ApplicationsTableBlock().to_python(table_b(year)))],
        3: [("review_litigation_table", zero_table(ReviewLitigationTableBlock()))],
    }
    body = [("section", {"heading": heading, "content": content.get(index, [])}) for index, heading in enumerate(SECTIONS_2021)]
    report = AnnualReportPage(
        title=_("%(bureau)s%(year)s年度政府信息公开工作年度报告") % {"bureau": bureau, "year": year}, slug=str(year), year=year,
        report_format=ReportFormat.FORMAT_2021, issuer=bureau, date=datetime.date(year + 1, 1, 31), live=False, owner=user,
        body=body, locale=column.locale, summary="", prefill_sources="\n".join(sources),
    )
    if AnnualReportPage.objects.child_of(column).filter(slug=report.slug).exists():
        report.slug = f"{year}-draft"
    column.add_child(instance=report)
    report.save_revision(user=user, log_action=True)
    return report
