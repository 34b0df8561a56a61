"""依申请公开 as an entry of a column's 服务入口 (gongkai.columns.services)."""

from django.utils.translation import gettext_lazy as _

from gongkai.columns import services


def register():
    services.register(services.Service("apply", _("依申请公开"), "gongkai_applications/services/apply.html", order=20))
