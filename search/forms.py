from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from gongkai.columns.models import ColumnPage
from gongkai.core import site_cache
from gongkai.core.widgets import NumberInput, Select
from gongkai.disclosure.models import DocumentPage, InterpretationPage
from gongkai.news.models import ArticlePage
from gongkai.reports.models import AnnualReportPage

MAX_QUERY_LENGTH = 100

TYPES = {
    "article": (ArticlePage, _("新闻通知")),
    "document": (DocumentPage, _("公开文件")),
    "interpretation": (InterpretationPage, _("政策解读")),
    "report": (AnnualReportPage, _("年度报告")),
    "column": (ColumnPage, _("栏目")),
}


class SearchForm(forms.Form):
    """The public search form. A bad filter value is reported and ignored; it never fails the search."""

    query = forms.CharField(label=_("搜索词"), required=False)
    column = forms.TypedChoiceField(label=_("栏目"), required=False, coerce=int, empty_value=None, widget=Select)
    type = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部"))] + [(k, v[1]) for k, v in TYPES.items()],
                             widget=Select)
    year = forms.IntegerField(label=_("年度"), required=False, min_value=1949, max_value=2100, widget=NumberInput)
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=[("", _("相关度")), ("date", _("日期（新的在前）"))],
                             widget=Select)

    def __init__(self, data, columns, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["column"].choices = [("", _("全部栏目"))] + [(column.pk, column.title) for column in columns]
        self.fields["year"].widget.attrs.update({"inputmode": "numeric", "placeholder": _("如 2018")})

    def choice_fields_html(self, request, root):
        """The three drop-downs' HTML. They depend only on the site's columns, the language and the chosen values, so
        each worker keeps them until the next publish; a field with an invalid value is rendered afresh."""
        names = ("column", "type", "sort")
        if any(name in self.errors for name in names):
            return {name: str(self[name]) for name in names}
        key = ("search-filters", root.pk if root else None, get_language(), *(self.value(name) for name in names))
        return site_cache.remember(request, key, lambda: {name: str(self[name]) for name in names})

    def value(self, name):
        """The cleaned value of a field, or None when it was missing or invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None

    def clean_query(self):
        # NUL characters cannot reach PostgreSQL and are never part of a meaningful query.
        query = " ".join(self.cleaned_data.get("query", "").replace("\x00", "").split())
        self.query_was_cut = len(query) > MAX_QUERY_LENGTH
        return query[:MAX_QUERY_LENGTH]
