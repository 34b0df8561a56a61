"""政府信息公开目录: disclosed documents with the metadata inspections require, and the
managed 主题分类 taxonomy. A document's 索引号 is allocated once and never changes."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from gongkai.core.blocks import AttachmentsBlock, BodyBlock
from gongkai.core.models import ListedPage, SiteSettings

from ..forms import DocumentPageForm
from ..panels import InterpretationsPanel

UNCLASSIFIED_CODE = "00"


class TopicCategory(TranslatableMixin, models.Model):
    """主题分类: a managed list, so that documents are classified consistently and 索引号 carry its code."""

    code = models.CharField(_("类别号"), max_length=10, help_text=_("索引号的第二段，如 12"))
    name = models.CharField(_("名称"), max_length=100)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        ordering = ["sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "code"], name="disclosure_topic_code_per_locale"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


register_snippet(TopicCategory)


class TopicSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LinkSerializer(serializers.Serializer):
    """A page linked from another (a document's 解读, a 解读's documents) as the API gives it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    locale = serializers.CharField()


class InterpretationLinkSerializer(LinkSerializer):
    form = serializers.CharField()
    form_display = serializers.CharField()


class DocumentType(models.TextChoices):
    """文种 / 公文类别: what the annual report counts (规章, 行政规范性文件 …)."""

    LAW = "law", _("法律")
    ADMINISTRATIVE_REGULATION = "administrative_regulation", _("行政法规")
    DEPARTMENTAL_RULE = "departmental_rule", _("部门规章")
    LOCAL_REGULATION = "local_regulation", _("地方性法规")
    LOCAL_RULE = "local_rule", _("地方政府规章")
    NORMATIVE_DOCUMENT = "normative_document", _("行政规范性文件")
    OTHER = "other", _("其他文件")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class IndexNumberSequence(models.Model):
    """The last 流水号 used for one 机构代码-类别号-年度 prefix; rows are locked while a number is taken."""

    prefix = models.CharField(max_length=80, unique=True)
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("索引号序列")

    @classmethod
    def next_number(cls, prefix):
        with transaction.atomic():
            cls.objects.get_or_create(prefix=prefix)
            sequence = cls.objects.select_for_update().get(prefix=prefix)
            sequence.last_value += 1
            sequence.save(update_fields=["last_value"])
        return f"{prefix}-{sequence.last_value:05d}"


class DocumentPage(ListedPage):
    """An item of the 政府信息公开目录."""

    page_description = _("公开目录中的政府信息：自动生成索引号，填写文种、发布机构、发文字号、成文日期和有效性")

    index_number = models.CharField(
        _("索引号"), max_length=100, blank=True, db_index=True,
        help_text=_("留空自动生成：机构代码-类别号-年度-流水号；生成后不再改变"),
    )
    topic = models.ForeignKey(
        TopicCategory, verbose_name=_("主题分类"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    topic_confirmed = models.BooleanField(
        _("主题分类已确认"), default=False,
        help_text=_("主题分类由系统按规则建议时，编辑核对后勾选；改选主题分类也算确认"),
    )
    topic_reason = models.CharField(_("分类依据"), max_length=255, blank=True, editable=False)
    document_type = models.CharField(_("文种"), max_length=40, choices=DocumentType.choices, default=DocumentType.OTHER)
    issuer = models.CharField(_("发布机构"), max_length=200, blank=True)
    document_number = models.CharField(_("发文字号"), max_length=200, blank=True, db_index=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    keywords = models.CharField(_("主题词"), max_length=255, blank=True, help_text=_("多个主题词用空格分隔"))
    validity = models.CharField(_("有效性"), max_length=20, choices=Validity.choices, default=Validity.VALID, db_index=True)
    validity_note = models.CharField(
        _("有效性说明"), max_length=255, blank=True, help_text=_("如：已被《……》废止"),
    )
    # Kept as a date (not only in the note) so the annual report can count 本年废止件数 exactly.
    validity_changed = models.DateField(
        _("失效/废止日期"), null=True, blank=True, db_index=True, help_text=_("文件失效或废止的日期；有效的文件留空"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("附件"), blank=True)
    major_policy = models.BooleanField(
        _("重大政策"), default=False,
        help_text=_("涉及群众切身利益、社会关注度高的重大政策文件：与行政规范性文件一样，发布时应同步发布解读"),
    )
    interpretation_exemption = models.CharField(
        _("无需解读的理由"), max_length=255, blank=True,
        help_text=_("行政规范性文件和重大政策发布时应同步发布解读；确实不需要的，在此说明理由，如：仅修改个别文字，原解读仍然适用"),
    )

    # Kept with the page in each worker's memory (gongkai/core/routing.py): the template shows the 主题分类.
    kept_relations = ("topic",)
    api_fields = ListedPage.api_fields + [
        APIField("index_number"), APIField("topic", serializer=TopicSerializer()), APIField("topic_confirmed"), APIField("document_type"),
        APIField("document_type_display", serializer=serializers.CharField(source="get_document_type_display")),
        APIField("issuer"), APIField("document_number"), APIField("written_date"), APIField("keywords"),
        APIField("validity"), APIField("validity_display", serializer=serializers.CharField(source="get_validity_display")),
        APIField("validity_note"), APIField("validity_changed"), APIField("body"), APIField("attachments"),
        APIField("major_policy"), APIField("interpretation_exemption"),
        APIField("interpretations", serializer=InterpretationLinkSerializer(source="api_interpretations", many=True)),
    ]

    @property
    def search_demoted(self):
        """A 失效 or 废止 version ranks below the documents in force (wagtail-chinese-search reads this when indexing)."""
        return self.validity != Validity.VALID

    search_fields = ListedPage.search_fields + [
        index.SearchField("index_number"),
        index.SearchField("document_number"),
        index.SearchField("issuer"),
        index.SearchField("keywords"),
        index.SearchField("body"),
        index.FilterField("validity"),
        index.FilterField("document_type"),
        index.FilterField("topic"),
    ]

    content_panels = ListedPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("index_number"),
                FieldRowPanel([FieldPanel("topic"), FieldPanel("document_type")]),
                FieldPanel("topic_confirmed"),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("document_number")]),
                FieldRowPanel([FieldPanel("written_date"), FieldPanel("date")]),
                FieldPanel("backdate_reason"),
                FieldPanel("keywords"),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("validity_changed")]),
                FieldPanel("validity_note"),
                FieldRowPanel([FieldPanel("pinned"), FieldPanel("pinned_until"), FieldPanel("featured")]),
            ],
            heading=_("公开目录信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [InterpretationsPanel(), FieldPanel("major_policy"), FieldPanel("interpretation_exemption")],
            heading=_("政策解读"),
        ),
    ]

    base_form_class = DocumentPageForm

    # Copies get their own number; a translation shares its source's (see save()).
    exclude_fields_in_copy = ["index_number"]

    class Meta:
        verbose_name = _("公开文件")
        verbose_name_plural = _("公开文件")

    @property
    def missing_number_reason(self):
        """Why a document shows "—" for 发文字号: inspections expect the gap explained, not left blank."""
        if self.document_number:
            return ""
        if self.document_type == DocumentType.LAW:
            return _("（法律以主席令公布，来源未载令号）")
        return _("（原文未载发文字号）")

    @property
    def missing_written_date_reason(self):
        return "" if self.written_date else _("（原文未载成文日期）")

    def get_context(self, request, *args, **kwargs):
        from gongkai.core import site_cache

        from ..interpretations import interpretations_of

        context = super().get_context(request, *args, **kwargs)
        context["interpretations"] = site_cache.remember_published(
            request, ("interpretations", self.pk),
            lambda: interpretations_of([self], self.locale_id, request).get(self.translation_key, []))
        return context

    @property
    def api_interpretations(self):
        from ..interpretations import interpretations_of, link_data

        return [link_data(page) for page in interpretations_of([self], self.locale_id).get(self.translation_key, [])]

    @property
    def is_in_force(self):
        return self.validity == Validity.VALID

    def index_prefix(self):
        # A new page's own URL path is not known yet; its parent's site is the same.
        parent = self.get_parent()
        site = parent.get_site() if parent else None
        agency = SiteSettings.for_site(site).get_agency_code() if site else SiteSettings().get_agency_code()
        code = self.topic.code if self.topic_id else UNCLASSIFIED_CODE
        year = (self.written_date or self.date).year
        return f"{agency}-{code}-{year}"

    def clean(self):
        super().clean()
        if self.index_number:
            clash = DocumentPage.objects.filter(index_number=self.index_number).exclude(translation_key=self.translation_key)
            if clash.exists():
                raise ValidationError({"index_number": _("索引号“%(number)s”已被其他文件使用") % {"number": self.index_number}})
        if self.written_date and self.date and self.written_date > self.date:
            raise ValidationError({"written_date": _("成文日期不能晚于发布日期")})
        if self.validity_changed and self.validity == Validity.VALID:
            raise ValidationError({"validity_changed": _("有效的文件没有失效/废止日期；请清空此项，或把有效性改为失效或废止")})
        if self.validity_changed and self.written_date and self.validity_changed < self.written_date:
            raise ValidationError({"validity_changed": _("失效/废止日期不能早于成文日期")})

    def suggest_topic(self):
        """No 主题分类 yet: take the one the rules suggest (classification.py), to be confirmed by an editor."""
        from django.conf import settings
        from django.utils import translation

        from ..classification import suggest_topic

        # Stored with the page: written in the site's language, whatever language the request that saves it uses.
        with translation.override(settings.LANGUAGE_CODE):
            suggestion = suggest_topic(self.title, self.issuer, self.document_type)
        locale_id = self.locale_id or self.get_default_locale().pk
        self.topic = TopicCategory.objects.filter(locale_id=locale_id, code=suggestion.code).first()
        if self.topic is not None:
            self.topic_confirmed = False
            self.topic_reason = suggestion.reason[:255]

    def assign_index_number(self):
        """A translation shares the 索引号 of its source document; a new document takes the next number."""
        sibling = (
            DocumentPage.objects.filter(translation_key=self.translation_key).exclude(index_number="")
            .exclude(pk=self.pk).values_list("index_number", flat=True).first()
        )
        self.index_number = sibling or IndexNumberSequence.next_number(self.index_prefix())

    def full_clean(self, *args, **kwargs):
        if self.topic_id is None:
            self.suggest_topic()
        # Allocate before validation so a new page's number is checked like any other.
        if not self.index_number and self.path:
            self.assign_index_number()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if self.topic_id is None:
            self.suggest_topic()
        if not self.index_number and self.path:
            self.assign_index_number()
        return super().save(*args, **kwargs)
