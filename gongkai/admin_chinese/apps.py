from django.apps import AppConfig


class AdminChineseConfig(AppConfig):
    # Listed before wagtail.admin, so its templates replace Wagtail's few with hard-coded English. No gettext here:
    # makemessages would otherwise write this app's strings into locale/ and drop the filled catalogue.
    name = "gongkai.admin_chinese"
    label = "gongkai_admin_chinese"

    def ready(self):
        # Wagtail 8.0.1 labels some of the sites list's columns with the field's attribute name ("Site name",
        # "Port", "Root page"), not its translated verbose name.
        from django.utils.text import capfirst
        from wagtail.models import Site
        from wagtail.sites.views import IndexView

        for column in IndexView.columns:
            if column.label == capfirst(column.name.replace("_", " ")):
                column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
