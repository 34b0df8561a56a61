from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ChineseSearchConfig(AppConfig):
    name = "wagtail_chinese_search"
    label = "wagtail_chinese_search"
    verbose_name = _("中文搜索")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals, synonyms
        from .models import SearchSynonym, SearchTerm

        post_save.connect(signals.teach_segmenter, sender=SearchTerm, dispatch_uid="wagtail_chinese_search.teach")
        for signal in (post_save, post_delete):
            signal.connect(synonyms.invalidate, sender=SearchSynonym, dispatch_uid=f"wagtail_chinese_search.synonyms.{id(signal)}")
        post_migrate.connect(signals.gin_without_pending_list, sender=self, dispatch_uid="wagtail_chinese_search.gin")
        # The editable dictionary appears in Wagtail's admin under 片段 (snippets) when the admin is there;
        # WAGTAIL_CHINESE_SEARCH_ADMIN = False leaves it out (a site registering its own view, or none).
        if apps.is_installed("wagtail.snippets") and getattr(settings, "WAGTAIL_CHINESE_SEARCH_ADMIN", True):
            from .admin import register

            register()
