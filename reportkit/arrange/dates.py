"""Dates and times in the wording of OIC / COMCEC reports: "November 1st, 2022", "13.15 – 13.30".

Two styles of date line, as the published reports print them: `ordinal`, "(November 1st,
2022; Virtual Meeting)", the technical meetings' style, and `venue-first`, "(Ankara, 10-11
May 2017)", the Follow-up Committee's and Sessions'. Both join a range of days with a
hyphen, as those reports do; times are joined with a spaced en dash ("13.15 – 13.30").
Names of months and days are spelled out here rather than taken from `strftime`, whose
`%B` follows the machine's locale.
"""

from __future__ import annotations

from datetime import date, time
from functools import cache

import icu

from reportkit.model import DateStyle, Language, Meeting

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def long_date(day: date) -> str:
    return f"{_month(day)} {ordinal(day.day)}, {day.year}"


def date_range(start: date, end: date | None) -> str:
    """One day, a run of days in one month, or a span across months or years."""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_month(start)} {ordinal(start.day)}-{ordinal(end.day)}, {start.year}"
    if start.year == end.year:
        return (
            f"{_month(start)} {ordinal(start.day)} - {_month(end)} {ordinal(end.day)}, {start.year}"
        )
    return f"{long_date(start)} - {long_date(end)}"


def day_month_range(start: date, end: date | None) -> str:
    """Day first: "10 May 2017", "10-11 May 2017", "30 April-2 May 2017", and across years
    "30 December 2017-2 January 2018"."""
    if end is None or end == start:
        return f"{start.day} {_month(start)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {_month(start)} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_month(start)}-{end.day} {_month(end)} {start.year}"
    return f"{start.day} {_month(start)} {start.year}-{end.day} {_month(end)} {end.year}"


def date_line(meeting: Meeting, day: date | None = None) -> str:
    """The line under the title, in the meeting's date style and language: of the
    meeting's days, or of one `day` of it (a statement annexed on the day it was made)."""
    language = meeting.language
    start, end = (day, None) if day else (meeting.date, meeting.end_date)
    days = styled_days(start, end, meeting.date_style, language)
    if not meeting.venue:
        return f"({days})"
    if meeting.date_style is DateStyle.VENUE_FIRST:
        return f"({meeting.venue}{_COMMA[language]}{days})"
    if meeting.date_style is DateStyle.PROCEEDINGS:
        return f"({days}{_COMMA[language]}{meeting.venue})"
    return f"({days}{_SEMICOLON[language]}{meeting.venue})"


def styled_days(start: date, end: date | None, style: DateStyle, language: Language) -> str:
    """Days as a date style words them: month first with ordinals in English ("October
    6th, 2016"), day first with venue-first and in the other editions ("10-11 May 2017",
    "1er-3 novembre 2022")."""
    if style is DateStyle.VENUE_FIRST or language is not Language.EN:
        return _local_range(start, end, language)
    return date_range(start, end)


def month_year(day: date, language: Language) -> str:
    """The month a title page is dated ("October 2016", "Octobre 2016"), on a line of its
    own and so capitalised in French too."""
    name = _month_name(day, language)
    return f"{name[:1].upper()}{name[1:]} {day.year}"


def day_heading(
    day: date, language: Language = Language.EN, style: DateStyle = DateStyle.ORDINAL
) -> str:
    """A day row of the programme: "Tuesday, November 1st, 2022", "mardi 1er novembre 2022";
    day first in English too where the meeting's date line is (venue-first): "Wednesday,
    11 May 2022" under "(Ankara, 11-12 May 2022)"."""
    if language is Language.EN and style is DateStyle.VENUE_FIRST:
        return f"{WEEKDAYS[day.weekday()]}, {day_month_range(day, None)}"
    if language is Language.EN:
        return f"{WEEKDAYS[day.weekday()]}, {long_date(day)}"
    weekday = _names(language.value).weekdays[day.weekday()]
    separator = "، " if language is Language.AR else " "
    return f"{weekday}{separator}{_local_day(day, language)}"


# How a date line joins venue and dates, as each edition punctuates.
_COMMA = {Language.EN: ", ", Language.FR: ", ", Language.AR: "، "}
_SEMICOLON = {Language.EN: "; ", Language.FR: "\u202f; ", Language.AR: "؛ "}


class _Names:
    """A locale's wide month names (January first) and weekday names (Monday first)."""

    def __init__(self, locale: str) -> None:
        symbols = icu.DateFormatSymbols(icu.Locale(locale))
        self.months = tuple(symbols.getMonths())
        # ICU counts weekdays from 1, Sunday, behind an empty slot 0.
        sunday_first = symbols.getWeekdays()[1:]
        self.weekdays = (*sunday_first[1:], sunday_first[0])


@cache
def _names(locale: str) -> _Names:
    """ICU's names for `locale`: the same CLDR data that orders the list of participants,
    so one library carries the locale data."""
    return _Names(locale)


def _month_name(day: date, language: Language) -> str:
    if language is Language.AR:
        # Both names, as the Arabic editions of COMCEC reports print them: مايو / أيار.
        gulf = _names("ar").months[day.month - 1]
        levant = _names("ar_SY").months[day.month - 1]
        return f"{gulf} / {levant}"
    return _names(language.value).months[day.month - 1]


def _day_number(day: date, language: Language) -> str:
    return "1er" if language is Language.FR and day.day == 1 else str(day.day)


def _local_day(day: date, language: Language) -> str:
    return f"{_day_number(day, language)} {_month_name(day, language)} {day.year}"


def _local_range(start: date, end: date | None, language: Language) -> str:
    """Day first, in the edition's language: "10-11 May 2017", "1er-3 novembre 2022"."""
    if language is Language.EN:
        return day_month_range(start, end)
    if end is None or end == start:
        return _local_day(start, language)
    first = _day_number(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{first}-{end.day} {_month_name(start, language)} {start.year}"
    if start.year == end.year:
        return (
            f"{first} {_month_name(start, language)}-{end.day} {_month_name(end, language)} "
            f"{start.year}"
        )
    return f"{_local_day(start, language)}-{_local_day(end, language)}"


def time_slot(start: time, end: time) -> str:
    return f"{start:%H.%M} – {end:%H.%M}"


def _month(day: date) -> str:
    """English month names whatever the machine's locale, so builds agree everywhere."""
    return MONTHS[day.month - 1]
