from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SetupConfig(AppConfig):
    """A bureau's first day: `manage.py setup_site` (no models)."""

    name = "gongkai.setup"
    label = "gongkai_setup"
    verbose_name = _("站点初始化")
    default_auto_field = "django.db.models.BigAutoField"
