"""The default review chain 科室审核 → 办公室审核 → 领导签发, with the 办公室 and 局领导 groups it needs."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from .models import Department, DepartmentReviewTask
from .permissions import grant_admin_basics

OFFICE_GROUP = "办公室审核"
LEADERS_GROUP = "局领导签发"
WORKFLOW_NAME = "三级审核（科室审核 → 办公室审核 → 领导签发）"
OFFICE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# The 办公室 runs the site: departments and their columns, the word list, site settings, search words.
OFFICE_MODEL_PERMISSIONS = [
    ("gongkai_governance", "add_department"), ("gongkai_governance", "change_department"), ("gongkai_governance", "delete_department"),
    ("gongkai_governance", "add_sensitiveword"), ("gongkai_governance", "change_sensitiveword"), ("gongkai_governance", "delete_sensitiveword"),
    ("gongkai_core", "change_sitesettings"),
    # Search: the dictionary and the list of 简称 and synonyms (wagtail-chinese-search).
    ("wagtail_chinese_search", "add_searchterm"), ("wagtail_chinese_search", "change_searchterm"),
    ("wagtail_chinese_search", "delete_searchterm"), ("wagtail_chinese_search", "add_searchsynonym"),
    ("wagtail_chinese_search", "change_searchsynonym"), ("wagtail_chinese_search", "delete_searchsynonym"),
    # The mailbox: the 办公室 assigns messages to departments and reads consultation feedback.
    ("gongkai_interaction", "assign_message"), ("gongkai_interaction", "view_consultationcomment"),
]


@transaction.atomic
def ensure_review_workflow(home):
    """Create (once) the groups, tasks and workflow, and assign the workflow to the site's home page."""
    office, _created = Group.objects.get_or_create(name=OFFICE_GROUP)
    leaders, _created = Group.objects.get_or_create(name=LEADERS_GROUP)
    for group in (office, leaders):
        grant_admin_basics(group)
    # Leaders sign off the last step, and the last approval publishes as the approver: they need publish_page.
    for group, codenames in ((office, OFFICE_PAGE_PERMISSIONS), (leaders, ["publish_page"])):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename))
    installed = {config.label for config in apps.get_app_configs()}
    for app_label, codename in OFFICE_MODEL_PERMISSIONS:
        # The mailbox is optional in a site that installs only some of the apps (docs/plugin.md).
        if app_label in installed:
            office.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        department_task = DepartmentReviewTask.objects.create(name="科室审核")
        office_task = GroupApprovalTask.objects.create(name="办公室审核")
        office_task.groups.set([office])
        leaders_task = GroupApprovalTask.objects.create(name="领导签发")
        leaders_task.groups.set([leaders])
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        for order, task in enumerate([department_task, office_task, leaders_task]):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    if not WorkflowPage.objects.filter(page=home).exists():
        WorkflowPage.objects.create(page=home, workflow=workflow)
    return workflow


def ensure_department(name, email=""):
    department = Department.objects.filter(name=name).first()
    if department is None:
        department = Department(name=name, email=email)
        department.save()
    return department
