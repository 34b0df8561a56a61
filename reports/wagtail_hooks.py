from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_css")
def statistics_table_css():
    return format_html('<link rel="stylesheet" href="{}">', static("reports/admin.css"))
