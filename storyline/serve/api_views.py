"""Query and view code shared by the REST API and the web UI (datasette's one-view-two-formats habit).

Everything here reads the store through the ``Store`` protocol and ``StoryFilter`` and returns plain data:
the API turns it into JSON, the templates into HTML. Article text stays text: escaping is
the template's job (autoescape) and nothing here builds markup.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, Literal
from urllib.parse import urlsplit

from storyline.export import EVENT_COLUMNS, article_json, claim_json, event_row, fact_json, story_json
from storyline.model import Article, Claim, Fact, Story
from storyline.reconcile.query import EventQuery, matches, period_bounds
from storyline.store import Store, StoryFilter

Bucket = Literal["auto", "day", "week", "month"]
Measure = Literal["events", "killed", "injured"]

SAFE_SCHEMES = ("http", "https")
SCAN_CAP = 100_000  # stories read at most for a series, a claims listing or a CSV (the dev stores hold < 5,000)
TIMELINE_CAP = 20_000  # stories read for the list page's timeline strip
MAX_BUCKETS = 400  # a chart coarsens its bucket rather than draw more bars than pixels
AUTO_DAY_SPAN = 62  # auto bucket: days for spans up to two months, weeks up to two years, else months
AUTO_WEEK_SPAN = 731
_TERM = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


# -- inputs -------------------------------------------------------------------------------------
def safe_url(url: str | None) -> str | None:
    """The URL when its scheme is http or https (links from article data are untrusted), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return url.strip()


def search_text(q: str | None) -> str | None:
    """A user's search words as an FTS5 query: each word quoted, all required.

    Raw FTS5 syntax from a search box (a stray quote, ``AND``, ``col:``) is an SQL error;
    quoting each word keeps the store's full-text index and never fails.
    """
    if not q:
        return None
    terms = _TERM.findall(q)
    return " ".join(f'"{t}"' for t in terms) or None


def story_filter(
    *,
    q: str | None = None,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> StoryFilter:
    """The one StoryFilter both the API and the UI build from their query parameters."""
    return StoryFilter(
        text=search_text(q),
        outlet=outlet or None,
        since=since,
        until=until,
        place=place or None,
        event_type=event_type or None,
        status=status or None,
        limit=limit,
        offset=offset,
    )


# -- lists --------------------------------------------------------------------------------------
def story_summary(story: Story) -> dict[str, Any]:
    """A story in a list: the export's story fields and how many claims of each status it has."""
    out = story_json(story)
    out["claim_status"] = dict(Counter(c.status for c in story.claims))
    return out


def list_stories(store: Store, where: StoryFilter) -> tuple[list[Story], int]:
    return store.stories(where), store.count_stories(where)


def all_stories(store: Store, where: StoryFilter, cap: int = SCAN_CAP) -> list[Story]:
    """Every story matching ``where`` (its limit/offset ignored), up to ``cap``."""
    return store.stories(replace(where, limit=cap, offset=0))


def outlets_by_story(store: Store, story_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for a in store.articles(story_ids=story_ids, facts=False):
        if a.story_id:
            found[a.story_id].add(a.outlet or a.id)
    return {s: sorted(found.get(s, set())) for s in story_ids}


def event_rows(store: Store, stories: list[Story]) -> list[dict[str, Any]]:
    outlets = outlets_by_story(store, [s.story_id for s in stories])
    return [event_row(s, outlets[s.story_id]) for s in stories]


def csv_text(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    """CSV with formula-looking cells defused (a cell from an article must not run in a spreadsheet)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


EVENTS_CSV_COLUMNS = EVENT_COLUMNS


# -- one story ------------------------------------------------------------------------------------
@dataclass(slots=True)
class Segment:
    """A run of an article body: plain text, or inside the sentence / exact words of some facts."""

    text: str
    sentence_of: tuple[str, ...] = ()  # page keys of the facts whose sentence covers this run
    words_of: tuple[str, ...] = ()  # page keys of the facts whose exact words cover this run


def _span(body: str, start: int | None, text: str | None) -> tuple[int, int] | None:
    """The span of ``text`` in ``body``: at ``start`` when the offsets hold, else its first occurrence."""
    if not text:
        return None
    if start is not None and start >= 0 and body[start : start + len(text)] == text:
        return start, start + len(text)
    found = body.find(text)
    return (found, found + len(text)) if found >= 0 else None


def fact_spans(body: str, fact: Fact) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(sentence span, words span) of a fact in its article body, each None when it cannot be placed (a fact read
    in the title is not in the body)."""
    if fact.in_title:
        return None, None
    words = _span(body, fact.start, fact.text)
    if words is not None and fact.end != words[1] and body[fact.start : fact.end] != fact.text:
        words = _span(body, None, fact.text)
    sentence = _span(body, fact.sentence_start, fact.sentence)
    if sentence is not None and words is not None and not (sentence[0] <= words[0] and words[1] <= sentence[1]):
        sentence = words
    return sentence or words, words


def segments(body: str, spans: Mapping[str, tuple[tuple[int, int] | None, tuple[int, int] | None]]) -> list[Segment]:
    """Cut a body at every fact boundary; each run knows which facts' sentences and words cover it."""
    cuts = {0, len(body)}
    for sentence_span, words_span in spans.values():
        for span in (sentence_span, words_span):
            if span:
                cuts.update(span)
    points = sorted(c for c in cuts if 0 <= c <= len(body))
    out: list[Segment] = []
    for lo, hi in pairwise(points):
        if lo == hi:
            continue
        sent = tuple(k for k, (s, _) in spans.items() if s and s[0] <= lo and hi <= s[1])
        exact = tuple(k for k, (_, w) in spans.items() if w and w[0] <= lo and hi <= w[1])
        out.append(Segment(body[lo:hi], sent, exact))
    return out


@dataclass(slots=True)
class SupportView:
    outlet: str
    article_id: str
    value: Any
    sentence: str | None
    key: str | None  # page key of the fact, None when the fact is not in the store


@dataclass(slots=True)
class ClaimView:
    claim: Claim
    keys: list[str]
    support: list[SupportView]
    outlets: list[str]

    @property
    def has_range(self) -> bool:
        return self.claim.low is not None and self.claim.high is not None and self.claim.low != self.claim.high


@dataclass(slots=True)
class ArticleView:
    article: Article
    url: str | None
    segments: list[Segment]
    fact_count: int


@dataclass(slots=True)
class OutletView:
    outlet: str
    article_ids: list[str]
    alone: list[ClaimView] = field(default_factory=list)  # claims no other outlet supports


@dataclass(slots=True)
class StoryView:
    story: Story
    record: list[tuple[str, str]]  # (label, value) of the event record
    tolls: list[ClaimView]  # count claims: how many, with ranges
    claims: list[ClaimView]
    articles: list[ArticleView]
    outlets: list[OutletView]


TOLL_SLOTS = ("killed", "injured")


def _fmt(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def claim_text(c: Claim) -> str:
    """A claim's value, with the range the sources allow when they differ."""
    text = _fmt(c.value)
    if c.low is not None and c.high is not None and c.low != c.high:
        text += f" ({_fmt(c.low)}–{_fmt(c.high)})"
    return text


def story_view(story: Story, articles: list[Article]) -> StoryView:
    """Everything the story page shows, from one story and its articles (with facts)."""
    by_id = {a.id: a for a in articles}
    outlet_of = {a.id: a.outlet or a.id for a in articles}
    facts = {f.fact_id: f for a in articles for f in a.facts}
    keys: dict[str, str] = {}  # fact id -> short page key ("f0", "f1", ...): never put ids in markup
    for c in story.claims:
        for s in c.support:
            if s.fact_id in facts and s.fact_id not in keys:
                keys[s.fact_id] = f"f{len(keys)}"

    claims: list[ClaimView] = []
    for c in story.claims:
        support = []
        for s in c.support:
            fact = facts.get(s.fact_id)
            support.append(
                SupportView(
                    outlet=s.outlet or outlet_of.get(s.article_id, s.article_id),
                    article_id=s.article_id,
                    value=s.value,
                    sentence=fact.sentence if fact else None,
                    key=keys.get(s.fact_id),
                )
            )
        claim_keys = sorted({sv.key for sv in support if sv.key}, key=lambda k: int(k[1:]))
        claims.append(ClaimView(c, claim_keys, support, sorted({sv.outlet for sv in support})))

    article_views = []
    for a in articles:
        body = a.body or ""
        spans = {keys[f.fact_id]: fact_spans(body, f) for f in a.facts if f.fact_id in keys}
        article_views.append(ArticleView(a, safe_url(a.url), segments(body, spans), len(a.facts)))

    outlets: dict[str, OutletView] = {}
    for a in articles:
        outlets.setdefault(outlet_of[a.id], OutletView(outlet_of[a.id], [])).article_ids.append(a.id)
    for cv in claims:
        if len(cv.outlets) == 1 and len(outlets) > 1 and cv.outlets[0] in outlets:
            outlets[cv.outlets[0]].alone.append(cv)

    loc = story.location
    where = ", ".join(p for p in (loc.city, loc.region, loc.country) if p) or "unknown"
    when = story.event_date.isoformat() if story.event_date else "unknown"
    date_claim = next((c for c in claims if c.claim.slot == "event_date"), None)
    if date_claim is not None and date_claim.has_range:
        when += f" ({_fmt(date_claim.claim.low)} – {_fmt(date_claim.claim.high)})"
    record = [
        ("when", when),
        ("where", where),
        ("what", ", ".join(story.event_types) or "unknown"),
        ("who", ", ".join(story.actors) or "unknown"),
        ("reported", _reported(story, len(by_id), len(outlets))),
    ]
    tolls = sorted((cv for cv in claims if cv.claim.slot in TOLL_SLOTS), key=lambda cv: TOLL_SLOTS.index(cv.claim.slot))
    return StoryView(story, record, tolls, claims, article_views, sorted(outlets.values(), key=lambda o: o.outlet))


def _reported(story: Story, n_articles: int, n_outlets: int) -> str:
    span = ""
    if story.first_published:
        span = f", {story.first_published.isoformat()}"
        if story.last_published and story.last_published != story.first_published:
            span += f" to {story.last_published.isoformat()}"
    return f"{n_articles} article{'s' * (n_articles != 1)} by {n_outlets} outlet{'s' * (n_outlets != 1)}{span}"


def story_detail_json(view: StoryView) -> dict[str, Any]:
    """The API's story resource: the export's story and claims, the event record and the outlets."""
    out = story_json(view.story)
    out["claims"] = [claim_json(cv.claim) for cv in view.claims]
    out["record"] = {label: value for label, value in view.record}
    out["outlets"] = [
        {
            "outlet": o.outlet,
            "article_ids": o.article_ids,
            "alone": [{"slot": cv.claim.slot, "value": cv.claim.value} for cv in o.alone],
        }
        for o in view.outlets
    ]
    return out


def article_detail_json(a: Article) -> dict[str, Any]:
    out = article_json(a)
    out["facts"] = [fact_json(f, a.story_id) for f in a.facts]
    return out


# -- counts over time ---------------------------------------------------------------------------
def query_stories(store: Store, q: EventQuery) -> list[Story]:
    """The stories ``answer_query`` counts, as stories (same narrowing, same ``matches`` test)."""
    bounds = period_bounds(q.period) if q.period else None
    where = StoryFilter(since=bounds[0] if bounds else None, until=bounds[1] if bounds else None, limit=SCAN_CAP)
    found = [s for s in store.stories(where) if matches(s, q, bounds)]
    found.sort(key=lambda s: (s.event_date or date.min, s.story_id))
    return found


def story_day(story: Story) -> date | None:
    """The day a story is drawn at: its event date, else its first report."""
    return story.event_date or story.first_published


def _bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _next_bucket(day: date, bucket: str) -> date:
    if bucket == "week":
        return day + timedelta(days=7)
    if bucket == "month":
        return date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return day + timedelta(days=1)


def pick_bucket(first: date, last: date, bucket: Bucket) -> str:
    """The bucket asked for (or the one that suits the span), coarsened until it fits MAX_BUCKETS."""
    span = (last - first).days
    if bucket == "auto":
        bucket = "day" if span <= AUTO_DAY_SPAN else "week" if span <= AUTO_WEEK_SPAN else "month"
    order = ["day", "week", "month"]
    unit = order.index(bucket)
    while unit < len(order) - 1 and span // (1, 7, 30)[unit] > MAX_BUCKETS:
        unit += 1
    return order[unit]


def _measure(story: Story, measure: str) -> float:
    if measure == "events":
        return 1.0
    for c in story.claims:
        if c.slot == measure and c.value is not None:
            try:
                return float(c.value)
            except (TypeError, ValueError):
                return 0.0
    return 0.0


@dataclass(slots=True)
class Series:
    bucket: str
    measure: str
    points: list[tuple[date, float, int]]  # bucket start, measured value, stories in the bucket
    undated: int = 0  # matching stories with neither an event date nor a publication date

    @property
    def total(self) -> float:
        return sum(v for _, v, _ in self.points)

    def json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "measure": self.measure,
            "total": self.total,
            "undated": self.undated,
            "points": [{"start": d.isoformat(), "value": v, "stories": n} for d, v, n in self.points],
        }

    def csv(self) -> str:
        rows = [{"bucket_start": d.isoformat(), self.measure: _fmt(v), "stories": n} for d, v, n in self.points]
        return csv_text(rows, ["bucket_start", self.measure, "stories"])


def series(stories: list[Story], measure: Measure = "events", bucket: Bucket = "auto") -> Series:
    """Measured value per day/week/month, every bucket between the first and last one present."""
    dated = [(d, s) for s in stories if (d := story_day(s)) is not None]
    undated = len(stories) - len(dated)
    if not dated:
        return Series("day" if bucket == "auto" else bucket, measure, [], undated)
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    unit = pick_bucket(first, last, bucket)
    values: dict[date, float] = defaultdict(float)
    counts: Counter[date] = Counter()
    for d, s in dated:
        key = _bucket_start(d, unit)
        values[key] += _measure(s, measure)
        counts[key] += 1
    points = []
    cursor, end = _bucket_start(first, unit), _bucket_start(last, unit)
    while cursor <= end:
        points.append((cursor, values.get(cursor, 0.0), counts.get(cursor, 0)))
        cursor = _next_bucket(cursor, unit)
    return Series(unit, measure, points, undated)


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str


@dataclass(slots=True)
class Chart:
    """Geometry of a bar chart for an inline SVG template (numbers only; labels escaped there)."""

    width: int
    height: int
    bars: list[Bar]
    top: str
    ticks: list[tuple[float, str]]  # x position, date label
    baseline: float


def bar_chart(s: Series, width: int = 900, height: int = 220, pad: int = 28) -> Chart:
    top = max((v for _, v, _ in s.points), default=0.0)
    n = max(len(s.points), 1)
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    step = inner_w / n
    bars = []
    for i, (d, v, count) in enumerate(s.points):
        h = 0.0 if top <= 0 else inner_h * v / top
        bars.append(
            Bar(
                x=round(pad + i * step, 2),
                y=round(pad + inner_h - h, 2),
                width=round(max(step * 0.85, 1.0), 2),
                height=round(h, 2),
                label=d.isoformat(),
                value=f"{_fmt(v)} ({count} {'story' if count == 1 else 'stories'})",
            )
        )
    every = max(1, n // 8)
    ticks = [(b.x, b.label) for i, b in enumerate(bars) if i % every == 0]
    return Chart(width, height, bars, _fmt(top), ticks, pad + inner_h)
