from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "gongkai_core"
    verbose_name = _("公共")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Locale, PageViewRestriction, Site

        from . import content_version
        from .models import SiteSettings

        content_version.connect_page_signals()
        content_version.bump_on_change(SiteSettings, Site, Locale, PageViewRestriction)
