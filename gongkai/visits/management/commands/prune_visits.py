import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from gongkai.visits import counting
from gongkai.visits.models import DailyVisitors, PageViews, ReferrerViews, SearchViews


class Command(BaseCommand):
    help = "删除若干年以前的访问统计（按日汇总的数字），并统计、删除已结束日期的访客摘要"

    def add_arguments(self, parser):
        parser.add_argument("--keep-years", type=int, default=None,
                            help="保留今年和此前若干个整年的统计，例如 3：删除三年前 1 月 1 日以前的数字")

    def handle(self, *args, keep_years=None, **options):
        counting.rollover()  # digests of days that have ended: counted and deleted
        if keep_years is None:
            self.stdout.write("已统计并删除已结束日期的访客摘要。")
            return
        if keep_years < 1:
            raise CommandError("--keep-years 至少为 1：本年度和上一年度的数字用于政府网站工作年度报表。")
        cut = datetime.date(timezone.localdate().year - keep_years, 1, 1)
        with transaction.atomic():
            deleted = sum(model.objects.filter(day__lt=cut).delete()[0]
                          for model in (PageViews, ReferrerViews, SearchViews, DailyVisitors))
        self.stdout.write(f"已删除 {cut.isoformat()} 以前的 {deleted} 行访问统计。")
