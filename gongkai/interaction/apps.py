from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    label = "gongkai_interaction"
    verbose_name = _("互动交流")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gongkai.core.content_version import bump_on_change

        from .models import ConsultationComment, Message

        bump_on_change(Message, ConsultationComment)  # published replies and comments are shown
        from . import services

        services.register()
