from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.uploads import validate_public_upload

from .models import MAX_EXTENSION_DAYS, EventAction, Status, outcome_choices

# What can happen next, by status.
ALLOWED = {
    Status.SUBMITTED: [EventAction.ACCEPTED, EventAction.CORRECTION_REQUESTED, EventAction.NOTE],
    Status.ACCEPTED: [EventAction.CORRECTION_REQUESTED, EventAction.THIRD_PARTY, EventAction.EXTENDED,
                      EventAction.ANSWERED, EventAction.NOTE],
    Status.CORRECTION: [EventAction.CORRECTION_RECEIVED, EventAction.ANSWERED, EventAction.NOTE],
    Status.THIRD_PARTY: [EventAction.THIRD_PARTY_REPLIED, EventAction.EXTENDED, EventAction.NOTE],
    Status.ANSWERED: [EventAction.NOTE],
}


class ProcessForm(forms.Form):
    action = forms.ChoiceField(label=gettext_lazy("办理环节"))
    on = forms.DateField(label=gettext_lazy("日期"), initial=timezone.localdate)
    note = forms.CharField(label=gettext_lazy("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=gettext_lazy("补正要求、征求意见的对象、延期理由等；补正要求和延期理由会告知申请人"))
    extension_days = forms.IntegerField(label=gettext_lazy("延期工作日"), required=False, min_value=1, max_value=MAX_EXTENSION_DAYS)
    outcome = forms.ChoiceField(label=gettext_lazy("办理结果"), required=False)
    reply = forms.CharField(label=gettext_lazy("答复内容"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    reply_file = forms.FileField(label=gettext_lazy("答复书（PDF）"), required=False, validators=[validate_public_upload])

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        labels = dict(EventAction.choices)
        self.fields["action"].choices = [(a, labels[a]) for a in ALLOWED[application.status]]
        self.fields["outcome"].choices = [("", "—")] + outcome_choices()

    def clean(self):
        cleaned = super().clean()
        action, application = cleaned.get("action"), self.application
        on = cleaned.get("on")
        if on and on > timezone.localdate():
            self.add_error("on", _("日期不能晚于今天"))
        if on and on < application.received_on and action not in (EventAction.ACCEPTED, EventAction.NOTE):
            self.add_error("on", _("日期不能早于收到申请的日期"))
        if action in (EventAction.CORRECTION_REQUESTED, EventAction.THIRD_PARTY, EventAction.EXTENDED) and not cleaned.get("note"):
            self.add_error("note", _("请写明说明：补正要求、征求意见的对象或延期理由"))
        if action == EventAction.EXTENDED:
            days = cleaned.get("extension_days")
            if application.extension_days:
                self.add_error("action", _("本申请已延期一次，不能再次延期（条例第三十三条）"))
            elif not days:
                self.add_error("extension_days", _("请填写延期的工作日数（不超过 20 个）"))
        if action == EventAction.ANSWERED:
            if not cleaned.get("outcome"):
                self.add_error("outcome", _("请选择办理结果"))
            if not cleaned.get("reply") and not cleaned.get("reply_file"):
                self.add_error("reply", _("请填写答复内容或上传答复书"))
        return cleaned
