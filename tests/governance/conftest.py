import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def days_ago():
    return lambda n: timezone.localdate() - datetime.timedelta(days=n)
