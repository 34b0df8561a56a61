import datetime

import factory
import wagtail_factories

from gongkai.columns.models import ColumnPage
from gongkai.disclosure.models import DocumentPage, InterpretationPage, InterpretedDocument, TopicCategory
from gongkai.news.models import ArticlePage
from gongkai.reports.models import AnnualReportPage
from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "首页"
    slug = "home"

    class Meta:
        model = HomePage


class ColumnPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"column-{n}")
    kind = "news"
    show_in_menus = True

    class Meta:
        model = ColumnPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"工作动态第{n}条")
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 2000))
    source = "市科技局"

    class Meta:
        model = ArticlePage


class TopicCategoryFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"{n % 90 + 10}")
    name = factory.Sequence(lambda n: f"分类{n}")

    class Meta:
        model = TopicCategory
        django_get_or_create = ("code",)


class DocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"关于印发第{n}号文件的通知")
    slug = factory.Sequence(lambda n: f"document-{n}")
    date = datetime.date(2019, 1, 10)
    written_date = datetime.date(2019, 1, 5)
    issuer = "鹤岗市科学技术局"

    class Meta:
        model = DocumentPage


class AnnualReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"{2018 + n}年度政府信息公开工作年度报告")
    slug = factory.Sequence(lambda n: f"report-{n}")
    year = factory.Sequence(lambda n: 2000 + n % 50)
    date = factory.LazyAttribute(lambda report: datetime.date(report.year + 1, 1, 20))
    report_format = "free"

    class Meta:
        model = AnnualReportPage


class InterpretationPageFactory(wagtail_factories.PageFactory):
    """A 解读; documents=[...] names the documents it explains."""

    title = factory.Sequence(lambda n: f"第{n}号文件政策解读")
    slug = factory.Sequence(lambda n: f"interpretation-{n}")
    date = datetime.date(2019, 1, 20)
    form = "text"

    class Meta:
        model = InterpretationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def documents(page, create, extracted, **kwargs):
        if extracted:
            page.interpreted_documents = [InterpretedDocument(document=document, sort_order=n) for n, document in enumerate(extracted)]
            if create:
                page.save()
