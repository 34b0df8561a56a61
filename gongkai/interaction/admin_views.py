"""The mailbox queue. The 办公室 (permission interaction.assign_message) sees every message and assigns it to a
department; a department's editors and heads see and answer the messages assigned to them."""

from django import forms
from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core import spreadsheets
from gongkai.core.submissions import private_file_response
from gongkai.governance.models import Department

from .models import LIMIT_DAYS, WARN_DAYS, Message, MessageStatus


def is_office(user):
    return user.has_perm("gongkai_interaction.assign_message")


def handles_mail(user):
    """The 办公室, and the editors and heads of any department."""
    return is_office(user) or user.groups.filter(
        Q(department_as_editors__isnull=False) | Q(department_as_heads__isnull=False)).exists()


def visible_messages(user):
    if is_office(user):
        return Message.objects.all()
    groups = user.groups.all()
    return Message.objects.filter(Q(department__editors__in=groups) | Q(department__heads__in=groups)).distinct()


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(label=gettext_lazy("承办科室"), queryset=Department.objects.all())


class ReplyForm(forms.Form):
    reply = forms.CharField(label=gettext_lazy("答复"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)


class PublishForm(forms.ModelForm):
    """The 办公室 approves what the public sees of a message: title, question and reply, each checked for personal
    data. Saving it clears a department's pending change to a published reply."""

    class Meta:
        model = Message
        fields = ["public_subject", "public_content", "public_reply", "published"]
        widgets = {"public_content": forms.Textarea(attrs={"rows": 6}), "public_reply": forms.Textarea(attrs={"rows": 6})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("published"):
            if not self.instance.consent_to_publish:
                raise forms.ValidationError(_("留言人没有同意公开，不能公开"))
            if self.instance.status != MessageStatus.REPLIED:
                raise forms.ValidationError(_("答复后才能公开"))
            texts = {name: cleaned.get(name) or "" for name in Message.PUBLIC_FIELDS}
            for name, text in texts.items():
                if not text.strip():
                    self.add_error(name, _("公开时必须填写"))
            # Every finding beside its field, so that the editor can remove them all in one go.
            for finding in self.instance.personal_data_in(texts):
                self.add_error(finding.key, str(finding))
        return cleaned

    def save(self, commit=True):
        self.instance.needs_review = False
        return super().save(commit)


def queue(request):
    if not handles_mail(request.user):
        raise PermissionDenied
    items = visible_messages(request.user).select_related("department")
    state = request.GET.get("state", "open")
    if state == "open":
        # A published message whose reply a department has changed waits for the 办公室 like an unanswered one.
        items = items.filter(~Q(status=MessageStatus.REPLIED) | Q(needs_review=True)).order_by("submitted_at")
    now = timezone.now()
    if request.GET.get("export") in ("csv", "xlsx"):
        return _export(items, request.GET["export"], now)
    return TemplateResponse(request, "gongkai_interaction/admin/queue.html", {
        "items": items[:200], "state": state, "now": now, "warn_days": WARN_DAYS, "limit_days": LIMIT_DAYS,
        "is_office": is_office(request.user)})


def _export(items, kind, now):
    """The listed messages for the year-end figures and follow-up; the sender's contact details stay out."""
    header = [_("查询号"), _("类别"), _("标题"), _("承办科室"), _("状态"), _("留言时间"), _("答复时间"), _("已等待（天）"), _("公开")]
    rows = [[m.tracking_number, m.get_category_display(), m.subject, m.department.name if m.department else "",
             m.get_status_display(), timezone.localtime(m.submitted_at).strftime("%Y-%m-%d %H:%M"),
             timezone.localtime(m.replied_at).strftime("%Y-%m-%d %H:%M") if m.replied_at else "", m.days_waiting(now),
             _("是") if m.published else _("否")] for m in items]
    return spreadsheets.table_download(kind, f"mailbox-{timezone.localdate().isoformat()}", header, rows, title=_("留言办理"))


def detail(request, pk):
    message = get_object_or_404(visible_messages(request.user), pk=pk)
    office = is_office(request.user)
    assign = AssignForm(request.POST if "assign" in request.POST else None, initial={"department": message.department_id}) if office else None
    reply = ReplyForm(request.POST if "reply_submit" in request.POST else None, initial={"reply": message.reply})
    publish = PublishForm(request.POST if "publish_submit" in request.POST else None, instance=message, initial={
        "public_subject": message.public_subject or message.subject, "public_content": message.public_content or message.content,
        "public_reply": message.reply if message.needs_review or not message.public_reply else message.public_reply,
    }) if office else None
    if request.method == "POST":
        if "assign" in request.POST and assign is not None and assign.is_valid():
            message.department = assign.cleaned_data["department"]
            if message.status == MessageStatus.NEW:
                message.status = MessageStatus.ASSIGNED
            message.save()
            flash.success(request, _("已分送%(department)s办理") % {"department": message.department.name})
            return redirect("mailbox_admin_detail", pk=message.pk)
        if "reply_submit" in request.POST and reply.is_valid():
            changed = reply.cleaned_data["reply"] != message.reply
            message.reply, message.status = reply.cleaned_data["reply"], MessageStatus.REPLIED
            message.replied_at, message.replied_by = timezone.now(), request.user
            if message.published and changed:
                # The public keeps the approved text until the 办公室 has checked the new one.
                message.needs_review = True
                flash.warning(request, _("答复已保存。此留言已公开：修改后的答复须经办公室审核后才公开，公众仍看到原答复。"))
            else:
                flash.success(request, _("已答复"))
            message.save()
            return redirect("mailbox_admin_detail", pk=message.pk)
        if "publish_submit" in request.POST and publish is not None and publish.is_valid():
            publish.save()
            flash.success(request, _("已更新公开设置"))
            return redirect("mailbox_admin_detail", pk=message.pk)
        if "publish_submit" in request.POST and publish is None:
            raise PermissionDenied
    return TemplateResponse(request, "gongkai_interaction/admin/detail.html", {
        "message": message, "assign": assign, "reply": reply, "publish": publish, "days": message.days_waiting()})


def attachment(request, pk):
    """The writer's attachment, for those who may read the message; it is never published."""
    message = get_object_or_404(visible_messages(request.user), pk=pk)
    if not message.attachment:
        raise Http404
    return private_file_response(message.attachment)
