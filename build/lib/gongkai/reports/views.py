from django.shortcuts import render
from django.utils.translation import gettext as _

from gongkai.core import site_cache

from .compare import FIGURES, bar_chart, series
from .models import AnnualReportPage


def compare(request):
    """Chosen figures of the annual reports across years, as an SVG chart and a table."""
    reports = site_cache.public(AnnualReportPage.objects.live(), request)
    root = site_cache.home(request)
    if root is not None:
        reports = reports.descendant_of(root)
    figure = request.GET.get("figure", "received")
    message = ""
    if figure not in FIGURES:
        message = _("没有这项数据，已显示“%(label)s”。") % {"label": FIGURES["received"][0]}
        figure = "received"
    points = series(list(reports), figure)
    return render(request, "gongkai_reports/compare.html", {
        "figures": [(key, label) for key, (label, _t, _r) in FIGURES.items()],
        "figure": figure,
        "figure_label": FIGURES[figure][0],
        "points": points,
        "chart": bar_chart(points),
        "message": message,
    })
