"""The interaction app's entries for a column's 服务入口 (gongkai.columns.services)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.columns import services
from gongkai.core import site_cache


def open_consultations(request, column):
    """The site's consultations open today, closing soonest first."""
    from .models import ConsultationPage

    today = timezone.localdate()
    site = site_cache.site(request)
    items = site_cache.public(ConsultationPage.objects.live()).filter(opens_on__lte=today, closes_on__gte=today)
    if site is not None:
        items = items.descendant_of(site.root_page, inclusive=True)
    items = items.filter(locale_id=column.locale_id).order_by("closes_on", "-pk")
    return {"consultations": list(items[:10]), "today": today}


def register():
    services.register(services.Service("mailbox", _("局长信箱"), "gongkai_interaction/services/mailbox.html", order=10))
    services.register(services.Service("consultations", _("征求意见"), "gongkai_interaction/services/consultations.html",
                                       context=open_consultations, order=30))
