"""Deadlines of open applications, for cron: lists overdue and due-soon ones, exits 1 when any is overdue."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from gongkai.applications.models import InformationRequest, Status


class Command(BaseCommand):
    help = "政府信息公开申请期限检查：列出已超期和即将到期的申请；有超期申请时以状态 1 退出"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按这一天检查（YYYY-MM-DD）")

    def handle(self, *args, today=None, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError(f"--today 应为 YYYY-MM-DD 格式的日期：{today}") from None
        overdue, soon = [], []
        for application in InformationRequest.objects.exclude(status=Status.ANSWERED).prefetch_related("events"):
            state = application.deadline_state(today)
            if state == "overdue":
                overdue.append(application)
            elif state == "due_soon":
                soon.append(application)
        self.stdout.write(f"已超期 {len(overdue)} 件，5 个工作日内到期 {len(soon)} 件")
        for label, items in (("已超期", overdue), ("即将到期", soon)):
            for application in items:
                self.stdout.write(f"  [{label}] {application.tracking_number} 答复期限 {application.due_on:%Y-%m-%d} "
                                  f"剩余 {application.workdays_left(today)} 个工作日")
        if overdue:
            raise SystemExit(1)
