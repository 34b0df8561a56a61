from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from gongkai.core import site_cache
from gongkai.core.forms import PageForm
from gongkai.core.models import ListedPage, PublicPageMixin, by_priority
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
        return by_priority(site_cache.public(ListedPage.objects.live()).descendant_of(self).filter(featured=True))[: self.list_length]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The lists change only when something is published, so they are kept until then (as the feeds are).
        default_locale = site_cache.locales(request).get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
        context["featured"], context["featured_original"], context["home_lists"] = site_cache.remember_published(
            request, ("home-lists", self.pk), lambda: self.lists(default_locale))
        context["columns"] = site_cache.menu_columns(request, self)
        return context

    def lists(self, default_locale=None):
        """(要闻 items, the Chinese home if they are empty here, [(column, its newest items, its Chinese original when
        this translated list is empty)]). A translated site seldom has everything translated: a box with nothing in
        this language points to the Chinese version instead of standing empty."""
        default_locale = default_locale or Locale.get_default()
        featured = list(self.featured_items())
        boxes = [(column, list(column.listed_items()[: self.list_length])) for column in self.list_columns()]
        empty = ([] if featured else [self]) + [column for column, items in boxes if not items]
        originals = {}
        if empty and self.locale_id != default_locale.pk:
            # One query for every empty box's Chinese original.
            found = Page.objects.live().filter(locale=default_locale, translation_key__in=[page.translation_key for page in empty])
            originals = {page.translation_key: page for page in found}
        return (featured, None if featured else originals.get(self.translation_key),
                [(column, items, None if items else originals.get(column.translation_key)) for column, items in boxes])

    def list_columns(self):
        """The columns whose newest items the page lists, in this page's language."""
        columns = []
        for column in (self.news_column, self.notices_column, self.disclosure_column):
            # A translated home page shares these links with its source; show each column in this page's language.
            column = column.get_translation_or_none(self.locale) or column if column is not None else None
            if column is not None and column.live:
                columns.append(column)
        return columns
