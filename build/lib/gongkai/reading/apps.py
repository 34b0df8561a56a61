from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "gongkai.reading"
    label = "gongkai_reading"
    verbose_name = _("阅读辅助")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gongkai.core.page_cache import vary_on_cookie

        from .preferences import COOKIE

        vary_on_cookie(COOKIE)  # large text, high contrast, Traditional: each cached apart
