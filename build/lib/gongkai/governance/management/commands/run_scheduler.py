"""A small worker for sites without cron: publishes scheduled pages every minute (what `make run` starts)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "每分钟发布和下线定时页面（相当于 cron 中的 publish_scheduled）"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="间隔秒数，默认 60")
        parser.add_argument("--once", action="store_true", help="只运行一次")

    def handle(self, *args, interval=60, once=False, **options):
        while True:
            call_command("publish_scheduled", verbosity=0)
            if once:
                return
            time.sleep(max(5, interval))
