from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from gongkai.core import site_cache
from gongkai.core.blocks import BodyBlock
from gongkai.core.forms import PageForm
from gongkai.core.models import ListedPage, PublicPageMixin, by_priority
from gongkai.syndication.mixins import FeedMixin

from . import services

try:
    from wagtail_localize.fields import SynchronizedField
except ImportError:  # wagtail-localize is optional for a site that installs the apps
    SynchronizedField = None


class ColumnKind(models.TextChoices):
    NEWS = "news", _("信息列表")
    FEATURED = "featured", _("要闻（列出全站要闻）")
    CATALOGUE = "catalogue", _("公开目录")
    REPORTS = "reports", _("年度报告")
    CONSULTATION = "consultation", _("征求意见")
    PAGE = "page", _("单页")
    LINK = "link", _("外部链接")


# Kinds that list their items newest first (the others show a catalogue, a page or a link).
LIST_KINDS = {ColumnKind.NEWS, ColumnKind.FEATURED, ColumnKind.REPORTS, ColumnKind.CONSULTATION}
# What an editor can create in each kind of column (Wagtail's "choose a page type" offers only these).
KIND_PAGE_TYPES = {
    ColumnKind.NEWS: {"gongkai_columns.columnpage", "gongkai_news.articlepage", "gongkai_disclosure.interpretationpage"},
    ColumnKind.FEATURED: {"gongkai_news.articlepage"},
    ColumnKind.CATALOGUE: {"gongkai_columns.columnpage", "gongkai_disclosure.documentpage"},
    ColumnKind.REPORTS: {"gongkai_reports.annualreportpage", "gongkai_disclosure.documentpage"},
    ColumnKind.CONSULTATION: {"gongkai_interaction.consultationpage"},
    ColumnKind.PAGE: {"gongkai_columns.columnpage"},
    ColumnKind.LINK: set(),
}


def paginate(request, queryset, per_page=None):
    """Return the requested page of a queryset; a bad or out-of-range ?page= gives the nearest page, never an error."""
    paginator = Paginator(queryset, per_page or getattr(settings, "GONGKAI_LIST_PAGE_SIZE", 20))
    return paginator.get_page(request.GET.get("page"))


def remembered_page(request, key, make_queryset, decorate=None):
    """paginate(make_queryset()), kept until the next publish for an unfiltered list (a list changes only when
    something in it is published, unpublished, moved or deleted). Filtered or odd requests are worked out each time.
    The queryset is made only when needed, so a kept list costs no query building either. decorate(items) adds what
    the rows show beyond the items themselves (a document's 解读), kept with them."""
    number = request.GET.get("page", "1")

    def build():
        page = paginate(request, make_queryset())
        page.object_list = list(page.object_list)
        if decorate is not None:
            decorate(page.object_list)
        return page

    if set(request.GET) - {"page"} or not (number.isascii() and number.isdigit() and len(number) <= 4):
        return build()

    return site_cache.remember_published(request, (*key, number), build)


def mark_interpretations(request, documents):
    """Each document of a catalogue page carries its 解读 (doc.interpretations), for the row's marks: two queries."""
    from gongkai.disclosure.interpretations import linked_pages

    found = linked_pages(documents, request)
    for document in documents:
        document.interpretations = found.get(document.pk, [])


class ColumnPageForm(PageForm):
    """服务入口 as checkboxes of the registered services, stored as their names separated by commas."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "services" in self.fields:
            from django import forms

            field = self.fields["services"]
            self.fields["services"] = forms.MultipleChoiceField(
                label=field.label, help_text=field.help_text, required=False, choices=services.choices(),
                widget=forms.CheckboxSelectMultiple)
            self.initial["services"] = services.names(self.instance)

    def clean_services(self):
        return ",".join(self.cleaned_data.get("services") or [])


class UpdateRule(models.TextChoices):
    """How often a column must be updated (国办秘函〔2019〕19号). Auto decides from the column's kind and title."""

    AUTO = "", _("自动（按栏目类型和名称确定）")
    NEWS = "news", _("动态、要闻：两周")
    NOTICES = "notices", _("通知公告、政策文件：六个月")
    ANNUAL = "annual", _("年报、年度报表：一年")
    CUSTOM = "custom", _("自定义天数")
    NONE = "none", _("不要求定期更新（静态页面、栏目分组）")


class ColumnPage(PublicPageMixin, FeedMixin, Page):
    """A 栏目. Columns nest; what a column shows depends on its kind."""

    kind = models.CharField(
        _("栏目类型"), max_length=20, choices=ColumnKind.choices, default=ColumnKind.NEWS,
        help_text=_("决定栏目显示什么、能在其中新建哪类页面：信息列表——文章和下级栏目；要闻——发在这里的文章即为要闻，"
                    "栏目列出全站要闻（与首页要闻相同）；公开目录——公开文件；年度报告——年报和年度报表；征求意见——征求意见稿"))
    intro = models.TextField(_("栏目说明"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True, help_text=_("单页栏目的内容；列表栏目显示在列表之上"))
    link_url = models.URLField(_("链接地址"), blank=True, help_text=_("外部链接栏目跳转的地址"))
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("链接页面"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("外部链接栏目也可以指向本站的页面"),
    )
    department = models.ForeignKey(
        "gongkai_governance.Department", verbose_name=_("主管科室"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="columns", help_text=_("该科室的编辑可以在本栏目中新建和修改内容，科室负责人负责审核"),
    )
    update_rule = models.CharField(_("更新要求"), max_length=20, choices=UpdateRule.choices, default=UpdateRule.AUTO, blank=True)
    update_days = models.PositiveSmallIntegerField(_("自定义更新周期（天）"), null=True, blank=True)
    services = models.CharField(
        _("服务入口"), max_length=200, blank=True,
        help_text=_("在栏目页上显示这些服务的入口，如“互动交流”栏目链接局长信箱、依申请公开和正在征求意见的事项"),
    )

    base_form_class = ColumnPageForm
    if SynchronizedField is not None:
        # The service names are settings, not text to translate.
        override_translatable_fields = [SynchronizedField("services")]
    subpage_types = ["gongkai_columns.ColumnPage", "gongkai_news.ArticlePage", "gongkai_disclosure.DocumentPage", "gongkai_reports.AnnualReportPage",
                     "gongkai_interaction.ConsultationPage", "gongkai_disclosure.InterpretationPage"]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("kind"), APIField("intro"), APIField("body"), APIField("link_url")]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("services"),
        MultiFieldPanel([FieldPanel("link_url"), PageChooserPanel("link_page")], heading=_("外部链接栏目")),
        MultiFieldPanel(
            # Only those who manage departments (the 办公室) reassign columns and their rules.
            [FieldPanel("department", permission="gongkai_governance.change_department"),
             FieldRowPanel([FieldPanel("update_rule", permission="gongkai_governance.change_department"),
                            FieldPanel("update_days", permission="gongkai_governance.change_department")])],
            heading=_("栏目管理"),
        ),
    ]

    page_description = _("栏目：列出下级内容或作为单页，可指定主管科室和更新要求")

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def accepts_page_type(self, model):
        return model._meta.label_lower in KIND_PAGE_TYPES.get(self.kind, set())

    @property
    def marks_featured(self):
        """Items published here are 要闻: the home page's box and this column list the same items."""
        return self.kind == ColumnKind.FEATURED

    @property
    def is_list(self):
        return self.kind in LIST_KINDS

    def clean(self):
        super().clean()
        if self.kind == ColumnKind.LINK and not (self.link_url or self.link_page_id):
            raise ValidationError({"link_url": _("外部链接栏目需要填写链接地址或选择链接页面")})
        if self.update_rule == UpdateRule.CUSTOM and not self.update_days:
            raise ValidationError({"update_days": _("选择“自定义天数”时请填写更新周期")})

    def has_feed(self):
        return self.is_list or self.kind == ColumnKind.CATALOGUE

    @property
    def is_link(self):
        return self.kind == ColumnKind.LINK

    def get_link_target(self, request=None):
        if self.link_page_id:
            return self.link_page.get_url(request)
        return self.link_url

    def listed_items(self):
        """Everything published below this column, pinned first, newest first: one query. A 要闻 column lists every
        要闻 of its site, wherever it was published."""
        items = site_cache.public(ListedPage.objects.live())
        if self.marks_featured:
            site = self.get_site()
            items = items.descendant_of(site.root_page if site else self.get_parent()).filter(featured=True)
        else:
            items = items.descendant_of(self)
        return by_priority(items)

    def catalogue_items(self):
        from gongkai.disclosure.models import DocumentPage

        return by_priority(site_cache.public(DocumentPage.objects.live()).descendant_of(self).select_related("topic"))

    def get_sub_columns(self):
        return site_cache.public(ColumnPage.objects.child_of(self).live()).order_by("path")

    def serve(self, request, *args, **kwargs):
        if self.is_link:
            target = self.get_link_target(request)
            if target:
                return redirect(target)
        return super().serve(request, *args, **kwargs)

    def aside(self):
        """Side navigation: (column, its sub-columns): this column's own, or else its siblings under the parent."""
        sub_columns = list(self.get_sub_columns())
        if sub_columns:
            return self, sub_columns
        parent = self.get_parent().specific
        if isinstance(parent, ColumnPage):
            return parent, list(parent.get_sub_columns())
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = services.for_column(self, request)
        aside = site_cache.remember(request, ("column-aside", self.pk), self.aside)
        if aside:
            context["aside_column"], context["aside_items"] = aside
        if self.is_list:
            context["items"] = remembered_page(request, ("column-items", self.pk), self.listed_items)
        elif self.kind == ColumnKind.CATALOGUE:
            from gongkai.disclosure.filters import CatalogueFilters

            filters = CatalogueFilters(request.GET, queryset=self.catalogue_items())
            filters.keep_topic_choices(request)
            context["filters"] = filters
            context["items"] = remembered_page(request, ("catalogue-items", self.pk), lambda: filters.qs,
                                               decorate=lambda documents: mark_interpretations(request, documents))
        return context
