from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "gongkai.news"
    label = "gongkai_news"
    verbose_name = _("新闻")
    default_auto_field = "django.db.models.BigAutoField"
