"""互动交流: the mailbox (咨询、投诉、建议、举报) with replies that can be published, and 征求意见 consultations."""


from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from gongkai.core.blocks import BodyBlock
from gongkai.core.models import ListedPage
from gongkai.core.submissions import new_tracking_number, private_storage

# Inspections fail a site whose messages go unanswered for 3 months; replies older than 2 months lose points.
WARN_DAYS, LIMIT_DAYS = 60, 90


class Category(models.TextChoices):
    QUESTION = "question", _("咨询")
    COMPLAINT = "complaint", _("投诉")
    SUGGESTION = "suggestion", _("建议")
    REPORT = "report", _("举报")


class MessageStatus(models.TextChoices):
    NEW = "new", _("待分办")
    ASSIGNED = "assigned", _("办理中")
    REPLIED = "replied", _("已答复")


class Message(models.Model):
    tracking_number = models.CharField(_("查询号"), max_length=20, unique=True, default=new_tracking_number, editable=False)
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices)
    subject = models.CharField(_("标题"), max_length=100)
    content = models.TextField(_("内容"))
    name = models.CharField(_("姓名"), max_length=100)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    consent_to_publish = models.BooleanField(_("同意公开"), default=False, help_text=_("同意在去除个人信息后公开留言和答复"))
    # Kept out of MEDIA_ROOT like applicants' files: only those who handle the message can download it; never published.
    attachment = models.FileField(_("附件"), storage=private_storage, upload_to="mailbox/%Y/", blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, editable=False, db_index=True)

    status = models.CharField(_("状态"), max_length=20, choices=MessageStatus.choices, default=MessageStatus.NEW, db_index=True)
    department = models.ForeignKey("gongkai_governance.Department", verbose_name=_("承办科室"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="messages")
    reply = models.TextField(_("答复"), blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("答复人"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    # What the public list shows, and nothing else of the message: the 办公室's approved copies, with personal data
    # removed. A department that changes its reply later changes `reply`, not `public_reply`, until the 办公室 approves.
    public_subject = models.CharField(_("公开标题"), max_length=100, blank=True)
    public_content = models.TextField(_("公开内容"), blank=True, help_text=_("公开前删去姓名、电话、住址、证件号等个人信息"))
    public_reply = models.TextField(_("公开答复"), blank=True, help_text=_("公开前删去答复中的姓名、电话、住址、证件号等个人信息"))
    published = models.BooleanField(_("公开"), default=False, db_index=True)
    needs_review = models.BooleanField(_("答复已修改，待办公室审核"), default=False, db_index=True)

    class Meta:
        verbose_name = _("留言")
        verbose_name_plural = _("留言")
        ordering = ["-submitted_at"]
        permissions = [("assign_message", _("分办留言（办公室）"))]

    def __str__(self):
        return f"{self.tracking_number} {self.subject}"

    PUBLIC_FIELDS = ("public_subject", "public_content", "public_reply")

    def personal_data_in(self, texts):
        """What of the sender's details, or of anyone's ID number, mobile number or address, is still in `texts`
        ({field name: text}); the office's own contact details (site settings) are allowed."""
        from gongkai.core.models import SiteSettings
        from gongkai.core.personal_data import find_personal_data

        own = SiteSettings.objects.values_list("address", "phone", "fax", "email")
        labels = {name: str(self._meta.get_field(name).verbose_name) for name in texts}
        identities = [(_("姓名"), self.name, "name"), (_("联系电话"), self.phone, "number"), (_("电子邮箱"), self.email, "text")]
        return find_personal_data(texts, identities, allowed=[value for row in own for value in row], labels=labels)

    def days_waiting(self, now=None):
        end = self.replied_at or now or timezone.now()
        return max(0, (end - self.submitted_at).days)

    def age_state(self, now=None):
        if self.status == MessageStatus.REPLIED:
            return "replied"
        days = self.days_waiting(now)
        if days > LIMIT_DAYS:
            return "over_limit"
        if days > WARN_DAYS:
            return "warning"
        return "ok"


class ConsultationPage(ListedPage):
    """征求意见: a draft document open for public comment until its closing date; then it closes by itself and shows
    a summary of the feedback."""

    page_description = _("征求意见：公布草案和起止日期，在线收集公众意见，结束后公布意见采纳情况")

    opens_on = models.DateField(_("开始日期"), default=timezone.localdate)
    closes_on = models.DateField(_("截止日期"))
    body = StreamField(BodyBlock(), verbose_name=_("征求意见稿"), blank=True)
    feedback_summary = RichTextField(_("意见采纳情况"), blank=True, help_text=_("截止后公布：收到意见的概况和采纳情况"))

    search_fields = ListedPage.search_fields + [index.SearchField("body")]
    content_panels = ListedPage.content_panels + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                         FieldRowPanel([FieldPanel("date"), FieldPanel("pinned"), FieldPanel("pinned_until")]), FieldPanel("backdate_reason")],
                        heading=_("征求意见")),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("feedback_summary"),
    ]

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def is_closed(self, today=None):
        return (today or timezone.localdate()) > self.closes_on

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.closes_on and self.opens_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("截止日期不能早于开始日期")})

    def serve(self, request, *args, **kwargs):
        from .views import consultation

        return consultation(request, self)


class ConsultationComment(models.Model):
    page = models.ForeignKey(ConsultationPage, verbose_name=_("征求意见"), related_name="comments", on_delete=models.CASCADE)
    name = models.CharField(_("姓名或单位"), max_length=100, blank=True)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    content = models.TextField(_("意见"))
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("征求意见反馈")
        verbose_name_plural = _("征求意见反馈")
        ordering = ["submitted_at"]


