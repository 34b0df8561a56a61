from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "gongkai_core"
    verbose_name = _("公共")
    default_auto_field = "django.db.models.BigAutoField"
