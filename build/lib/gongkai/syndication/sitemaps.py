from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from gongkai.core import site_cache


class SiteSitemap(Sitemap):
    """Every live public page of the site in every language: the home page's translations are trees of their
    own (/en/…), which Wagtail's default sitemap, walking the Chinese home page only, would leave out."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in [root, *root.get_translations()]:
            trees |= Q(path__startswith=home.path)
        return site_cache.public(Page.objects.filter(trees).live()).order_by("path").defer_streamfields().specific()
