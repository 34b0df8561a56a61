"""Column freshness for cron and monitoring: prints the report, exits 1 when the site would fail inspection."""

import datetime

from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.governance.freshness import build_report


class Command(BaseCommand):
    help = "栏目更新检查：列出超期和空白栏目；网站将被单项否决时以状态 1 退出"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按这一天检查（YYYY-MM-DD），默认今天")
        parser.add_argument("--all", action="store_true", help="列出所有栏目，而不只是有问题的栏目")
        parser.add_argument("--notify", action="store_true", help="给有问题栏目的主管科室发提醒邮件")

    def handle(self, *args, today=None, all=False, notify=False, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError(_("--today 应为 YYYY-MM-DD 格式的日期：%(value)s") % {"value": today}) from None
        report = build_report(today=today)
        out = self.stdout
        out.write(_("栏目更新检查 %(today)s") % {"today": report.today.isoformat()})
        home = _("无内容") if report.home_days is None else _("%(days)s 天前") % {"days": report.home_days}
        out.write(_("首页最近更新：%(home)s") % {"home": home})
        out.write(_("超期栏目 %(overdue)s 个（其中动态、要闻、通知公告、政策文件类 %(key)s 个），空白栏目 %(blank)s 个，即将超期 %(soon)s 个") % {
            "overdue": len(report.overdue), "key": len(report.overdue_key), "blank": len(report.blank), "soon": len(report.due_soon)})
        for status in report.columns:
            if not (all or status.blank or status.overdue or status.due_soon):
                continue
            since = "—" if status.days_since is None else _("%(days)s 天") % {"days": status.days_since}
            out.write(f"  [{status.state}] {status.column.title}（{status.path}） {status.department or _('未指定科室')} "
                      f"{status.rule_label} {_('距上次更新')} {since}")
        if notify:
            sent = self.notify(report)
            out.write(_("已发送提醒邮件 %(n)s 封") % {"n": sent})
        if report.passes:
            out.write(self.style.SUCCESS(_("结论：符合检查要求")))
            return
        for failure in report.failures:
            self.stderr.write(self.style.ERROR(_("不合格：%(reason)s") % {"reason": failure}))
        raise SystemExit(1)

    def notify(self, report):
        sent = 0
        for department, statuses in report.by_department().items():
            if department is None:
                continue
            recipients = [department.email] if department.email else [
                user.email for user in department.members().filter(groups=department.heads_id) if user.email]
            if not recipients:
                continue
            lines = [f"{s.column.title}：{s.state}（{s.rule_label}）" for s in statuses]
            send_mail(
                _("【栏目更新提醒】%(department)s有 %(n)s 个栏目需要更新") % {"department": department.name, "n": len(statuses)},
                "\n".join(lines), None, recipients,
            )
            sent += 1
        return sent
