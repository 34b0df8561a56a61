"""Figures of the statistics tables across years, for the comparison page."""

from .exports import statistics_blocks

# Table B and the 处理决定数量 of table A read the same in the 2021 format and the 2019 trial format; the document
# counts of table A changed meaning in 2021, so those come from 2021-format reports only.
APPLICATIONS = ("applications_table", "applications_table_2019")
PROACTIVE = ("proactive_table", "proactive_table_2019")
FIGURES = {
    "received": ("本年新收政府信息公开申请数量", APPLICATIONS, lambda v: v["received"]["total"]),
    "granted": ("予以公开", APPLICATIONS, lambda v: v["granted"]["total"]),
    "partial": ("部分公开", APPLICATIONS, lambda v: v["partial"]["total"]),
    "results": ("本年度办理结果总计", APPLICATIONS, lambda v: v["results_total"]["total"]),
    "review": ("行政复议总计", ("review_litigation_table",), lambda v: v["review"]["total"]),
    "litigation": ("行政诉讼总计", ("review_litigation_table",), lambda v: v["direct_suit"]["total"] + v["suit_after_review"]["total"]),
    "normative_issued": ("行政规范性文件本年制发件数", ("proactive_table",), lambda v: v["item1"]["normative"]["issued"]),
    "normative_in_force": ("行政规范性文件现行有效件数", ("proactive_table",), lambda v: v["item1"]["normative"]["in_force"]),
    "licensing": ("行政许可本年处理决定数量", PROACTIVE, lambda v: v["item5"]["licensing"]["decisions"]),
    "penalty": ("行政处罚本年处理决定数量", PROACTIVE, lambda v: v["item6"]["penalty"]["decisions"]),
}


def series(reports, figure):
    """[(year, value)] for the reports that have the table the figure comes from, oldest first."""
    label, block_types, read = FIGURES[figure]
    points = []
    for report in sorted(reports, key=lambda r: r.year):
        for kind, value in statistics_blocks(report):
            if kind in block_types:
                points.append((report.year, read(value)))
                break
    return points


def bar_chart(points, width=640, height=260):
    """Bars as plain numbers for an inline SVG (no chart library, nothing loaded from elsewhere)."""
    if not points:
        return None
    top = max(value for _year, value in points) or 1
    left, bottom, plot_height = 40, height - 30, height - 60
    step = (width - left - 10) / len(points)
    bar = min(60, step * 0.6)
    bars = []
    for index, (year, value) in enumerate(points):
        bar_height = plot_height * value / top
        x = left + index * step + (step - bar) / 2
        bars.append({"x": round(x, 1), "y": round(bottom - bar_height, 1), "width": round(bar, 1), "height": round(bar_height, 1),
                     "label_x": round(x + bar / 2, 1), "value_y": round(bottom - bar_height - 6, 1), "year": year, "value": value})
    return {"width": width, "height": height, "bottom": bottom, "left": left, "bars": bars}
