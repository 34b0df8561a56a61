"""Editorial governance: departments (科室) that own columns, their review step, and the publishing word list."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_lazy as wagtail_msgid
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Task, TaskState


class Department(models.Model):
    """A 科室. Its editors write in the columns it owns; its heads (科室负责人) take the first review step."""

    name = models.CharField(_("科室名称"), max_length=100, unique=True)
    email = models.EmailField(_("科室邮箱"), blank=True, help_text=_("栏目超期提醒发到这里；留空则发给科室负责人"))
    editors = models.OneToOneField(
        Group, verbose_name=_("编辑用户组"), on_delete=models.PROTECT, related_name="department_as_editors", editable=False)
    heads = models.OneToOneField(
        Group, verbose_name=_("负责人用户组"), on_delete=models.PROTECT, related_name="department_as_heads", editable=False)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("email")])]

    class Meta:
        verbose_name = _("科室")
        verbose_name_plural = _("科室")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Each department comes with two groups: 编辑 and 负责人 (heads also edit). Renaming renames them."""
        editors_name, heads_name = f"{self.name}（编辑）", f"{self.name}（负责人）"
        if self.pk is None:
            self.editors, _created = Group.objects.get_or_create(name=editors_name)
            self.heads, _created = Group.objects.get_or_create(name=heads_name)
        else:
            Group.objects.filter(pk=self.editors_id).update(name=editors_name)
            Group.objects.filter(pk=self.heads_id).update(name=heads_name)
        super().save(*args, **kwargs)
        from .permissions import grant_admin_basics

        grant_admin_basics(self.editors)
        grant_admin_basics(self.heads)

    def delete(self, *args, **kwargs):
        editors, heads = self.editors, self.heads
        result = super().delete(*args, **kwargs)
        editors.delete()
        heads.delete()
        return result

    def members(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(groups__in=[self.editors_id, self.heads_id]).distinct()


class DepartmentReviewTask(Task):
    """科室审核: the heads of the department that owns the page's column approve it. One task serves every
    department, so one workflow covers the whole site."""

    @staticmethod
    def department_of(obj):
        from gongkai.columns.models import ColumnPage

        page = getattr(obj, "page_ptr", obj)
        column = ColumnPage.objects.filter(department__isnull=False, path__in=_ancestor_paths(page)).order_by("-depth").first()
        return column.department if column else None

    def _reviews(self, obj, user):
        if user.is_superuser:
            return True
        department = self.department_of(obj)
        return bool(department) and user.groups.filter(pk=department.heads_id).exists()

    def user_can_access_editor(self, obj, user):
        return self._reviews(obj, user)

    def locked_for_user(self, obj, user):
        return not self._reviews(obj, user)

    def user_can_lock(self, obj, user):
        return self._reviews(obj, user)

    def get_actions(self, obj, user):
        if self._reviews(obj, user):
            return review_actions()
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        from wagtail.models import Page

        from gongkai.columns.models import ColumnPage

        columns = ColumnPage.objects.filter(department__heads__user=user)
        if not columns:
            return TaskState.objects.none()
        query = models.Q()
        for path in columns.values_list("path", flat=True):
            query |= models.Q(path__startswith=path)
        page_ids = [str(pk) for pk in Page.objects.filter(query).values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=page_ids)

    def reviewers(self, obj):
        department = self.department_of(obj)
        if not department:
            return None
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(groups=department.heads_id, is_active=True)

    @classmethod
    def get_description(cls):
        return _("由页面所在栏目的主管科室负责人审核")

    class Meta:
        verbose_name = _("科室审核")
        verbose_name_plural = _("科室审核")


def review_actions():
    """The same three buttons at every step: Wagtail's own msgids, which its GroupApprovalTask uses for the other
    steps (gongkai/admin_chinese gives them as 退回修改 / 审核通过 / 审核通过并附意见). Under another name than _ so
    makemessages leaves them in Wagtail's catalogue."""
    return [
        ("reject", wagtail_msgid("Request changes"), True),
        ("approve", wagtail_msgid("Approve"), False),
        ("approve", wagtail_msgid("Approve with comment"), True),
    ]


def _ancestor_paths(page):
    steplen = page.steplen
    return [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]


class WordCheck(models.TextChoices):
    BLOCK = "block", _("禁用：阻止发布")
    WARN = "warn", _("敏感：发布时提醒")
    MISSPELLING = "misspelling", _("常见错误：发布时提醒并给出正确写法")


class SensitiveWord(models.Model):
    """A word checked on publish: forbidden words block publishing; sensitive words and misspellings warn."""

    word = models.CharField(_("词语"), max_length=100, unique=True)
    action = models.CharField(_("处理方式"), max_length=20, choices=WordCheck.choices, default=WordCheck.BLOCK)
    suggestion = models.CharField(_("正确写法"), max_length=100, blank=True, help_text=_("常见错误的正确写法，如“国务院”"))
    note = models.CharField(_("说明"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("word"), FieldPanel("action")]), FieldPanel("suggestion"), FieldPanel("note")]

    class Meta:
        verbose_name = _("发布检查词")
        verbose_name_plural = _("发布检查词")
        ordering = ["action", "word"]

    def __str__(self):
        return self.word

