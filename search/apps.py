from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("搜索")

    def ready(self):
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from gongkai.core.content_version import bump_on_change

        from . import signals  # noqa: F401

        bump_on_change(SearchPromotion)
        # A search query's row: the search page keeps its id (search/promotions.py). Each new query adds one,
        # which changes nothing shown; deleting one (the garbage collector, the admin) must not leave a kept id.
        bump_on_change(Query, deletes_only=True)
