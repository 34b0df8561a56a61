from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "gongkai.two_step"
    label = "gongkai_two_step"
    verbose_name = _("两步验证")
    default_auto_field = "django.db.models.BigAutoField"
