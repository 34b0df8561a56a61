from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from gongkai.core.blocks import AttachmentsBlock, BodyBlock
from gongkai.core.models import ListedPage


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("gongkai_news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(ListedPage):
    """News and notices (要闻, 工作动态, 通知公告)."""

    page_description = _("要闻、工作动态、通知公告等文章：标题、发布日期、来源、正文和附件")

    source = models.CharField(_("信息来源"), max_length=200, blank=True)
    author = models.CharField(_("作者"), max_length=100, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("附件"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("标签"), through=ArticlePageTag, blank=True)

    api_fields = ListedPage.api_fields + [
        APIField("source"), APIField("author"), APIField("body"), APIField("attachments"), APIField("tags"),
    ]

    search_fields = ListedPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("source"),
        index.SearchField("author"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    content_panels = ListedPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("featured")]),
                FieldRowPanel([FieldPanel("pinned"), FieldPanel("pinned_until")]),
                FieldPanel("backdate_reason"),
                FieldRowPanel([FieldPanel("source"), FieldPanel("author")]),
                FieldPanel("tags"),
            ],
            heading=_("发布信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    def get_context(self, request, *args, **kwargs):
        from gongkai.core import site_cache

        context = super().get_context(request, *args, **kwargs)
        context["tag_names"] = site_cache.remember_published(
            request, ("article-tags", self.pk), lambda: [tag.name for tag in self.tags.all()])
        return context
