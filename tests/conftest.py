import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from gongkai.applications.models import InformationRequest
from gongkai.applications.setup import ensure_office_group
from gongkai.core.models import SiteSettings
from gongkai.governance.setup import LEADERS_GROUP, OFFICE_GROUP, ensure_department, ensure_review_workflow
from tests.helpers import form_data

from .factories import ColumnPageFactory, HomePageFactory

# Fixtures that make a test slow (the demo site loaded, a browser started): tests using them are marked `slow` (and
# `browser`) here, so `make test-fast` (pytest -m "not slow and not browser") leaves them out without each test
# having to say so.
SLOW_FIXTURES = {"demo_module", "demo", "browser", "page_in_browser"}
BROWSER_FIXTURES = {"browser", "page_in_browser"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if fixtures & BROWSER_FIXTURES or "accessibility" in item.path.parts:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, converted pages and feeds live in the cache; no test inherits another's."""
    from django.core.cache import cache

    from gongkai.core.content_version import forget_read_version

    cache.clear()
    forget_read_version()
    # Search keeps the synonym list and the title vocabulary per process; each test's database has its own.
    from wagtail_chinese_search import synonyms, vocabulary

    synonyms.invalidate()
    vocabulary.forget()
    # Visits keep the day's salt per process; each test's database has its own.
    from gongkai.visits import counting

    counting.forget()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo site, loaded once for a whole test module (about 7 s on PostgreSQL) inside a transaction that is
    rolled back after the module; each test runs in a savepoint on top of it and rolls back its own changes."""
    from django.db import transaction

    from tests.helpers import load_demo

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


@pytest.fixture
def bureau(home):
    """Two departments, each owning a column, the default review workflow, and one user per role."""
    from django.contrib.auth.models import Group

    ensure_review_workflow(home)
    general = ensure_department("综合科")
    policy = ensure_department("政策法规科")
    news = ColumnPageFactory(parent=home, title="工作动态", slug="work", kind="news", department=general)
    laws = ColumnPageFactory(parent=home, title="政策文件", slug="laws", kind="catalogue", department=policy)
    User = get_user_model()

    def user(name, *groups):
        account = User.objects.create_user(name, f"{name}@example.com", "pw")
        account.groups.add(*groups)
        return account

    return {
        "home": home, "general": general, "policy": policy, "news": news, "laws": laws,
        "editor": user("zonghe", general.editors), "head": user("zonghe-head", general.heads),
        "other_head": user("fagui-head", policy.heads), "other_editor": user("fagui", policy.editors),
        "office": user("office", Group.objects.get(name=OFFICE_GROUP)),
        "leader": user("leader", Group.objects.get(name=LEADERS_GROUP)),
    }


@pytest.fixture
def applied(client, home):
    response = client.post("/apply/", form_data(client))
    assert response.status_code == 302
    return InformationRequest.objects.get()


@pytest.fixture
def office_client(client, django_user_model):
    user = django_user_model.objects.create_user("gongkaiban", "gkb@example.com", "pw", first_name="公开办")
    user.groups.add(ensure_office_group())
    client.force_login(user)
    return client
