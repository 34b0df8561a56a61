"""Send the editable list of 简称 and synonyms to Elasticsearch, or print it as Elasticsearch synonym rules."""

from django.core.management.base import BaseCommand, CommandError

from ... import elasticsearch


class Command(BaseCommand):
    help = "把搜索同义词（简称、同义词）同步到 Elasticsearch 的 synonyms set，或用 --print 输出规则。"

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", help="只输出规则（Solr 格式，每行一条），不连接服务器")
        parser.add_argument("--backend", default="default", help="WAGTAILSEARCH_BACKENDS 中的后端名称")

    def handle(self, *args, **options):
        if options["print"]:
            for rule in elasticsearch.synonym_rules():
                self.stdout.write(rule)
            return
        from modelsearch.backends import get_search_backend

        backend = get_search_backend(options["backend"])
        client = getattr(backend, "es", None)
        analysis = getattr(backend, "settings", {}).get("settings", {}).get("analysis", {})
        synonyms_filter = analysis.get("filter", {}).get("chinese_search_synonyms")
        if client is None or not synonyms_filter:
            raise CommandError("该搜索后端不是配置了 synonyms_set 的 Elasticsearch，无需同步。")
        count = elasticsearch.sync_synonyms(client, synonyms_filter["synonyms_set"])
        self.stdout.write(f"已同步 {count} 条规则到 synonyms set “{synonyms_filter['synonyms_set']}”。")
