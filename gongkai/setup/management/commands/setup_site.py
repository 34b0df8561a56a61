from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gongkai.setup.structure import setup_site


class Command(BaseCommand):
    help = ("初始化站点：标准栏目、政务公开栏目、三级审核流程、办公室和公开办用户组、主题分类、站点设置（可重复运行，不含演示内容）。"
            "Set up a bureau's site without demo content (idempotent).")

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="机关名称，如“某市科学技术局”（网站名称、主办单位）")
        parser.add_argument("--agency-code", default="", help="机构代码（索引号的第一段）")
        parser.add_argument("--english-name", default="", help="英文名称")
        parser.add_argument("--site-code", default="", help="网站标识码")
        parser.add_argument("--hostname", help="网站域名（默认站点的 hostname）")
        parser.add_argument("--port", type=int, help="端口（默认站点的 port）")

    def handle(self, *args, **options):
        name = options["name"].strip()
        if not name or len(name) > 100:
            raise CommandError("--name 不能为空，且不超过 100 个字符")
        try:
            result = setup_site(name, agency_code=options["agency_code"].strip(), english_name=options["english_name"].strip(),
                                site_code=options["site_code"].strip(), hostname=options["hostname"], port=options["port"])
        except ValidationError as error:
            raise CommandError("；".join(f"{field}: {'、'.join(messages)}" for field, messages in error.message_dict.items())) from None
        except ValueError as error:
            raise CommandError(str(error)) from None
        if result:
            self.stdout.write("已创建：" + "、".join(result))
        self.stdout.write(self.style.SUCCESS(f"站点已就绪：{name}"))
