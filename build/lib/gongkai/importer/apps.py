from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "gongkai.importer"
    label = "gongkai_importer"
    verbose_name = _("内容导入")
    default_auto_field = "django.db.models.BigAutoField"
