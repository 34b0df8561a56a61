import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core import site_cache
from gongkai.core.widgets import NumberInput, Select

from .models import DocumentPage, DocumentType, TopicCategory, Validity


class CatalogueFilters(django_filters.FilterSet):
    """Filters of a 公开目录 column. Invalid values are reported on the form and ignored."""

    q = django_filters.CharFilter(label=_("标题或文号"), method="filter_text")
    topic = django_filters.ModelChoiceFilter(label=_("主题分类"), queryset=TopicCategory.objects.all(), empty_label=_("全部"),
                                        widget=Select)
    document_type = django_filters.ChoiceFilter(label=_("文种"), choices=DocumentType.choices, empty_label=_("全部"), widget=Select)
    validity = django_filters.ChoiceFilter(label=_("有效性"), choices=Validity.choices, empty_label=_("全部"), widget=Select)
    year = django_filters.NumberFilter(
        label=_("年度"), method="filter_year",
        widget=NumberInput(attrs={"min": 1949, "max": 2100, "inputmode": "numeric"}),
    )

    class Meta:
        model = DocumentPage
        fields = ["q", "topic", "document_type", "validity", "year"]

    def filter_text(self, queryset, name, value):
        value = value.replace("\x00", "").strip()[:100]
        if not value:
            return queryset

        return queryset.filter(Q(title__icontains=value) | Q(document_number__icontains=value) | Q(index_number__icontains=value))

    def filter_year(self, queryset, name, value):
        # Years outside any plausible range match nothing rather than reaching the date arithmetic.
        if value is None or value != int(value) or not 1900 <= value <= 2100:
            return queryset.none()
        return queryset.filter(date__year=int(value))

    def keep_topic_choices(self, request):
        """Read the topic list once per worker and content version (saving a topic bumps it), not on every visit:
        listing it was a third of a catalogue page's time. Choosing a topic still checks it against the database."""
        widget = self.form.fields["topic"].widget
        # A comprehension, not list(): list() asks the iterator's length first, which is a COUNT query.
        widget.choices = site_cache.remember(request, "catalogue-topic-choices", lambda: [choice for choice in widget.choices])

    @property
    def query_prefix(self):
        """The active filters as a query string prefix, so pagination links keep them."""
        params = self.data.copy()
        params.pop("page", None)
        encoded = params.urlencode()
        return f"{encoded}&" if encoded else ""
