from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site's search page, promotions and suggestions; the Chinese search itself is the wagtail_chinese_search
    package (packages/wagtail-chinese-search), installed like any other site would."""

    name = "search"
    verbose_name = _("搜索")

    def ready(self):
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from gongkai.core.content_version import bump_on_change

        bump_on_change(SearchPromotion)
        # A search query's row: the search page keeps its editors' picks (search/promotions.py). Each new query adds
        # one, which changes nothing shown; deleting one (the garbage collector, the admin) deletes its picks.
        bump_on_change(Query, deletes_only=True)

        from gongkai.visits.counting import search_counted

        from .promotions import count_counted_search

        search_counted.connect(count_counted_search, dispatch_uid="search.count_counted_search")
