from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.core.lookup import remember, remembered
from gongkai.core.submissions import SubmissionFlow, private_file_response

from .forms import ApplicationForm
from .models import EventAction, InformationRequest, RequestEvent

SCOPE = "application"
STATUS_SCOPE = "application-status"


class ApplicationFlow(SubmissionFlow):
    """The public application form (条例 第二十九条), its receipt and the applicant's status page."""

    scope, status_scope = SCOPE, STATUS_SCOPE
    form_class, model = ApplicationForm, InformationRequest
    form_template = "gongkai_applications/apply.html"
    done_template = "gongkai_applications/done.html"
    status_template = "gongkai_applications/status.html"
    form_url_name, done_url_name, status_url_name = "application_apply", "application_done", "application_status"
    object_name, error_name = "application", "message"

    def save(self, form):
        with transaction.atomic():
            application = form.save()
            RequestEvent.objects.create(request=application, action=EventAction.SUBMITTED)
        return application

    def after_submit(self, request, application):
        remember(request, "application", application.pk)  # may download its reply letter later

    def receipt_mail(self, application, status_url):
        return (_("【政府信息公开申请】已收到您的申请，查询号 %(number)s") % {"number": application.tracking_number},
                _("您的政府信息公开申请已提交。\n查询号：%(number)s\n请凭查询号和联系电话后四位在 %(url)s 查询办理进度。\n"
                  "本机关将自收到申请之日起 20 个工作日内答复。") % {"number": application.tracking_number, "url": status_url})

    def status_context(self, request, application):
        if application is None:
            return {"events": []}
        remember(request, "application", application.pk)
        return {"events": application.events.exclude(action__in=[EventAction.NOTE, EventAction.EXPORTED])}


apply, done, status = ApplicationFlow().views()


@never_cache
def reply_file(request, number):
    """The reply letter, only for a browser that has shown the 查询号 and phone digits (or submitted the form) within
    the hour, and has not been closed since."""
    application = InformationRequest.objects.filter(tracking_number=number).first()
    if application is None or str(application.pk) not in remembered(request, "application") or not application.reply_file:
        raise Http404
    if not application.answered_on:
        raise Http404
    return private_file_response(
        application.reply_file, filename=f"reply-{application.tracking_number}.{application.reply_file.name.rsplit('.', 1)[-1]}")


