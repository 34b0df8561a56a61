"""政府网站工作年度报表 (国办函〔2018〕12号): the counts the annual website report needs, from the CMS's records."""

from django.apps import apps
from django.utils.translation import gettext as _

from gongkai.columns.models import ColumnKind, ColumnPage
from gongkai.core.models import ListedPage


def website_report(site, year):
    """[(area, item, value)] rows in the order of the official form; None where the CMS has no record."""
    root = site.root_page
    listed = ListedPage.objects.live().descendant_of(root).filter(date__year=year)
    from gongkai.disclosure.models import DocumentPage
    from gongkai.news.models import ArticlePage
    from gongkai.reports.models import AnnualReportPage

    articles = ArticlePage.objects.live().descendant_of(root).filter(date__year=year)
    documents = DocumentPage.objects.live().descendant_of(root).filter(date__year=year)
    columns = ColumnPage.objects.live().descendant_of(root)
    overview_updates = columns.filter(kind=ColumnKind.PAGE, last_published_at__year=year).count()
    rows = visit_rows(year) + [
        (_("信息发布"), _("总数（条）"), listed.count()),
        (_("信息发布"), _("概况类信息更新量（条）"), overview_updates),
        (_("信息发布"), _("政务动态信息更新量（条）"), articles.count()),
        (_("信息发布"), _("信息公开目录信息更新量（条）"), documents.count()),
        (_("专栏专题"), _("栏目数量（个）"), columns.count()),
        (_("专栏专题"), _("本年新开设栏目数量（个）"), columns.filter(first_published_at__year=year).count()),
    ] + interpretation_rows(root, year) + [
        (_("政府信息公开"), _("政府信息公开工作年度报告（篇）"), AnnualReportPage.objects.live().descendant_of(root).filter(date__year=year).count()),
    ]
    rows += interaction_rows(site, year)
    return rows


def visit_rows(year):
    """独立用户访问总量, 网站总访问量, 首页浏览量 from the site's own counts (gongkai.visits), first on the official form;
    None (for the editor to fill in) when the site counted nothing that year, and the first day counted when counting
    began during the year."""
    figures = None
    if apps.is_installed("gongkai.visits"):
        from gongkai.visits.statistics import year_totals

        figures = year_totals(year)
    area = _("网站访问")
    rows = [
        (area, _("独立用户访问总量（个）"), figures and figures["visitors"]),
        (area, _("网站总访问量（次）"), figures and figures["views"]),
        (area, _("首页浏览量（次）"), figures and figures["home_views"]),
    ]
    if figures and figures["counted_from"]:
        rows.append((area, _("本站统计起始日期"), figures["counted_from"].isoformat()))
    return rows


def interpretation_rows(root, year):
    """解读回应 from the 政策解读 pages published in the year (each names the documents it explains), by form: 解读材料
    are texts and Q&A, 解读产品 图解 and video, plus media commentaries. Responses to public concerns are not a page
    kind here: left for the editor to fill in."""
    from gongkai.disclosure.interpretations import counts_by_form
    from gongkai.disclosure.models import MATERIAL_FORMS, PRODUCT_FORMS, InterpretationForm, InterpretationPage

    by_form = counts_by_form(InterpretationPage.objects.live().descendant_of(root).filter(date__year=year))
    area = _("解读回应")
    return [
        (area, _("解读信息发布总数（条）"), sum(by_form.values())),
        (area, _("其中：解读材料数量（条）"), sum(by_form.get(form, 0) for form in MATERIAL_FORMS)),
        (area, _("解读产品数量（个）"), sum(by_form.get(form, 0) for form in PRODUCT_FORMS)),
        (area, _("媒体评论文章数量（篇）"), by_form.get(InterpretationForm.COMMENTARY, 0)),
        (area, _("回应公众关注热点或重大舆情数量（次）"), None),
    ]


def interaction_rows(site, year):
    """互动交流 counts from the mailbox."""
    from gongkai.interaction.statistics import response_statistics

    stats = response_statistics(year=year)
    return [
        (_("互动交流"), _("收到留言数量（条）"), stats["received"]),
        (_("互动交流"), _("办结留言数量（条）"), stats["replied"]),
        (_("互动交流"), _("公开答复数量（条）"), stats["published"]),
        (_("互动交流"), _("平均办理时间（天）"), stats["average_days"]),
    ]


def by_column(site, year):
    """Items published in the year under each first-level column."""
    root = site.root_page
    listed = ListedPage.objects.live().descendant_of(root).filter(date__year=year)
    result = []
    for column in ColumnPage.objects.live().child_of(root).order_by("path"):
        result.append((column.title, listed.filter(path__startswith=column.path).count()))
    return result


def years_with_content(site):
    dates = ListedPage.objects.live().descendant_of(site.root_page).dates("date", "year", order="DESC")
    return [d.year for d in dates]


