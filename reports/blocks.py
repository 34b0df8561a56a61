"""Blocks of the 政府信息公开工作年度报告. Sections hold narrative content; the statutory statistics
tables (表A/B/C) are further block types of SectionContentBlock, so a report can carry them in place."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import FigureBlock, ParagraphBlock, TableBlock


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("小标题")
        template = "reports/blocks/subheading.html"


class SectionContentBlock(blocks.StreamBlock):
    subheading = SubheadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    table = TableBlock()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("标题"), max_length=255, help_text=_("如：一、主要工作"))
    content = SectionContentBlock(label=_("内容"))

    class Meta:
        icon = "list-ul"
        label = _("章节")
        template = "reports/blocks/section.html"


class ReportBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    section = SectionBlock()
