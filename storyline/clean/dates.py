"""Publication dates read from page text and URLs: parsed, resolved and validated.

Every date that leaves this module is a real calendar day, not after ``today`` and not before
``EARLIEST`` (no year 20240, no 2031 typo taken as a publication date).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo

EARLIEST = date(1995, 1, 1)  # the web news era; older "dates" on a page are history, not publication

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio janeiro jänner januari",
        "february feb februar février fevrier febrero febbraio fevereiro februari",
        "march mar märz maerz mars marzo março",
        "april apr avril abril aprile",
        "may mai mayo maggio maio mei",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct oktober octobre octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre diciembre dicembre dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number


def _by_first_letter(names: list[str]) -> dict[str, list[str]]:
    """Names grouped by first letter (escaped rests, in the given order)."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return groups


# ``a|b|c`` written as one group per first letter (same matches, same order within a letter): re tries a
# dozen first letters at each position instead of every name.
_MONTH_GROUPS = _by_first_letter(sorted(MONTHS, key=len, reverse=True))
_MONTH_RE = "(?:" + "|".join(f"{re.escape(f)}(?:{'|'.join(rest)})" for f, rest in _MONTH_GROUPS.items()) + ")"
# The numeric patterns open with a digit and look behind it ("1(?<!\d1)9" for "(?<!\d)19", "\d(?<![\d.]\d)" for
# "(?<![\d.])\d"), not with the lookbehind: re then skips ahead to a candidate digit instead of trying every position
# (the same matches on the 1,072 pages of zyte-text-dev and trafilatura-eval-text-dev, 3-4x faster there).
_ISO = re.compile(r"((?:1(?<!\d1)9|2(?<!\d2)0)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_SLASH_YMD = re.compile(r"((?:1(?<!\d1)9|2(?<!\d2)0)\d{2})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
_DMY_NUM = re.compile(r"(\d(?<![\d.]\d)\d?)\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)")
_MDY_SLASH = re.compile(r"(\d(?<!\d\d)\d?)/(\d{1,2})/((?:19|20)\d{2})(?!\d)")
_MONTH_DY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d)", re.I)
_D_MONTH_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|\.|º)?\s+(?:de\s+)?({_MONTH_RE})\.?,?\s+(?:de\s+)?"
    rf"((?:19|20)\d{{2}})(?!\d)",
    re.I,
)
_MONTH_D = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})", re.I)
_D_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?({_MONTH_RE})\b(?!\.?,?\s+(?:de\s+)?\d{{4}})", re.I
)
# "04.05.20": a two-digit year, as German bylines print it ("06.11.23 | 14:50"); read only in a byline, never in
# running text (where "10.11.12" may as well be a version number)
_DMY_SHORT_YEAR = re.compile(r"(\d(?<![\d.]\d)\d?)\.(\d{1,2})\.(\d{2})(?![\d.]\d|\d)")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_YM = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
# Case-sensitive twins of the case-insensitive patterns, run on the lower-cased text (several times faster
# in Python's re; used when lower-casing keeps the text's length, so offsets stay valid).
# They also open with a character instead of an assertion (re then skips ahead to candidate characters):
# r"\b(jan|feb|...)" becomes r"(j(?<!\wj)(?:an)|f(?<!\wf)(?:eb)|...)" and r"(?<!\d)(\d{1,2})" becomes
# r"(\d(?<!\d\d)\d?)", the same matches (tests/clean/test_dates.py compares them).


def _opening(pattern: str) -> str:
    month_open = (
        "(?:"
        + "|".join(
            f"{re.escape(first)}(?<!\\w{re.escape(first)})(?:{'|'.join(rest)})" for first, rest in _MONTH_GROUPS.items()
        )
        + ")"
    )
    day = r"(?<!\d)(\d{1,2})"
    if pattern.startswith(rf"\b({_MONTH_RE})"):
        return f"({month_open})" + pattern[len(rf"\b({_MONTH_RE})") :]
    if pattern.startswith(day):
        return r"(\d(?<!\d\d)\d?)" + pattern[len(day) :]
    raise ValueError(f"no known opening: {pattern[:40]}")


_MONTH_DY_L = re.compile(_opening(_MONTH_DY.pattern))
_D_MONTH_Y_L = re.compile(_opening(_D_MONTH_Y.pattern))
_MONTH_D_L = re.compile(_opening(_MONTH_D.pattern))
_D_MONTH_L = re.compile(_opening(_D_MONTH.pattern))
_WORDLIKE_MONTHS = frozenset({"may", "mar", "jun", "mai", "dec", "sep"})
_YEARISH = re.compile(r"(?:19|20)\d\d")  # every full date holds a year like this
_FUTURE_CUE = re.compile(r"\b(?:will|next|until|by|upcoming|scheduled|planned|to be held|due)\b[^.;]*$", re.I)
# A timestamp given in UTC ("2022-11-06T23:00:00.000Z", "+00:00", "UTC"): year, month, day, hour, minute.
_ISO_UTC = re.compile(
    r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*"
    r"(?:Z|UTC|GMT|\+00:?00)(?!\w)"
)
_SCRAPER_HEADER = re.compile(r"^\s*date\s+((?:19|20)\d{2}-\d{2}-\d{2})\b")


def valid(day: date | None, today: date | None = None) -> bool:
    if day is None:
        return False
    return EARLIEST <= day <= (today or date.today())


def make(year: int, month: int, day: int, today: date | None = None) -> date | None:
    try:
        result = date(year, month, day)
    except ValueError:
        return None
    return result if valid(result, today) else None


def scraper_header(text: str) -> date | None:
    """The ``date YYYY-MM-DD`` header some scrapers write on a page's first line."""
    first = text.lstrip("\ufeff")[:200].split("\n", 1)[0]
    match = _SCRAPER_HEADER.match(first)
    if not match:
        return None
    return parse_iso(match.group(1))


def parse_iso(value: str | None, today: date | None = None, local: tzinfo | None = None) -> date | None:
    """The day of an ISO timestamp; ``local``: the zone a UTC time ("...T23:00:00Z") is shown to readers in."""
    if not value:
        return None
    if local is not None:
        moment = _ISO_UTC.search(value)
        if moment:
            try:
                year, month, day_of_month, hour, minute = (int(moment.group(i)) for i in range(1, 6))
                stamp = datetime(year, month, day_of_month, hour, minute, tzinfo=UTC)
            except ValueError:
                return None
            day = stamp.astimezone(local).date()
            return day if valid(day, today) else None
    match = _ISO.search(value)
    if not match:
        return None
    return make(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)


def parse_text(value: str | None, today: date | None = None, day_first: bool = False) -> date | None:
    """The first full date written in a short text ("12. März 2021", "03.05.2021, 14:00", "May 3, 2021")."""
    if not value:
        return None
    found = find_dates(value[:300], today, day_first)
    return found[0][1] if found else None


def find_dates(text: str, today: date | None = None, day_first: bool = False) -> list[tuple[int, date]]:
    """Every full date (day, month and year) written in ``text``, with its offset, in page order.

    ``day_first``: read "05/07/2022" as 5 July (most of the world) instead of May 7 (the US reading, the default)."""
    found: list[tuple[int, date]] = []
    if not _YEARISH.search(text):
        return found
    lowered = text.lower()
    folded = len(lowered) == len(text)
    month_dy, d_month_y = (_MONTH_DY_L, _D_MONTH_Y_L) if folded else (_MONTH_DY, _D_MONTH_Y)
    named = lowered if folded else text
    for match in _ISO.finditer(text):
        d = make(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)
        if d:
            found.append((match.start(), d))
    for match in _SLASH_YMD.finditer(text):
        d = make(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)
        if d:
            found.append((match.start(), d))
    for match in month_dy.finditer(named):
        d = make(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)), today)
        if d:
            found.append((match.start(), d))
    for match in d_month_y.finditer(named):
        d = make(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)), today)
        if d:
            found.append((match.start(), d))
    for match in _DMY_NUM.finditer(text):
        d = make(int(match.group(3)), int(match.group(2)), int(match.group(1)), today)
        if d:
            found.append((match.start(), d))
    for match in _MDY_SLASH.finditer(text):
        a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
        # US order first (month/day) unless ``day_first``; a number over 12 can only be the day
        d = make(y, b, a, today) if (a > 12 or (day_first and b <= 12)) else make(y, a, b, today)
        if d:
            found.append((match.start(), d))
    found.sort(key=lambda item: item[0])
    return found


_WEEKDAY_NAMES = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi "
    "dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì "
    "sabato domenica segunda terça quarta quinta sexta feira"
)
_WEEKDAYS = frozenset(_WEEKDAY_NAMES.split())
# Words a date line may hold besides the date: times, "at"/"um"/"à", "Updated"/"Published" labels.
_FILLER_NAMES = "at um à a las alle às am pm uhr h et est edt gmt utc cet updated published"
_DATE_LINE_FILLER = frozenset(_FILLER_NAMES.split())
_LINE_WORD = re.compile(r"[^\W\d_]+")
DATE_LINE_WORDS = 9  # a line of a date and a time, maybe a weekday and a label, has no more words


def is_date_line(text: str, words: int) -> bool:
    """A line that holds a full date and nothing else but a weekday, a time or a label ("Wednesday November 20,
    2019", "20.11.2019, 14:05 Uhr", "Updated: Nov. 20, 2019 at 9:41 am")."""
    if words > DATE_LINE_WORDS or not find_dates(text):
        return False
    rest = [
        w
        for w in _LINE_WORD.findall(text.lower())
        if w not in MONTHS and w not in _WEEKDAYS and w not in _DATE_LINE_FILLER
    ]
    return len(rest) <= 1


def short_year_date(text: str, today: date | None = None) -> date | None:
    """The first day-month-year date written with a two-digit year ("04.05.20" is 4 May 2020) in a byline."""
    for match in _DMY_SHORT_YEAR.finditer(text):
        d = make(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)), today)
        if d:
            return d
    return None


def url_date(url: str | None, today: date | None = None) -> date | None:
    """A date in a URL path (``/2019/11/19/``, ``2019-11-19``, ``20191119``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    match = _URL_DATE.search(path)
    if match:
        return make(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)
    return None


def infer_lower_bound(text: str, years: list[int], today: date | None = None) -> date | None:
    """The latest past day-and-month the text mentions, in the year the page shows (a lower bound).

    Used when a page prints no full date: "announced on 4 January" with a 2024 copyright line
    means the page was published on 4 January 2024 or later. Mentions after a future cue
    ("will convene ... on 10 January", "next week on ...") are skipped.
    """
    if not years:
        return None
    year = max(years)
    best: date | None = None
    lowered = text.lower()
    folded = len(lowered) == len(text)
    patterns = ((_MONTH_D_L, 2, 1), (_D_MONTH_L, 1, 2)) if folded else ((_MONTH_D, 2, 1), (_D_MONTH, 1, 2))
    for pattern, day_group, month_group in patterns:
        for match in pattern.finditer(lowered if folded else text):
            month_name = match.group(month_group).lower()
            if month_name in _WORDLIKE_MONTHS and not text[match.start(month_group)].isupper():
                continue  # "may" the verb, "mar" a word: only capitalised month names
            before = text[max(0, match.start() - 80) : match.start()]
            if _FUTURE_CUE.search(before):
                continue
            d = make(year, MONTHS[month_name], int(match.group(day_group)), today)
            if d and (best is None or d > best):
                best = d
    for _, d in find_dates(text, today):
        if d.year == year and (best is None or d > best):
            best = d
    return best


# "vor 2 Stunden", "3 days ago", "hace 2 días", "il y a 3 jours", "gestern", "yesterday": a day counted back from
# the crawl; units are minutes/hours (same day or the day before), days and weeks.
_RELATIVE = re.compile(
    r"\b(?:vor|hace|il y a)\s+(?P<n1>\d{1,3}|einem|einer|un|una|une)\s+(?P<u1>[a-zäéí]+)|"
    r"\b(?P<n2>\d{1,3}|an?|one)\s+(?P<u2>[a-z]+)\s+ago\b|\b(?P<word>gestern|yesterday|ayer|hier|vorgestern|"
    r"heute|today|hoy|aujourd'hui)\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {
    "minute": 0.0,
    "minuten": 0.0,
    "minutes": 0.0,
    "minutos": 0.0,
    "min": 0.0,
    "stunde": 1 / 24,
    "stunden": 1 / 24,
    "hour": 1 / 24,
    "hours": 1 / 24,
    "hora": 1 / 24,
    "horas": 1 / 24,
    "heure": 1 / 24,
    "heures": 1 / 24,
    "tag": 1.0,
    "tagen": 1.0,
    "day": 1.0,
    "days": 1.0,
    "día": 1.0,
    "días": 1.0,
    "jour": 1.0,
    "jours": 1.0,
    "woche": 7.0,
    "wochen": 7.0,
    "week": 7.0,
    "weeks": 7.0,
    "semana": 7.0,
    "semanas": 7.0,
    "semaine": 7.0,
    "semaines": 7.0,
}
_WORD_DAYS = {
    "gestern": 1,
    "yesterday": 1,
    "ayer": 1,
    "hier": 1,
    "vorgestern": 2,
    "heute": 0,
    "today": 0,
    "hoy": 0,
    "aujourd'hui": 0,
}


def relative_date(text: str, crawled: date) -> date | None:
    """The day a relative stamp ("vor 2 Stunden", "3 days ago", "gestern") means on a page crawled on ``crawled``.

    Hours count back from the end of the crawl day, so "vor 30 Stunden" is the day before; only call this with
    a known crawl date (the clock of the machine reading a page later says nothing about it)."""
    match = _RELATIVE.search(text)
    if not match:
        return None
    if match.group("word"):
        return crawled - timedelta(days=_WORD_DAYS[match.group("word").lower()])
    count, unit = (
        (match.group("n1"), match.group("u1")) if match.group("u1") else (match.group("n2"), match.group("u2"))
    )
    per_day = _UNIT_DAYS.get(unit.lower())
    if per_day is None:
        return None
    number = int(count) if count.isdigit() else 1
    return crawled - timedelta(days=int(number * per_day))
