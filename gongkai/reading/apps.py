from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "gongkai.reading"
    label = "gongkai_reading"
    verbose_name = _("阅读辅助")
    default_auto_field = "django.db.models.BigAutoField"
