"""Relative dates resolved against the publication date (placetime.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwatch.placetime.dates import ResolvedDate, find_dates, resolve_date

THURSDAY = dt.date(2020, 2, 27)  # a Thursday


def resolved(expression: str, published: dt.date = THURSDAY) -> tuple[dt.date, str]:
    result = resolve_date(expression, published)
    assert result is not None, expression
    assert result.text == expression
    return result.date, result.resolution


def test_weekday_on_publication_day_is_that_day():
    assert resolved("on Thursday") == (THURSDAY, "day")
    assert resolved("Thursday") == (THURSDAY, "day")


def test_weekday_earlier_in_the_week():
    assert resolved("on Monday") == (dt.date(2020, 2, 24), "day")
    assert resolved("Friday night") == (dt.date(2020, 2, 21), "day")
    assert resolved("last Thursday") == (dt.date(2020, 2, 20), "day")


def test_yesterday_and_today():
    assert resolved("yesterday") == (dt.date(2020, 2, 26), "day")
    assert resolved("today") == (THURSDAY, "day")


def test_last_week():
    assert resolved("last week") == (dt.date(2020, 2, 20), "week")


def test_earlier_this_month():
    assert resolved("earlier this month") == (dt.date(2020, 2, 1), "month")


def test_last_month_crosses_the_year():
    assert resolved("last month", dt.date(2020, 1, 15)) == (dt.date(2019, 12, 1), "month")


def test_month_and_year():
    assert resolved("in December 2019") == (dt.date(2019, 12, 1), "month")
    assert resolved("December 2019") == (dt.date(2019, 12, 1), "month")


def test_bare_year():
    assert resolved("in 2015") == (dt.date(2015, 1, 1), "year")


def test_month_day_infers_the_most_recent_year():
    assert resolved("on Feb. 27") == (THURSDAY, "day")
    assert resolved("on 27 February", dt.date(2020, 1, 10)) == (dt.date(2019, 2, 27), "day")
    assert resolved("March 3, 2019") == (dt.date(2019, 3, 3), "day")


def test_last_year_and_this_year():
    assert resolved("last year") == (dt.date(2019, 1, 1), "year")
    assert resolved("this year") == (dt.date(2020, 1, 1), "year")


def test_ago():
    assert resolved("two days ago") == (dt.date(2020, 2, 25), "day")
    assert resolved("three weeks ago") == (dt.date(2020, 2, 6), "week")


def test_iso_date():
    assert resolved("2019-11-24") == (dt.date(2019, 11, 24), "day")


def test_unknown_expression_is_none():
    assert resolve_date("the other day", THURSDAY) is None
    assert resolve_date("soon", THURSDAY) is None


def test_find_dates_in_plain_text_gives_offsets():
    text = "The convoy left on Tuesday and reached the camp two days ago, officials said."
    found = find_dates(text, THURSDAY)
    assert [(text[s:e], r.date) for s, e, r in found] == [
        ("Tuesday", dt.date(2020, 2, 25)), ("two days ago", dt.date(2020, 2, 25))]


def test_month_names_used_as_verbs_are_not_dates():
    text = "Officials said the crowd may march to the square."
    assert find_dates(text, THURSDAY) == []


@pytest.mark.model
def test_find_dates_over_spacy_entities_and_past_reference(nlp):
    doc = nlp("In 2015, the air force shot down a jet; on Thursday the ministry recalled it.")
    found = find_dates(doc, THURSDAY)
    by_text = {doc.text[s:e]: r for s, e, r in found}
    year = next(r for t, r in by_text.items() if "2015" in t)
    assert (year.date, year.resolution) == (dt.date(2015, 1, 1), "year")
    day = next(r for t, r in by_text.items() if "Thursday" in t)
    assert isinstance(day, ResolvedDate) and day.date == THURSDAY
