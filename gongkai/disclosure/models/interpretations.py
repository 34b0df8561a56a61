"""政策解读: an interpretation (a text, a 图解, an official's interview, a Q&A, a media commentary) that names the
documents it explains. The link is stored once, on the 解读; a document finds its 解读 through it, and both sides
follow it across translations (gongkai/disclosure/interpretations.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from gongkai.core.blocks import AttachmentsBlock
from gongkai.core.models import ListedPage

from ..blocks import InterpretationBodyBlock
from ..forms import InterpretationPageForm
from .documents import DocumentPage, LinkSerializer


class InterpretationForm(models.TextChoices):
    """The forms the 政府网站工作年度报表 counts apart: 解读材料 (text, Q&A), 解读产品 (图解, video), 媒体评论."""

    TEXT = "text", _("文字")
    GRAPHIC = "graphic", _("图解")
    VIDEO = "video", _("视频/访谈")
    QA = "qa", _("问答")
    COMMENTARY = "commentary", _("媒体评论")


# The 政府网站工作年度报表's rows under 解读信息发布 (国办函〔2018〕12号).
MATERIAL_FORMS = (InterpretationForm.TEXT, InterpretationForm.QA)
PRODUCT_FORMS = (InterpretationForm.GRAPHIC, InterpretationForm.VIDEO)


class InterpretedDocument(Orderable):
    """One document a 解读 explains."""

    interpretation = ParentalKey("gongkai_disclosure.InterpretationPage", verbose_name=_("政策解读"), related_name="interpreted_documents",
                                 on_delete=models.CASCADE)
    document = models.ForeignKey(
        DocumentPage, verbose_name=_("解读的文件"), on_delete=models.CASCADE, related_name="interpretation_links",
    )

    panels = [PageChooserPanel("document", "gongkai_disclosure.DocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("解读的文件")
        verbose_name_plural = _("解读的文件")
        # No unique constraint on (interpretation, document): the editor's form refuses a document chosen twice with
        # its own message, and readers' lookups take each pair once whatever the table holds.


class InterpretedDocumentSerializer(LinkSerializer):
    index_number = serializers.CharField()
    document_number = serializers.CharField()


class InterpretationPage(ListedPage):
    """政策解读: explains one or more documents of the 公开目录, and is shown on each of them."""

    page_description = _("政策解读：文字解读、图解、视频/访谈、问答或媒体评论，选择所解读的文件，与文件相互链接")

    form = models.CharField(_("解读形式"), max_length=20, choices=InterpretationForm.choices, default=InterpretationForm.TEXT)
    source = models.CharField(_("信息来源"), max_length=200, blank=True)
    interpreter = models.CharField(
        _("解读人"), max_length=200, blank=True, help_text=_("如：市科技局政策法规科负责人；访谈请写明受访人的职务"),
    )
    body = StreamField(
        InterpretationBodyBlock(), verbose_name=_("正文"), blank=True,
        help_text=_("图解请为每张图片填写替代文本或附上文字版；视频/访谈请上传视频为附件，并在正文附文字实录"),
    )
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("附件"), blank=True)

    api_fields = ListedPage.api_fields + [
        APIField("form"), APIField("form_display", serializer=serializers.CharField(source="get_form_display")),
        APIField("source"), APIField("interpreter"), APIField("body"), APIField("attachments"),
        APIField("documents", serializer=InterpretedDocumentSerializer(source="api_documents", many=True)),
    ]

    search_fields = ListedPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("interpreter"),
        index.FilterField("form"),
    ]

    content_panels = ListedPage.content_panels + [
        InlinePanel("interpreted_documents", label=_("解读的文件"), min_num=1,
                    help_text=_("选择本解读所解读的公开文件（可选多件）；文件页面会显示本解读，本页也链接回文件")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("form"), FieldPanel("date")]),
                FieldPanel("backdate_reason"),
                FieldRowPanel([FieldPanel("source"), FieldPanel("interpreter")]),
                FieldRowPanel([FieldPanel("pinned"), FieldPanel("pinned_until"), FieldPanel("featured")]),
            ],
            heading=_("发布信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]

    base_form_class = InterpretationPageForm

    class Meta:
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")

    def with_content_json(self, content):
        """A revision restored or published after one of its documents was deleted: the link goes, the 解读 stays."""
        page = super().with_content_json(content)
        links = list(page.interpreted_documents.all())
        present = set(DocumentPage.objects.filter(pk__in=[link.document_id for link in links]).values_list("pk", flat=True))
        if len(present) < len(links):
            page.interpreted_documents = [link for link in links if link.document_id in present]
        return page

    def get_context(self, request, *args, **kwargs):
        from gongkai.core import site_cache

        from ..interpretations import documents_of

        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the documents the draft names, published or not.
            context["interpreted"] = [link.document for link in self.interpreted_documents.all() if link.document_id]
        else:
            context["interpreted"] = site_cache.remember_published(
                request, ("interpreted", self.pk), lambda: documents_of([self], self.locale_id, request).get(self.translation_key, []))
        return context

    @property
    def api_documents(self):
        from ..interpretations import documents_of, link_data

        return [link_data(page) for page in documents_of([self], self.locale_id).get(self.translation_key, [])]
