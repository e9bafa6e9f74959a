"""The detection patterns of the time-expression tagger: one compiled regex per rule.

A rule only finds a span and its parts (named groups); ``timex`` picks the longest non-overlapping
spans and ``timex_resolve`` turns their parts into TIMEX3 values. Extents follow TimeBank: the
determiner and modifiers ("the", "early", "the end of", "nearly", "more than") are inside, the
preposition ("in", "on", "since", "within") is outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.extract.timex_lex import (
    MONTH_FULL_RE,
    MONTH_RE,
    NUM_RE,
    SPOKEN_YEAR_RE,
    UNIT_RE,
    WEEKDAY_RE,
)

# modifiers kept inside a DATE's extent; the value ignores them (TimeML puts them in "mod")
PRE = (
    r"(?P<pre>(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|rest|remainder|first\s+half"
    r"|second\s+half|latter\s+part|early\s+part|last\s+half|turn|spring|summer|fall|autumn|winter)\s+of"
    r"\s+(?:the\s+)?|(?:the\s+)?(?:early|late|earlier|later|mid|around)(?:\s+|-(?=\w))|mid-))?"
)
# approximators and bounds kept inside a DURATION's extent
APPROX = (
    r"(?P<approx>(?i:(?:about|around|approximately|roughly|nearly|almost|some|only|just|more\s+than"
    r"|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
    r"|not\s+more\s+than|over|under|barely|close\s+to|upwards\s+of|the\s+better\s+part\s+of)\s+))?"
)
_YEAR4 = r"(?:1[0-9]|20)\d\d(?![\d])"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)(?!,\d{3})"
_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"
_REL = (
    r"(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next"
    r"|coming|past|previous|following))"
)
_PART = r"(?P<part>(?i:morning|afternoon|evening|night|overnight))"
_TZ = r"(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|(?i:local\s+time)))"


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, and the anchor words (one of which every match contains) that say where to try it.

    Trying a pattern with long optional prefixes at every offset is slow in ``re``; trying it only at
    the word starts just before an anchor word is about ten times faster and finds the same spans.
    """

    name: str
    pattern: re.Pattern[str]
    priority: int  # ties between equally long spans go to the lower number
    words: frozenset[str]  # anchor words, lower case
    exact: frozenset[str]  # anchor words that count only as written (month and day names)
    digits: re.Pattern[str] | None  # anchor tokens that start with a digit


_MONTH_FORMS = frozenset(
    form
    for name in (
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
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    )
    for form in (name, name.upper())
)
_WEEKDAY_FORMS = frozenset(
    form
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for form in (name, name.upper(), name + "s")
)
_UNIT_WORDS = (
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights month"
    " months quarter quarters year years decade decades century centuries"
)


def _rule(
    name: str,
    pattern: str,
    priority: int,
    words: str = "",
    *,
    exact: frozenset[str] = frozenset(),
    digits: str | None = None,
) -> Rule:
    # no rule may start inside a word: "than a year" must not read "an a year"
    return Rule(
        name,
        re.compile(rf"(?<![\w])(?:{pattern})"),
        priority,
        frozenset(words.split()),
        exact,
        re.compile(digits) if digits else None,
    )


RULES: tuple[Rule, ...] = (
    _rule(
        "date_mdy",
        rf"{PRE}{_WD_PREFIX}(?P<mon>{MONTH_RE})\s*{_DAY}(?:(?:,\s*|\s+)(?P<y>{_YEAR4}))?",
        1,
        exact=_MONTH_FORMS,
    ),
    _rule(
        "date_dmy",
        rf"{PRE}{_WD_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?:,?\s+(?P<y>{_YEAR4}))?",
        1,
        exact=_MONTH_FORMS,
    ),
    _rule(
        "date_iso",
        r"(?<![\d-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])",
        0,
        digits=r"(?:1[6-9]|20)\d\d$",
    ),
    _rule(
        "date_us", r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:1[6-9]|20)?\d\d)(?![\d/])", 0, digits=r"[01]?\d$"
    ),
    _rule(
        "month_year",
        rf"{PRE}(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{_YEAR4}|'\d\d(?!\d)|(?i:{SPOKEN_YEAR_RE}))",
        1,
        exact=_MONTH_FORMS,
    ),
    _rule(
        "month_rel",
        rf"{PRE}(?:{_REL}\s+)?(?P<mon>{MONTH_FULL_RE})(?:\s+(?P<rely>(?i:last|this|next))\s+(?i:year))?",
        2,
        exact=_MONTH_FORMS,
    ),
    _rule(
        "year",
        rf"{PRE}(?:(?P<fy>(?i:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|model\s+year))"
        rf"\s*)?(?<![\d$£€#.,/])(?<!\d-)(?P<y>(?:1[6-9]|20)\d\d)(?![\d%]|,\d|\.\d|-\d|/\d|\s*(?i:percent))",
        3,
        digits=r"(?:1[6-9]|20)\d\d$",
    ),
    _rule(
        "year_spoken",
        rf"{PRE}(?:(?i:the\s+year)\s+)?(?P<sy>(?i:{SPOKEN_YEAR_RE}))(?![\w-])",
        3,
        "eighteen nineteen twenty two",
    ),
    _rule(
        "decade",
        rf"{PRE}(?:(?i:the)\s+)?(?:(?P<c>1[0-9]|20)(?P<dd>\d)0'?s|'(?P<d2>\d)0'?s"
        r"|(?P<dw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?![\w])",
        2,
        "twenties thirties forties fifties sixties seventies eighties nineties",
        digits=r"\d*0s$",
    ),
    _rule(
        "century",
        r"(?i:(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
        r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
        r"|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century)(?![\w-])",
        2,
        "century",
    ),
    _rule(
        "quarter",
        rf"{PRE}(?i:(?:(?P<own>the|its|their|this\s+year's|last\s+year's|next\s+year's|the\s+(?P<y1>\d{{4}})"
        r"|(?P<y2>\d{4})(?:'s)?)\s+)?(?P<shift>(?:comparable\s+|corresponding\s+)?(?:year-ago|year-earlier"
        r"|prior-year|year-before)\s+)?(?P<fisc>(?:fiscal|calendar)[\s-]+)?(?P<ord>first|second|third|fourth"
        r"|1st|2nd|3rd|4th|final|last|current|latest|previous|past|year-earlier|year-ago|same|next|coming"
        r"|prior|recent|preceding)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?![\w-])"
        r"(?:\s+of\s+(?P<y3>\d{4}|fiscal\s+\d{4}|this\s+year|last\s+year|next\s+year))?)",
        2,
        "quarter half",
    ),
    _rule(
        "quarter_ref",
        r"(?i:(?:(?P<det>the|its|their|this)\s+)?(?P<ago>year-ago|year-earlier|prior-year|corresponding"
        r"|comparable|same|latest|recent)?\s*(?P<unit>quarter|period)(?![\w-])"
        r"(?P<back>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year|the\s+previous\s+year"
        r"|a\s+year\s+before))?)",
        4,
        "quarter period",
    ),
    _rule(
        "relday",
        rf"{PRE}(?P<w>(?i:today|yesterday|tomorrow|tonight|this|last|tomorrow|yesterday"
        rf"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))(?![\w])(?:\s+{_PART})?",
        1,
        "today yesterday tomorrow tonight morning afternoon evening night overnight",
    ),
    _rule(
        "weekday",
        rf"{PRE}(?:{_REL}\s+)?(?P<wd>{WEEKDAY_RE})(?P<pl>s)?(?![a-zA-Z])(?:\s+{_PART})?",
        2,
        exact=_WEEKDAY_FORMS,
    ),
    _rule(
        "clock",
        r"(?:(?P<approx>(?i:around|about|at\s+about|approximately|shortly\s+(?:before|after)"
        r"|just\s+(?:before|after)))\s+)?(?:(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.\s?m\.?"
        r"|[ap]m(?![a-z])))|(?P<h2>[012]?\d):(?P<mi2>[0-5]\d)(?![\d:])(?!\s*(?i:percent|%))"
        r"|(?P<noon>(?i:noon|midnight|midday))|(?P<h3>[01]?\d)\s+(?i:o'clock)"
        r"|(?P<h4>[01]?\d)\s+(?i:in\s+the\s+(?P<part4>morning|afternoon|evening)))"
        rf"{_TZ}?(?:,?\s+(?:(?i:on)\s+)?(?P<day>{WEEKDAY_RE}|(?i:today|yesterday|tomorrow)"
        rf"|(?P<cmon>{MONTH_RE})\s*(?P<cd>[0-3]?\d)(?!\d)))?",
        1,
        "noon midnight midday",
        digits=r"\d{1,2}(?:[ap]m)?$",
    ),
    _rule(
        "part_of_day",
        rf"{PRE}(?i:(?P<the>the|this|that)\s+)(?P<part>(?i:morning|afternoon|evening))"
        r"(?![\w-])",
        4,
        "morning afternoon evening",
    ),
    _rule(
        "relunit",
        rf"{PRE}(?i:(?P<rel>this|last|next|past|the\s+past|the\s+previous|the\s+next|the\s+coming|the\s+current"
        r"|the\s+following|the\s+same|this\s+past|this\s+coming|the\s+last|coming|previous|current|the|that"
        r"|the\s+full|the\s+entire|the\s+whole)\s+(?:(?P<fisc>fiscal|calendar)\s+)?(?P<u>day|week|weekend|month"
        r"|year|decade|century))(?![\w-])",
        3,
        "day week weekend month year decade century",
    ),
    _rule(
        "week_of",
        rf"(?i:the\s+week\s+of)\s+(?P<mon>{MONTH_RE})\s*{_DAY}(?:,?\s+(?P<y>{_YEAR4}))?",
        1,
        "week",
    ),
    _rule("yearend", r"(?i:(?:this\s+)?year(?:'s\s+|-|\s+)end)(?![\w-])", 3, "year"),
    _rule(
        "year_ago_adj",
        r"(?i:(?:the\s+)?(?P<ago>year-ago|year-earlier|year-before|prior-year)"
        r"(?:\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?P<unit>quarter|period))?)(?![\w-])",
        3,
        "year",
    ),
    _rule(
        "year_period", r"(?i:the\s+(?P<y>(?:1[6-9]|20)\d\d)\s+(?P<unit>quarter|period))(?![\w-])", 2, "quarter period"
    ),
    _rule(
        "duration",
        # a determiner before an adjectival duration stays out: "a 16-hour day" gives "16-hour"
        rf"{APPROX}(?:(?P<det>(?i:the|its|their|his|her|our|a|an))\s+(?![\w.,]+-(?i:{UNIT_RE})(?!\w)))?(?:(?P<rel>(?i:past|last|next|coming"
        r"|first|latest|previous|following|final|recent|remaining|ensuing|initial|same|year-earlier|year-ago"
        rf"|prior|next))\s+)?(?:(?P<low>(?i:{NUM_RE}))\s+(?i:to|or)\s+)?(?:(?P<num>(?i:{NUM_RE}))(?P<hy>\s+|-))?(?:(?i:more|additional|full|straight"
        r"|consecutive|trading|business|calendar|long|whole|entire|extra)[\s-]+)?"
        rf"(?P<u>(?i:{UNIT_RE}))(?![\w])(?P<half>\s+and\s+a\s+half)?"
        r"(?P<after>-old|\s+old|-long|\s+(?i:prior(?=[,.;])|ago|earlier|from\s+now"
        r"|hence|back)(?!\s+than))?",
        5,
        _UNIT_WORDS,
    ),
    _rule(
        "refword",
        # "soon", "shortly", "previously", "formerly", "presently" and the adjective "future" are left out:
        # on timex-dev fewer than half of them are gold timexes (soon 5 of 18, previously 3 of 23)
        r"(?<![\w-])(?P<w>(?i:right\s+now|now|currently|nowadays|these\s+days|at\s+present"
        r"|the\s+present(?:\s+time)?|recently|lately|the\s+past"
        r"|the\s+future|the\s+near\s+future|the\s+distant\s+future|the\s+near\s+term|the\s+long\s+term"
        r"|the\s+short\s+term|recent(?:\s+(?:years|days|decades|times))?|current"
        r"|(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters|decades)|a\s+later\s+date))(?![\w-])",
        6,
        "now currently nowadays days present recently lately past future term recent current coming weeks months"
        " years decades quarters times later",
    ),
    _rule(
        "set",
        rf"(?i:(?P<q>every|each|per)\s+(?:other\s+)?(?:(?P<u>second|minute|hour|day|night|week|month|quarter"
        rf"|year|decade|morning|evening|weekend)|(?P<swd>{WEEKDAY_RE})|(?P<smon>{MONTH_FULL_RE}))"
        r"|(?<!average\s)(?<!the\s)(?<!party\s)(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly))"
        r"(?![\w-])",
        3,
        "every each per daily weekly monthly yearly hourly nightly biweekly",
    ),
    _rule(
        "season",
        rf"{PRE}(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the|early|late|that))\s+)?"
        r"(?P<s>(?i:spring|summer|fall|autumn|winter))(?![\w-])"
        rf"(?:\s+(?i:of\s+)?(?P<y>{_YEAR4}|(?i:{SPOKEN_YEAR_RE})))?",
        3,
        "spring summer fall autumn winter",
    ),
    _rule(
        "holiday",
        r"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
        r"|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Easter(?:\s+Sunday)?"
        rf"|Halloween|Valentine's\s+Day)(?![\w])(?:,?\s+(?P<y>{_YEAR4}))?",
        2,
        exact=frozenset(
            [
                "Christmas",
                "New",
                "Thanksgiving",
                "Independence",
                "Labor",
                "Memorial",
                "Easter",
                "Halloween",
                "Valentine",
            ]
        ),
    ),
)
