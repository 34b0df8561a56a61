from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = _("订阅与开放接口")

    def ready(self):
        from . import signals  # noqa: F401
