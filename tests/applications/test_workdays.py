"""Working-day arithmetic for 第三十三条: holidays, 调休 working weekends, overrides and paused waits."""

import datetime

import pytest

from gongkai.applications import workdays
from gongkai.applications.models import WorkdayOverride

D = datetime.date


@pytest.mark.django_db
def test_national_day_holiday_and_the_working_sunday_before_it():
    assert workdays.add_workdays(D(2025, 9, 26), 1) == D(2025, 9, 28)  # a Sunday worked in lieu (调休)
    assert workdays.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)  # 1–8 October off
    assert workdays.add_workdays(D(2025, 10, 9), 2) == D(2025, 10, 11)  # the Saturday after is worked too


@pytest.mark.django_db
def test_twenty_working_days_across_the_holiday():
    # Received Tuesday 23 September 2025. Counted by hand: 24, 25, 26, 28 (Sun, worked), 29, 30 September;
    # 1–8 October off; 9, 10, 11 (Sat, worked), 13–17, 20–24, 27 October is the 20th.
    due = workdays.add_workdays(D(2025, 9, 23), 20)
    assert due == D(2025, 10, 27)
    assert workdays.workdays_between(D(2025, 9, 23), due) == 20


@pytest.mark.django_db
def test_paused_days_do_not_count():
    plain = workdays.add_workdays(D(2025, 3, 3), 20)
    paused = workdays.add_workdays(D(2025, 3, 3), 20, paused=[(D(2025, 3, 5), D(2025, 3, 12))])  # 5 working days waited
    assert workdays.workdays_between(plain, paused) == 5
    assert workdays.add_workdays(D(2025, 3, 3), 20, paused=[(D(2025, 3, 5), None)]) is None  # still waiting: no date


@pytest.mark.django_db
def test_overrides_cover_years_the_library_does_not_know():
    assert not workdays.covered(2031) and workdays.covered(2025)
    assert workdays.add_workdays(D(2031, 1, 1), 1) == D(2031, 1, 2)  # weekdays only
    WorkdayOverride.objects.create(date=D(2031, 1, 2), is_workday=False, note="元旦调休")
    WorkdayOverride.objects.create(date=D(2031, 1, 4), is_workday=True, note="周六上班")
    assert workdays.add_workdays(D(2031, 1, 1), 1) == D(2031, 1, 3)
    assert workdays.add_workdays(D(2031, 1, 1), 2) == D(2031, 1, 4)
    # An override also wins over the library.
    WorkdayOverride.objects.create(date=D(2025, 10, 9), is_workday=False, note="本地安排")
    assert workdays.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 10)
