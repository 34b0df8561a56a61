from django.core.mail import send_mail
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.core import antispam
from gongkai.core.lookup import find_own, remember, remembered

from .forms import ApplicationForm
from .models import EventAction, InformationRequest, RequestEvent

SCOPE = "application"
STATUS_SCOPE = "application-status"


def _render_form(request, form, status=200):
    question = antispam.new_question(request, SCOPE)
    return render(request, "gongkai_applications/apply.html", {"form": form, "question": question}, status=status)


@never_cache
def apply(request):
    """The public application form (条例 第二十九条)."""
    if request.method != "POST":
        return _render_form(request, ApplicationForm(request=request, scope=SCOPE))
    if antispam.rate_limited(request, SCOPE):
        return antispam.too_many(request)
    form = ApplicationForm(request.POST, request.FILES, request=request, scope=SCOPE)
    if not form.is_valid():
        return _render_form(request, form, status=400)
    with transaction.atomic():
        application = form.save()
        RequestEvent.objects.create(request=application, action=EventAction.SUBMITTED)
    antispam.count_submission(request, SCOPE)
    remember(request, "application-receipt", application.tracking_number)
    remember(request, "application", application.pk)
    if application.email:
        status_url = request.build_absolute_uri(reverse("application_status"))
        send_mail(
            _("【政府信息公开申请】已收到您的申请，查询号 %(number)s") % {"number": application.tracking_number},
            _("您的政府信息公开申请已提交。\n查询号：%(number)s\n请凭查询号和联系电话后四位在 %(url)s 查询办理进度。\n"
              "本机关将自收到申请之日起 20 个工作日内答复。") % {"number": application.tracking_number, "url": status_url},
            None, [application.email],
        )
    return redirect("application_done")


@never_cache
def done(request):
    numbers = remembered(request, "application-receipt")
    if not numbers:
        return redirect("application_apply")
    application = InformationRequest.objects.filter(tracking_number=numbers[-1]).first()
    return render(request, "gongkai_applications/done.html", {"application": application})


@never_cache
def status(request):
    """Applicants see their application with the 查询号 and the last four digits of their phone number."""
    form, application, message = find_own(request, InformationRequest, STATUS_SCOPE)
    if form is None:
        return antispam.too_many(request)
    if application:
        remember(request, "application", application.pk)
    return render(request, "gongkai_applications/status.html", {
        "form": form, "application": application, "message": message,
        "events": application.events.exclude(action__in=[EventAction.NOTE, EventAction.EXPORTED]) if application else [],
    }, status=404 if message else 200)


@never_cache
def reply_file(request, number):
    """The reply letter, only for a browser that has shown the 查询号 and phone digits (or submitted the form) within
    the hour, and has not been closed since."""
    application = InformationRequest.objects.filter(tracking_number=number).first()
    if application is None or str(application.pk) not in remembered(request, "application") or not application.reply_file:
        raise Http404
    if not application.answered_on:
        raise Http404
    response = FileResponse(application.reply_file.open("rb"), as_attachment=True,
                            filename=f"reply-{application.tracking_number}.{application.reply_file.name.rsplit('.', 1)[-1]}")
    response["X-Robots-Tag"] = "noindex"
    return response


