from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    label = "gongkai_reports"
    verbose_name = _("年度报告")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gongkai.core.forms import register_publish_check

        from .checks import check_statistics_tables

        register_publish_check(check_statistics_tables)
