from django.apps import AppConfig
from django.db.models.signals import post_migrate
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
        # A data migration changes content without signals: pages cached before it must not outlive it.
        post_migrate.connect(_migrated, sender=self, dispatch_uid="gongkai-content-version-after-migrate")


def _migrated(**kwargs):
    from . import content_version

    content_version.content_changed()
