from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Site

from .compare import FIGURES, bar_chart, series
from .models import AnnualReportPage


def compare(request):
    """Chosen figures of the annual reports across years, as an SVG chart and a table."""
    site = Site.find_for_request(request)
    reports = AnnualReportPage.objects.live().public()
    if site:
        reports = reports.descendant_of(site.root_page.localized)
    figure = request.GET.get("figure", "received")
    message = ""
    if figure not in FIGURES:
        message = _("没有这项数据，已显示“%(label)s”。") % {"label": FIGURES["received"][0]}
        figure = "received"
    points = series(list(reports), figure)
    return render(request, "reports/compare.html", {
        "figures": [(key, label) for key, (label, _t, _r) in FIGURES.items()],
        "figure": figure,
        "figure_label": FIGURES[figure][0],
        "points": points,
        "chart": bar_chart(points),
        "message": message,
    })
