from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "gongkai.syndication"
    label = "gongkai_syndication"
    verbose_name = _("订阅与开放接口")
    default_auto_field = "django.db.models.BigAutoField"

