"""Blocks of the 政府信息公开工作年度报告. Sections hold narrative content; the statutory statistics
tables (表A/B/C) are further block types of SectionContentBlock, so a report can carry them in place."""

from django.forms.utils import ErrorList
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


def _numbers_row(columns, label, subtable=None):
    """One table row: a number for every column, laid out in a line in the editor."""
    return blocks.StructBlock(
        [(key, _number_block(column_label, decimal=(subtable, key) in statistics.DECIMAL_CELLS,
                             signed=key in statistics.SIGNED_COLUMNS))
         for key, column_label in columns],
        label=label, form_classname="stats-row")


class StatisticsTableBlock(blocks.StructBlock):
    """A table whose numbers must add up: clean() runs the consistency rules of docs/specs/annual-report-format.md, and a failed rule names
    the cell and the rule (表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）)."""

    report_format = "2021"

    def consistency_errors(self, value):
        return []

    def clean(self, value):
        value = super().clean(value)
        errors = self.consistency_errors(value)
        if errors:
            raise blocks.StructBlockValidationError(non_block_errors=ErrorList(errors))
        return value


class ProactiveDisclosureTableBlock(StatisticsTableBlock):
    """表二 主动公开政府信息情况 (2021 format)."""

    def __init__(self, **kwargs):
        children = []
        for key, heading, rows, columns in statistics.table_a_subtables(self.report_format):
            children.append((key, blocks.StructBlock(
                [(row, _numbers_row(columns, row_label, key)) for row, row_label in rows], label=heading)))
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
