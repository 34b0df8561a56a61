from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Page

from gongkai.core import site_cache
from gongkai.core.forms import PageForm
from gongkai.core.models import ListedPage, PublicPageMixin
from gongkai.syndication.mixins import FeedMixin


class HomePage(PublicPageMixin, FeedMixin, Page):
    """The bureau's front page: priorities first (要闻), then the lists the public checks most."""

    page_description = _("网站首页：要闻、各栏目最新内容和网站简介")

    intro = models.TextField(_("网站简介"), blank=True)
    news_column = models.ForeignKey(
        "gongkai_columns.ColumnPage", verbose_name=_("工作动态栏目"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    notices_column = models.ForeignKey(
        "gongkai_columns.ColumnPage", verbose_name=_("通知公告栏目"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    disclosure_column = models.ForeignKey(
        "gongkai_columns.ColumnPage", verbose_name=_("政务公开栏目"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    list_length = models.PositiveSmallIntegerField(_("每个列表的条数"), default=6)

    max_count_per_parent = 1
    api_fields = [APIField("intro"), APIField("news_column"), APIField("notices_column"), APIField("disclosure_column")]
    parent_page_types = ["wagtailcore.Page"]
    base_form_class = PageForm
    subpage_types = ["gongkai_columns.ColumnPage"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                PageChooserPanel("news_column", "gongkai_columns.ColumnPage"),
                PageChooserPanel("notices_column", "gongkai_columns.ColumnPage"),
                PageChooserPanel("disclosure_column", "gongkai_columns.ColumnPage"),
                FieldPanel("list_length"),
            ],
            heading=_("首页列表"),
        ),
    ]

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    def featured_items(self):
        return (
            site_cache.public(ListedPage.objects.live()).descendant_of(self).filter(featured=True)
            .order_by("-pinned", "-date", "-pk")[: self.list_length]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The lists change only when something is published, so they are kept until then (as the feeds are).
        context["featured"], context["home_lists"] = site_cache.remember_published(request, ("home-lists", self.pk), self.lists)
        context["columns"] = site_cache.menu_columns(request, self)
        return context

    def lists(self):
        """(要闻 items, [(column, its newest items)])."""
        return list(self.featured_items()), [(column, list(column.listed_items()[: self.list_length])) for column in self.list_columns()]

    def list_columns(self):
        """The columns whose newest items the page lists, in this page's language."""
        columns = []
        for column in (self.news_column, self.notices_column, self.disclosure_column):
            # A translated home page shares these links with its source; show each column in this page's language.
            column = column.get_translation_or_none(self.locale) or column if column is not None else None
            if column is not None and column.live:
                columns.append(column)
        return columns
