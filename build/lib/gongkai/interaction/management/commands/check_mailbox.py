"""Unanswered messages for cron: warns at two months, exits 1 when any has waited more than three."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.interaction.models import LIMIT_DAYS, WARN_DAYS, Message, MessageStatus


class Command(BaseCommand):
    help = "留言答复检查：列出超过两个月、三个月未答复的留言；有超过三个月的留言时以状态 1 退出"

    def handle(self, *args, **options):
        now = timezone.now()
        waiting = Message.objects.exclude(status=MessageStatus.REPLIED).order_by("submitted_at")
        over, warn = [], []
        for message in waiting:
            state = message.age_state(now)
            (over if state == "over_limit" else warn if state == "warning" else []).append(message)
        self.stdout.write(f"未答复 {waiting.count()} 件，超过 {WARN_DAYS} 天 {len(warn)} 件，超过 {LIMIT_DAYS} 天 {len(over)} 件")
        for message in over + warn:
            self.stdout.write(f"  {message.tracking_number} {message.subject} 已等待 {message.days_waiting(now)} 天 "
                              f"{message.department.name if message.department else '未分办'}")
        if over:
            raise SystemExit(1)
