from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "gongkai.governance"
    label = "gongkai_governance"
    verbose_name = _("网站管理")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from gongkai.core.content_version import bump_on_change
        from gongkai.core.forms import register_publish_check

        from . import review_messages, signals  # noqa: F401
        from .checks import check_word_list
        from .models import Department

        bump_on_change(Department)  # pages show their department
        register_publish_check(check_word_list)
        review_messages.connect()
