from wagtail import hooks


@hooks.register("register_admin_urls")
def visits_admin_urls():
    from django.urls import path

    from .admin_views import report

    return [path("reports/visits/", report, name="visits_report")]


@hooks.register("register_reports_menu_item")
def visits_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(_("访问统计"), reverse("visits_report"), icon_name="view", order=30)
