from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ColumnsConfig(AppConfig):
    name = "gongkai.columns"
    label = "gongkai_columns"
    verbose_name = _("栏目")
    default_auto_field = "django.db.models.BigAutoField"
