from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index

from . import site_cache
from .forms import PageForm


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the site: shown in the footer and in the 政府信息公开指南, as inspections require."""

    site_name = models.CharField(_("网站名称"), max_length=100, blank=True)
    english_name = models.CharField(_("英文名称"), max_length=200, blank=True, help_text=_("英文版网站显示的名称"))
    organiser = models.CharField(_("主办单位"), max_length=100, blank=True)
    address = models.CharField(_("办公地址"), max_length=255, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    phone = models.CharField(_("联系电话"), max_length=100, blank=True)
    fax = models.CharField(_("传真号码"), max_length=100, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=255, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=100, blank=True)
    police_number = models.CharField(_("公安备案号"), max_length=100, blank=True)
    site_code = models.CharField(_("网站标识码"), max_length=50, blank=True)
    conac_id = models.CharField(
        _("党政机关网站标识编号"), max_length=64, blank=True,
        help_text=_("中央编办开具的党政机关网站标识的编号（标识链接中 id= 之后的部分）；填写后页脚链接到标识的核验页面"),
    )
    # The emblem is the image the 机构编制 authorities issued to this site: never drawn by the software.
    conac_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("党政机关网站标识图片"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("上传中央编办开具的标识图片；未上传时，页脚以文字“党政机关网站标识”链接到核验页面"),
    )
    agency_code = models.CharField(
        _("机构代码"), max_length=30, blank=True,
        help_text=_("索引号的第一段，通常为统一社会信用代码或组织机构代码；留空则使用系统默认值"),
    )
    backdate_days = models.PositiveSmallIntegerField(
        _("补发说明天数"), default=7,
        help_text=_("发布日期早于今天这么多天以上时，编辑须填写补发说明（记入页面历史），防止倒签发稿日期"),
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("english_name"), FieldPanel("organiser"), FieldPanel("agency_code")], heading=_("网站")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("phone"), FieldPanel("fax"),
             FieldPanel("email"), FieldPanel("office_hours")],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_number"), FieldPanel("site_code"), FieldPanel("conac_id"),
             FieldPanel("conac_image")], heading=_("备案与标识"),
        ),
        FieldPanel("backdate_days"),
    ]

    class Meta:
        verbose_name = _("网站信息")
        verbose_name_plural = _("网站信息")

    @classmethod
    def for_request(cls, request):
        """Wagtail's for_request, read once per worker and content version (saving settings bumps it) rather than
        once per request. The object is shared: read it, don't change it."""
        from gongkai.core import site_cache

        site = site_cache.site(request)
        if site is None:
            return super().for_request(request)
        return site_cache.remember(request, ("settings", site.pk), lambda: cls.for_site(site))

    def _in_english(self, chinese):
        """The bureau's English name on English pages (when it has one), else the Chinese text given."""
        from django.utils.translation import get_language

        if (get_language() or "").startswith("en") and self.english_name:
            return self.english_name
        return chinese

    def localized_name(self):
        """The site's name in the language being read."""
        return self._in_english(self.site_name)

    def localized_organiser(self):
        """主办单位 in the language being read."""
        return self._in_english(self.organiser)

    @property
    def police_code(self):
        """The digits of the 公安机关备案号, which its public record's address needs."""
        import re

        return "".join(re.findall(r"\d", self.police_number))

    def get_agency_code(self):
        return self.agency_code or getattr(settings, "GONGKAI_AGENCY_CODE", "000000000")


class PublicPageMixin:
    """For page types the public reads: the privacy check behind every page view needs no query while no page of
    the site is private (almost always, on a disclosure site)."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        from gongkai.core import site_cache

        if not site_cache.has_view_restrictions():
            restrictions = PageViewRestriction.objects.none()
            # Known to be empty: Wagtail iterates this on every page view, and an empty queryset would still be
            # compiled each time. Callers that filter or order it get a fresh (empty) queryset as usual.
            restrictions._result_cache = []
            return restrictions
        return super().get_view_restrictions()

    @classmethod
    def can_create_at(cls, parent):
        # A parent may take only some page types: a column offers those of its kind (gongkai.columns KIND_PAGE_TYPES).
        accepts = getattr(getattr(parent, "specific", parent), "accepts_page_type", None)
        return super().can_create_at(parent) and (accepts is None or accepts(cls))


def by_priority(items):
    """Lists order: 置顶 first (while its end date has not passed), then newest first. Items carry pinned_now."""
    today = timezone.localdate()
    pinned_now = models.Case(
        models.When(models.Q(pinned=True) & (models.Q(pinned_until__isnull=True) | models.Q(pinned_until__gte=today)),
                    then=models.Value(True)),
        default=models.Value(False), output_field=models.BooleanField(),
    )
    return items.annotate(pinned_now=pinned_now).order_by("-pinned_now", "-date", "-pk")


class ListedPage(PublicPageMixin, Page):
    """A page that appears in column lists: news, disclosed documents, reports.

    A concrete parent table (not an abstract class) so that one query lists every kind of
    item in a column, ordered by the priority flags and date, whatever the list's length."""

    date = models.DateField(_("发布日期"), default=timezone.localdate, db_index=True)
    pinned = models.BooleanField(_("置顶"), default=False, help_text=_("在栏目列表中排在最前"))
    pinned_until = models.DateField(
        _("置顶截止日期"), null=True, blank=True,
        help_text=_("到这一天为止置顶，之后按日期排列；留空则一直置顶。新的一年度报告发布时，旧的就不会压在上面"),
    )
    featured = models.BooleanField(_("要闻"), default=False, help_text=_("列入首页要闻和“要闻”栏目；发在“要闻”栏目的内容自动为要闻"))
    summary = models.TextField(_("摘要"), blank=True, help_text=_("列表、搜索结果和分享时显示的简短说明"))

    is_creatable = False

    def save(self, *args, **kwargs):
        # Published in a 要闻 column, an item is 要闻: one concept for the column and the home page's box.
        if not self.featured and self.path and self.depth and self.depth > 1:
            self.featured = getattr(self.get_parent().specific, "marks_featured", False)
        return super().save(*args, **kwargs)

    base_form_class = PageForm
    api_fields = [APIField("date"), APIField("pinned"), APIField("pinned_until"), APIField("featured"), APIField("summary")]
    # Items live in columns and hold no pages of their own; subclasses inherit both rules.
    parent_page_types = ["gongkai_columns.ColumnPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("date"),
    ]


    @property
    def is_pinned(self):
        """置顶 today: pinned, and the end date (if any) not yet passed."""
        if hasattr(self, "pinned_now"):
            return bool(self.pinned_now)
        return self.pinned and (self.pinned_until is None or self.pinned_until >= timezone.localdate())

    def clean(self):
        super().clean()
        if self.pinned_until and not self.pinned:
            from django.core.exceptions import ValidationError

            raise ValidationError({"pinned_until": _("只有置顶的内容才有置顶截止日期；请勾选“置顶”，或清空此项")})

    def neighbours(self, request=None):
        """上一篇 and 下一篇 as (title, url) or None: the items listed just before and after this one in its column, in
        the column's order. The column's order is kept per content version, so an item page costs no query for it."""
        parent_path = self.path[: -self.steplen]

        def build():
            return list(by_priority(site_cache.public(ListedPage.objects.live()).filter(path__startswith=parent_path, depth=self.depth)))

        listed = site_cache.remember_published(request, ("neighbours", parent_path), build)
        at = next((index for index, page in enumerate(listed) if page.pk == self.pk), None)
        if at is None:
            return None, None
        previous = listed[at - 1] if at else None
        following = listed[at + 1] if at + 1 < len(listed) else None
        return tuple((page.title, site_cache.page_url(request, page)) if page else None for page in (previous, following))

    class Meta:
        verbose_name = _("栏目内容")
        indexes = [models.Index(fields=["pinned", "date"], name="core_listed_priority")]
