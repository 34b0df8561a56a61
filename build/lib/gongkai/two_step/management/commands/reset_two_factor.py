from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.two_step import devices


class Command(BaseCommand):
    help = "取消一个用户的两步验证（手机丢失时）：删除其身份验证器和备用码，下次登录只需密码（强制模式下需重新设置）。"

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"没有用户 {username}")
        devices.remove_all(user)
        self.stdout.write(f"已取消 {username} 的两步验证")
