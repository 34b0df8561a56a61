import pytest
from wagtail.models import Locale, Page, Site

from gongkai.core.models import SiteSettings

from .factories import ColumnPageFactory, HomePageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, converted pages and feeds live in the cache; no test inherits another's."""
    from django.core.cache import cache

    from gongkai.core.content_version import forget_read_version

    cache.clear()
    forget_read_version()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo site, loaded once for a whole test module (about 7 s on PostgreSQL) inside a transaction that is
    rolled back after the module; each test runs in a savepoint on top of it and rolls back its own changes."""
    from django.db import transaction

    from tests.demo.test_load_demo import load_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def home(db):
    """A site whose root is our HomePage, as load_demo leaves it."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.hostname = "localhost"
        site.save()
    else:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"site_name": "测试科技局", "organiser": "测试科技局", "agency_code": "TEST"})
    return home


@pytest.fixture
def column(home):
    return ColumnPageFactory(parent=home, title="工作动态", slug="work", kind="news")


@pytest.fixture
def catalogue(home):
    return ColumnPageFactory(parent=home, title="政策文件", slug="policies", kind="catalogue")


@pytest.fixture
def locale(db):
    return Locale.get_default()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "password")
    client.force_login(user)
    return client
