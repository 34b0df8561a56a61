"""依申请公开: applications for government information (条例 第二十九条), their handling steps and deadlines
(第三十三条), and the outcomes counted in table B of the annual report."""


from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from gongkai.core.submissions import (  # noqa: F401  (PrivateStorage: named by migrations)
    PrivateStorage,
    new_tracking_number,
    private_storage,
)

from . import outcomes, workdays
from .crypto import EncryptedCharField, mask

ANSWER_DAYS = 20  # 第三十三条
MAX_EXTENSION_DAYS = 20
DUE_SOON_DAYS = 5



class ApplicantType(models.TextChoices):
    """The applicant columns of table B."""

    NATURAL = "natural", _("自然人")
    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    NONPROFIT = "nonprofit", _("社会公益组织")
    LEGAL = "legal", _("法律服务机构")
    OTHER = "other", _("其他组织")


class IdType(models.TextChoices):
    RESIDENT = "resident", _("居民身份证")
    PASSPORT = "passport", _("护照")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    OTHER = "other", _("其他证件")


class DeliveryForm(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子文档")


class DeliveryMethod(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    ONLINE = "online", _("网上查看")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("待受理")
    ACCEPTED = "accepted", _("办理中")
    CORRECTION = "correction", _("待补正")
    THIRD_PARTY = "third_party", _("征求第三方意见")
    ANSWERED = "answered", _("已答复")


def outcome_choices():
    """Exactly the result rows of table B (2021 format)."""
    choices = []
    for key, label, _group, group_label in outcomes.table_b_rows("2021"):
        if key in ("received", "carried_over", "results_total", "carried_forward"):
            continue
        choices.append((key, f"{group_label}{label}" if group_label else label))
    return choices


class InformationRequest(models.Model):
    tracking_number = models.CharField(_("查询号"), max_length=20, unique=True, default=new_tracking_number, editable=False)
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType.choices)
    name = models.CharField(_("姓名或名称"), max_length=200)
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices)
    id_number = EncryptedCharField(_("证件号码"))
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    description = models.TextField(_("所需信息的描述"))
    delivery_form = models.CharField(_("获取信息的形式"), max_length=20, choices=DeliveryForm.choices)
    delivery_method = models.CharField(_("获取信息的方式"), max_length=20, choices=DeliveryMethod.choices)
    attachment = models.FileField(_("附件"), storage=private_storage, upload_to="applications/%Y/", blank=True)

    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, editable=False)
    received_on = models.DateField(_("收到申请日期"), help_text=_("答复期限从次日起算"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    extension_days = models.PositiveSmallIntegerField(_("延期工作日"), default=0)
    extension_reason = models.CharField(_("延期理由"), max_length=500, blank=True)
    outcome = models.CharField(_("办理结果"), max_length=40, choices=outcome_choices(), blank=True)
    reply = models.TextField(_("答复内容"), blank=True)
    reply_file = models.FileField(_("答复书"), storage=private_storage, upload_to="replies/%Y/", blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-submitted_at"]
        permissions = [("export_informationrequest", _("导出政府信息公开申请"))]

    def __str__(self):
        return f"{self.tracking_number} {self.get_applicant_type_display()}"

    def save(self, *args, **kwargs):
        if self.received_on is None:
            self.received_on = timezone.localdate(self.submitted_at)
        super().save(*args, **kwargs)

    @property
    def masked_id_number(self):
        return mask(self.id_number)

    # ---- deadlines ----
    def paused_windows(self):
        """(begin, end) of each wait for 补正 or a third party's opinion; end None while still waiting."""
        windows, open_since = [], {}
        # Sorted here rather than in SQL, so that lists that prefetch the events run no query per application.
        for event in sorted(self.events.all(), key=lambda e: (e.on, e.pk)):
            if event.action in PAUSE_STARTS:
                open_since[PAUSE_STARTS[event.action]] = event.on
            elif event.action in PAUSE_ENDS and PAUSE_ENDS[event.action] in open_since:
                windows.append((open_since.pop(PAUSE_ENDS[event.action]), event.on))
        windows += [(begin, None) for begin in open_since.values()]
        return windows

    @cached_property
    def due_on(self):
        """The last day to answer: 20 working days after receipt, plus any extension, not counting pauses."""
        return workdays.add_workdays(self.received_on, ANSWER_DAYS + self.extension_days, self.paused_windows())

    def workdays_left(self, today=None):
        if self.due_on is None:
            return None
        return workdays.workdays_between(today or timezone.localdate(), self.due_on)

    @property
    def is_open(self):
        return self.status != Status.ANSWERED

    def deadline_state(self, today=None):
        if not self.is_open:
            return "answered"
        left = self.workdays_left(today)
        if left is None:
            return "paused"
        if left < 0:
            return "overdue"
        if left <= DUE_SOON_DAYS:
            return "due_soon"
        return "on_time"


class EventAction(models.TextChoices):
    SUBMITTED = "submitted", _("提交申请")
    ACCEPTED = "accepted", _("受理")
    CORRECTION_REQUESTED = "correction_requested", _("要求补正")
    CORRECTION_RECEIVED = "correction_received", _("收到补正")
    THIRD_PARTY = "third_party", _("征求第三方意见")
    THIRD_PARTY_REPLIED = "third_party_replied", _("第三方意见已回复")
    EXTENDED = "extended", _("延期答复")
    ANSWERED = "answered", _("答复")
    NOTE = "note", _("备注")
    EXPORTED = "exported", _("导出")


PAUSE_STARTS = {EventAction.CORRECTION_REQUESTED: "correction", EventAction.THIRD_PARTY: "third_party"}
PAUSE_ENDS = {EventAction.CORRECTION_RECEIVED: "correction", EventAction.THIRD_PARTY_REPLIED: "third_party"}


class RequestEvent(models.Model):
    """One step in handling an application: who did what, when."""

    request = models.ForeignKey(InformationRequest, related_name="events", on_delete=models.CASCADE)
    action = models.CharField(_("环节"), max_length=30, choices=EventAction.choices)
    on = models.DateField(_("日期"), default=timezone.localdate)
    note = models.TextField(_("说明"), blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["on", "pk"]


class WorkdayOverride(models.Model):
    """A day that is (or is not) a working day against the holiday library: a year it does not cover yet, or a
    local arrangement."""

    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(_("是工作日"), help_text=_("勾选：这一天上班（如调休）；不勾选：这一天放假"))
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("工作日调整")
        verbose_name_plural = _("工作日调整")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {'上班' if self.is_workday else '放假'}"




class ExportLog(models.Model):
    """Who exported applications (personal data), when, and how many."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("导出人"), null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(_("导出时间"), auto_now_add=True)
    count = models.PositiveIntegerField(_("条数"))
    query = models.CharField(_("筛选条件"), max_length=500, blank=True)
    address = models.CharField(_("IP 地址"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("申请导出记录")
        verbose_name_plural = _("申请导出记录")
        ordering = ["-at"]
