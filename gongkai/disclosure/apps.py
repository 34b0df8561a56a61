from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "gongkai.disclosure"
    label = "gongkai_disclosure"
    verbose_name = _("政府信息公开")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gongkai.core.content_version import bump_on_change

        from . import signals
        from .models import TopicCategory

        bump_on_change(TopicCategory)
        signals.connect()
