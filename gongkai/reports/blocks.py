"""Blocks of the 政府信息公开工作年度报告. Sections hold narrative content; the statutory statistics
tables (表A/B/C) are further block types of SectionContentBlock, so a report can carry them in place."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from gongkai.core.blocks import FigureBlock, ParagraphBlock, TableBlock

from . import statistics


class SubheadingBlock(blocks.CharBlock):
    def render_basic(self, value, context=None):
        # One line of HTML: no template to render for each of a report's subheadings.
        return format_html('<h3 class="report-subheading">{}</h3>', value)

    class Meta:
        icon = "title"
        label = _("小标题")


# ---- Statutory statistics tables (2021 format, and the 2019 trial format) --------------------------------------------------------


def _number_block(label, decimal=False, signed=False):
    if decimal:
        return blocks.DecimalBlock(label=label, min_value=0, default=0, decimal_places=4)
    return blocks.IntegerBlock(label=label, default=0, **({} if signed else {"min_value": 0}))


class NumbersRowBlock(blocks.StructBlock):
    """One table row in the editor: its label, then a number for every column, in one line of the grid."""

    def get_form_context(self, value, prefix="", errors=None):
        return {**super().get_form_context(value, prefix=prefix, errors=errors), "row_label": self.label}

    class Meta:
        form_template = "gongkai_reports/admin/numbers_row.html"


def _numbers_row(columns, label, subtable=None):
    return NumbersRowBlock(
        [(key, _number_block(column_label, decimal=(subtable, key) in statistics.DECIMAL_CELLS,
                             signed=key in statistics.SIGNED_COLUMNS))
         for key, column_label in columns],
        label=label)


class GridMixin:
    """Edited as one grid laid out like the official table: a header row of column labels, then the rows. The
    totals the table defines (a row's 总计, the （七）总计 row) are computed as the editor types
    (gongkai_reports/statistics_grid.js) and again on the server (fill_totals), and cells that break a rule are
    marked. `grid` describes the computations for both."""

    grid_columns = ()
    grid_corner = ""

    def grid(self):
        return {}

    def get_form_context(self, value, prefix="", errors=None):
        import json

        context = super().get_form_context(value, prefix=prefix, errors=errors)
        context.update({"grid_columns": [label for _key, label in self.grid_columns], "corner": self.grid_corner,
                        "heading": self.label, "rules": json.dumps(self.grid(), ensure_ascii=False),
                        "width": len(self.grid_columns)})
        return context

    def fill_totals(self, value):
        rules = self.grid()
        for row in rules.get("row_totals", []):
            value[row][rules["total_column"]] = sum(_cell(value[row][c]) for c in rules["sum_columns"])
        if rules.get("total_row"):
            for column, _label in self.grid_columns:
                value[rules["total_row"]][column] = sum(_cell(value[r][column]) for r in rules["sum_rows"])
        return value


def _cell(number):
    return number or 0


class NumbersTableBlock(GridMixin, blocks.StructBlock):
    """A table (or sub-table of 表二) of number rows without computed cells."""

    def __init__(self, local_blocks=None, columns=(), corner="", **kwargs):
        self.grid_columns, self.grid_corner = columns, corner
        super().__init__(local_blocks, **kwargs)

    class Meta:
        form_template = "gongkai_reports/admin/statistics_grid.html"


class StatisticsTableBlock(GridMixin, blocks.StructBlock):
    """A table whose numbers must add up. Its totals are computed; what still disagrees (表三 一+二 ≠ 总计+四) is
    named with the cell and the rule (表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）). A draft with such a problem is
    saved and shown the warnings; publishing and submitting for review are refused until it is fixed
    (gongkai.reports.checks)."""

    report_format = "2021"

    def consistency_errors(self, value):
        return []

    def clean(self, value):
        return self.fill_totals(super().clean(value))

    class Meta:
        form_template = "gongkai_reports/admin/statistics_grid.html"


class ProactiveDisclosureTableBlock(StatisticsTableBlock):
    """表二 主动公开政府信息情况 (2021 format)."""

    def __init__(self, **kwargs):
        children = []
        for key, heading, rows, columns in statistics.table_a_subtables(self.report_format):
            children.append((key, NumbersTableBlock(
                [(row, _numbers_row(columns, row_label, key)) for row, row_label in rows], label=heading,
                columns=columns, corner=statistics.TABLE_A_FIRST_HEADER)))
        super().__init__(children, **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        subtables = statistics.table_a_subtables(self.report_format)
        width = max(len(columns) for *_rest, columns in subtables)
        # A sub-table with fewer columns widens its last one, so every sub-table spans the full width.
        context["subtables"] = [
            {"heading": heading, "columns": [label for _k, label in columns], "span": width - len(columns) + 1,
             "rows": [(row_label, [value[key][row][column] for column, _l in columns]) for row, row_label in rows]}
            for key, heading, rows, columns in subtables
        ]
        context["width"] = width + 1
        context["first_header"] = statistics.TABLE_A_FIRST_HEADER
        return context

    class Meta:
        icon = "table"
        label = _("表二 主动公开政府信息情况")
        template = "gongkai_reports/blocks/table_a.html"
        form_template = None


class ProactiveDisclosure2019TableBlock(ProactiveDisclosureTableBlock):
    """表二 in the 2019 trial format: 新制作/新公开/对外公开总数量, project counts and 政府集中采购."""

    report_format = "2019"

    class Meta:
        label = _("表二 主动公开政府信息情况（2019 年试行格式）")


class ApplicationsTableBlock(StatisticsTableBlock):
    """表三 收到和处理政府信息公开申请情况 (2021 format)."""

    def __init__(self, **kwargs):
        rows = [(key, _numbers_row(statistics.TABLE_B_COLUMNS, f"{group_label} {label}" if group_label else label))
                for key, label, _group, group_label in statistics.table_b_rows(self.report_format)]
        super().__init__(rows, **kwargs)

    grid_columns = statistics.TABLE_B_COLUMNS
    grid_corner = "申请人情况"

    def grid(self):
        column_labels = dict(statistics.TABLE_B_COLUMNS)
        return {
            "sum_columns": [key for key, _label in statistics.TABLE_B_APPLICANTS], "total_column": "total",
            "row_totals": [key for key, *_rest in statistics.table_b_rows(self.report_format)],
            "sum_rows": statistics.table_b_result_keys(self.report_format), "total_row": "results_total",
            # Rule 1, per column: 一 + 二 = （七）总计 + 四.
            "balance": {"left": ["received", "carried_over"], "right": ["results_total", "carried_forward"],
                        "message": "{column}列：一+二 ≠ 总计+四（{left} ≠ {right}）", "columns": column_labels},
        }

    def consistency_errors(self, value):
        return statistics.check_table_b(value, report_format=self.report_format)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        columns = [key for key, _label in statistics.TABLE_B_COLUMNS]
        rows = statistics.table_b_rows(self.report_format)
        result_keys = [key for key, _l, group, _gl in rows if key not in ("received", "carried_over", "carried_forward")]
        body = []
        seen_groups = set()
        for key, label, group, group_label in rows:
            cells = []
            if key == result_keys[0]:
                cells.append({"text": statistics.TABLE_B_RESULTS_HEADING, "rowspan": len(result_keys), "colspan": 1})
            if group and group not in seen_groups:
                seen_groups.add(group)
                size = sum(1 for r in rows if r[2] == group)
                cells.append({"text": group_label, "rowspan": size, "colspan": 1})
            if group:
                cells.append({"text": label, "rowspan": 1, "colspan": 1})
            elif key in result_keys:
                cells.append({"text": label, "rowspan": 1, "colspan": 2})
            else:
                cells.append({"text": label, "rowspan": 1, "colspan": 3})
            body.append({"headers": cells, "values": [value[key][column] for column in columns]})
        context.update({
            "note": statistics.TABLE_B_NOTE, "applicants": statistics.TABLE_B_APPLICANTS, "body": body,
        })
        return context

    class Meta:
        icon = "table"
        label = _("表三 收到和处理政府信息公开申请情况")
        template = "gongkai_reports/blocks/table_b.html"


class Applications2019TableBlock(ApplicationsTableBlock):
    """表三 in the 2019 trial format, where （六）其他处理 is one row."""

    report_format = "2019"

    class Meta:
        label = _("表三 收到和处理政府信息公开申请情况（2019 年试行格式）")


class ReviewLitigationTableBlock(StatisticsTableBlock):
    """表四 政府信息公开行政复议、行政诉讼情况."""

    def __init__(self, **kwargs):
        children = [
            (group, _numbers_row(statistics.TABLE_C_OUTCOMES, f"{label}（{sub}）" if sub else label))
            for group, label, sub in statistics.TABLE_C_GROUPS
        ]
        super().__init__(children, **kwargs)

    grid_columns = statistics.TABLE_C_OUTCOMES

    def grid(self):
        return {"sum_columns": [key for key, _l in statistics.TABLE_C_OUTCOMES[:-1]], "total_column": "total",
                "row_totals": [group for group, _l, _s in statistics.TABLE_C_GROUPS]}

    def consistency_errors(self, value):
        return statistics.check_table_c(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["outcomes"] = [label for _k, label in statistics.TABLE_C_OUTCOMES]
        context["values"] = [value[group][key] for group, _l, _s in statistics.TABLE_C_GROUPS for key, _o in statistics.TABLE_C_OUTCOMES]
        return context

    class Meta:
        icon = "table"
        label = _("表四 政府信息公开行政复议、行政诉讼情况")
        template = "gongkai_reports/blocks/table_c.html"


class SectionContentBlock(blocks.StreamBlock):
    subheading = SubheadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    table = TableBlock()
    proactive_table = ProactiveDisclosureTableBlock()
    applications_table = ApplicationsTableBlock()
    review_litigation_table = ReviewLitigationTableBlock()
    proactive_table_2019 = ProactiveDisclosure2019TableBlock()
    applications_table_2019 = Applications2019TableBlock()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("标题"), max_length=255, help_text=_("如：一、主要工作"))
    content = SectionContentBlock(label=_("内容"))

    class Meta:
        icon = "list-ul"
        label = _("章节")
        template = "gongkai_reports/blocks/section.html"


class ReportBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    section = SectionBlock()
