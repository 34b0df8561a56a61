"""The 公开办's queue: only users with the application permissions (the 公开办 group, superusers) see it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core import spreadsheets
from gongkai.core.submissions import private_file_response

from .admin_forms import ProcessForm
from .models import EventAction, ExportLog, InformationRequest, RequestEvent, Status


def _require(request, codename):
    if not request.user.has_perm(f"gongkai_applications.{codename}"):
        raise PermissionDenied


STATES = {"overdue": gettext_lazy("已超期"), "due_soon": gettext_lazy("即将到期"), "paused": gettext_lazy("期限暂停"),
          "on_time": gettext_lazy("期限内"), "answered": gettext_lazy("已答复")}


def queue(request):
    _require(request, "view_informationrequest")
    status = request.GET.get("status", "open")
    applications = InformationRequest.objects.all()
    if status == "open":
        applications = applications.exclude(status=Status.ANSWERED)
    elif status in Status.values:
        applications = applications.filter(status=status)
    applications = list(applications.prefetch_related("events"))
    if status == "open":  # the nearest deadlines first
        applications.sort(key=lambda a: (a.due_on is None, a.due_on or timezone.localdate()))
    if request.GET.get("export") in ("csv", "xlsx"):
        return _export(request, applications, request.GET["export"])
    page = Paginator(applications, 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "gongkai_applications/admin/queue.html", {
        "page": page, "status": status, "statuses": Status.choices, "states": STATES,
        "can_export": request.user.has_perm("gongkai_applications.export_informationrequest"),
    })


def _export(request, applications, kind):
    """Exports carry personal data: only with the export permission, and each one is logged."""
    _require(request, "export_informationrequest")
    header = [_("查询号"), _("申请人类型"), _("姓名或名称"), _("证件号码"), _("收到申请日期"), _("状态"), _("答复期限"), _("办理结果"), _("答复日期")]
    rows = [[a.tracking_number, a.get_applicant_type_display(), a.name, a.masked_id_number, a.received_on,
             a.get_status_display(), a.due_on, a.get_outcome_display(), a.answered_on] for a in applications]
    ExportLog.objects.create(user=request.user, count=len(rows), query=request.GET.urlencode()[:500], address=request.META.get("REMOTE_ADDR", ""))
    return spreadsheets.table_download(kind, "applications", header, rows, title=_("政府信息公开申请"))


def detail(request, pk):
    _require(request, "view_informationrequest")
    application = get_object_or_404(InformationRequest, pk=pk)
    form = None
    if request.user.has_perm("gongkai_applications.change_informationrequest"):
        form = ProcessForm(request.POST or None, request.FILES or None, application=application)
        if request.method == "POST" and form.is_valid():
            record(application, form.cleaned_data, request.user)
            messages.success(request, _("已记录：%(action)s") % {"action": dict(EventAction.choices)[form.cleaned_data["action"]]})
            return redirect("applications_detail", pk=application.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return TemplateResponse(request, "gongkai_applications/admin/detail.html", {
        "application": application, "form": form, "events": application.events.select_related("user"),
        "state": STATES.get(application.deadline_state()), "left": application.workdays_left(),
    })


@transaction.atomic
def record(application, data, user):
    """Apply one handling step and keep it in the history, with who and when."""
    action, on, note = data["action"], data["on"], data.get("note", "")
    if action == EventAction.ACCEPTED:
        application.status, application.received_on = Status.ACCEPTED, on
    elif action == EventAction.CORRECTION_REQUESTED:
        application.status = Status.CORRECTION
    elif action in (EventAction.CORRECTION_RECEIVED, EventAction.THIRD_PARTY_REPLIED):
        application.status = Status.ACCEPTED
    elif action == EventAction.THIRD_PARTY:
        application.status = Status.THIRD_PARTY
    elif action == EventAction.EXTENDED:
        application.extension_days, application.extension_reason = data["extension_days"], note
        note = _("延长 %(days)s 个工作日：%(reason)s") % {"days": data["extension_days"], "reason": note}
    elif action == EventAction.ANSWERED:
        application.status, application.answered_on = Status.ANSWERED, on
        application.outcome, application.reply = data["outcome"], data.get("reply", "")
        if data.get("reply_file"):
            application.reply_file = data["reply_file"]
    application.save()
    RequestEvent.objects.create(request=application, action=action, on=on, note=note, user=user)


def attachment(request, pk, which):
    _require(request, "view_informationrequest")
    application = get_object_or_404(InformationRequest, pk=pk)
    field = application.attachment if which == "attachment" else application.reply_file
    if not field:
        raise PermissionDenied
    return private_file_response(field)
