"""Blocks of a 政策解读: the shared body blocks, plus question and answer pairs for a 问答 解读."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from gongkai.core.blocks import BodyBlock, ParagraphBlock


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("问题"), max_length=500)
    answer = ParagraphBlock(label=_("回答"))

    class Meta:
        icon = "help"
        label = _("问答")
        template = "gongkai_disclosure/blocks/question_answer.html"


class InterpretationBodyBlock(BodyBlock):
    question_answer = QuestionAnswerBlock()
