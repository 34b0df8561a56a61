import gzip
import sys

from django.core.management.base import BaseCommand, CommandError

from gongkai.importer.service import KINDS, ContentImporter


class Command(BaseCommand):
    help = "从 JSON Lines 文件导入页面（格式见 docs/import.md）。Import pages from a JSON Lines file (see docs/import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSONL 文件（可为 .gz）；- 表示标准输入")
        parser.add_argument("--parent", help="上级页面：页面 ID、站点内路径（如 /policies/）或导入键")
        parser.add_argument("--type", default="document", choices=sorted(KINDS), help="行中没有 type 时使用的类型（默认 document）")
        parser.add_argument("--draft", action="store_true", help="只保存草稿，不发布")
        parser.add_argument("--max-errors", type=int, default=20, help="最多列出多少条错误（全部计入失败数）")

    def handle(self, *args, **options):
        parent = None
        if options["parent"]:
            parent = ContentImporter.resolve_parent(options["parent"])
            if parent is None:
                raise CommandError(f"找不到上级页面：{options['parent']}")
        lines = self._read(options["file"])
        show_progress = options["verbosity"] >= 1 and len(lines) >= 200

        def progress(done, total):
            if show_progress and (done % 100 == 0 or done == total):
                self.stderr.write(f"\r已处理 {done}/{total} 行", ending="")
                if done == total:
                    self.stderr.write("")

        importer = ContentImporter(parent=parent, default_type=options["type"], publish=not options["draft"], progress=progress)
        result = importer.run(lines)
        for number, message in result.errors[: options["max_errors"]]:
            self.stderr.write(self.style.ERROR(f"第 {number} 行：{message}"))
        if len(result.errors) > options["max_errors"]:
            self.stderr.write(f"……另有 {len(result.errors) - options['max_errors']} 行失败")
        summary = f"新建 {result.created}，更新 {result.updated}，未变 {result.unchanged}，失败 {result.failed}"
        if result.failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _read(self, path):
        try:
            if path == "-":
                return sys.stdin.read().splitlines()
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as handle:
                return handle.read().splitlines()
        except FileNotFoundError:
            raise CommandError(f"文件不存在：{path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取 {path}：{error}") from None
