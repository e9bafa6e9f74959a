"""Fuzz the cleaners and extractors with hypothesis-generated text and count crashes (issue 8).

    .venv/bin/python benchmarks/fuzz.py --examples 2000           # every target, 2000 inputs each
    .venv/bin/python benchmarks/fuzz.py --targets tag_times,clean  # some targets

Each target gets ``--examples`` inputs drawn by hypothesis from three generators: arbitrary
Unicode (surrogates, controls, combining marks, huge strings of one character), a news-like
token soup built from the words the extractors look for (numbers, months, casualty verbs,
quote marks, speech cues, dates in the year 20240), and HTML soup for the cleaner. A crash
is any exception other than ``InputError`` (a refusal with a reason is the right answer to
bad input); a violation is output that breaks the contract (a fact whose ``text`` is not
``body[start:end]``); a hang is a call over ``--hang-s`` seconds. Failures are grouped by
(target, exception type, innermost storyline frame) and printed as a table, with the
shortest input of each group, and the totals as the last line:
``FUZZ targets=.. inputs=.. crashes=.. unique=.. violations=.. hangs=..``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.model import Article

# -- input generators ---------------------------------------------------------------------------
NEWS_WORDS = (
    "killed injured wounded dead died shot stabbed hurt said told says according to police officials "
    "spokesman Monday Tuesday Sunday January February March May June September December yesterday today "
    "tonight last next week month year ago earlier later since until at least more than about nearly "
    "up to dozens hundreds a dozen two three four ten eleven twenty-one hundred thousand million "
    "people children soldiers civilians missiles drones rockets The A In On By From Mr. Mrs. Dr. Gov. "
    "St. Ft. Mt. Kyiv Kharkiv Chicago Texas TX Paris U.S. U.K. AP Reuters — – - , . ; : ! ? ( ) "
)
NUMBERS = st.sampled_from(
    [
        "0", "1", "2", "7", "10", "12", "99", "100", "1,000", "1.5", "2024", "20240", "99999", "-3", "3rd",
        "1st", "21st", "2/30/2024", "31/12/2023", "2024-13-45", "2024-01-03", "20240-01-03", "12:30",
        "9999999999999999999999", "1e400", "½", "٣", "௰", "10-15", "3 to 5", "2,3,4", "'90s", "1990s",
    ]
)  # fmt: skip
QUOTES = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", "„", "``", "''"])
news_tokens = st.sampled_from(NEWS_WORDS.split()) | NUMBERS | QUOTES
news_text = st.lists(news_tokens | st.sampled_from(["\n", "\n\n", "  ", "\t"]), max_size=120).map(" ".join)
any_text = st.text(max_size=400) | st.text(st.characters(codec="utf-8"), max_size=400)
repeated = st.builds(lambda c, n: c * n, st.sampled_from(list("a1 .\n\"'(<-—")), st.integers(0, 20_000))
TEXTS = news_text | any_text | repeated | st.builds(lambda a, b: a + b, news_text, any_text)
TAGS = st.sampled_from(["p", "div", "span", "h1", "a", "script", "style", "table", "td", "br", "html", "body"])
html_piece = st.builds(lambda t, x: f"<{t}>{x}</{t}>", TAGS, news_text) | TAGS.map(lambda t: f"<{t}>") | news_text
HTML = st.lists(html_piece, max_size=40).map("".join) | st.builds(lambda n: "<div>" * n + "x", st.integers(0, 12_000))
DAYS = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
URLS = st.none() | st.sampled_from(["https://example.org/2024/01/03/a-b", "http://x", "://", "https://a.ru/новости"])


# -- targets ------------------------------------------------------------------------------------
WARM = "Two people were killed on Monday in Kharkiv, police said."


class Violation(Exception):
    """Output that breaks the contract (not a crash of the target itself)."""


def _check_spans(body: str, spans: list[tuple[int, int, str | None]], what: str) -> None:
    for start, end, text in spans:
        if not 0 <= start <= end <= len(body):
            raise Violation(f"{what}: span {start}:{end} outside a body of {len(body)}")
        if text is not None and body[start:end] != text:
            raise Violation(f"{what}: text {text!r} is not body[{start}:{end}] = {body[start:end]!r}")


@dataclass(slots=True)
class Target:
    name: str
    inputs: Any  # a hypothesis strategy of argument tuples
    run: Callable[..., None]
    warm: tuple[Any, ...] = ("Two people were killed on Monday, police said.",)  # loads models before timing


def _extract_targets() -> list[Target]:
    from storyline.extract.absence import find_absences
    from storyline.extract.counts import find_counts
    from storyline.extract.places import find_places
    from storyline.extract.quotes import find_quotes
    from storyline.extract.sentences import split_sentences
    from storyline.extract.timex import tag_times

    def sentences(text: str) -> None:
        _check_spans(text, [(s.start, s.end, s.text) for s in split_sentences(text)], "sentence")

    def times(text: str, day: date | None) -> None:
        _check_spans(text, [(t.start, t.end, t.text) for t in tag_times(text, day)], "timex")

    def counts(text: str, day: date | None) -> None:
        _check_spans(text, [(c.start, c.end, None) for c in find_counts(text, None, day)], "count")

    def quotes(text: str) -> None:
        found = find_quotes(text, None)
        _check_spans(text, [(q.content_start, q.content_end, None) for q in found], "quote")

    def places(text: str, url: str | None) -> None:
        find_places(text, url=url)

    def absences(text: str) -> None:
        find_absences(text)

    one = TEXTS.map(lambda t: (t,))
    dated = st.tuples(TEXTS, DAYS)
    return [
        Target("split_sentences", one, sentences),
        Target("tag_times", dated, times, (WARM, None)),
        Target("find_counts", dated, counts, (WARM, None)),
        Target("find_quotes", one, quotes),
        Target("find_places", st.tuples(TEXTS, URLS), places, (WARM, None)),
        Target("find_absences", one, absences),
    ]


def _stage_target(mode: str | None) -> Target:
    """The whole extract stage, in the default config or in ``ExtractConfig(mode=...)``."""
    from storyline.config import ExtractConfig
    from storyline.extract.stage import Extractor

    extractor = Extractor(ExtractConfig(mode=mode) if mode else ExtractConfig())

    def extract(text: str, day: date | None) -> None:
        article = Article(id="fuzz", raw_text=text, body=text, published=day)
        extractor.process(article)
        _check_spans(text, [(f.start, f.end, f.text) for f in article.facts], "fact")
        json.dumps([f.value for f in article.facts], default=str)  # exportable

    return Target("extract_stage" + (f"_{mode}" if mode else ""), st.tuples(TEXTS, DAYS), extract, (WARM, None))


def _clean_targets() -> list[Target]:
    try:
        from storyline.clean import Cleaner, TemplateMemory
        from storyline.config import CleanConfig
        from storyline.ingest.decode import clean_text
    except ImportError as exc:  # the cleaner is still being written
        print(f"clean: skipped ({exc})", file=sys.stderr)
        return []

    def clean(text: str | None, html: str | None, url: str | None, day: date | None) -> None:
        # as every reader does: the cleaner's input has no NUL, no lone surrogate, no \r
        text, html = (clean_text(x) if x is not None else None for x in (text, html))
        article = Article(id="fuzz", raw_text=text, raw_html=html, url=url, feed_published=day)
        try:
            Cleaner(CleanConfig(), TemplateMemory()).clean(article)
        except InputError:
            return
        body = article.body or ""
        if "\x00" in body:
            raise Violation("clean: NUL in body")
        body.encode("utf-8")

    texts = st.tuples(TEXTS, st.none(), URLS, DAYS)
    pages = st.tuples(st.none(), HTML, URLS, DAYS)
    return [
        Target("clean_text", texts, clean, (WARM, None, None, None)),
        Target("clean_html", pages, clean, (None, f"<p>{WARM}</p>", None, None)),
    ]


def all_targets(accurate: bool = False) -> list[Target]:
    """Every extractor, the extract stage (default mode; also spaCy's "accurate" mode if asked), the cleaner."""
    stages = [_stage_target(None)] + ([_stage_target("accurate")] if accurate else [])
    return [*_extract_targets(), *stages, *_clean_targets()]


# -- running ------------------------------------------------------------------------------------
@dataclass(slots=True)
class Failure:
    target: str
    kind: str  # crash | violation | hang
    error: str
    where: str
    count: int = 0
    shortest: Any = None
    trace: str = ""


@dataclass(slots=True)
class Result:
    inputs: dict[str, int] = field(default_factory=dict)
    failures: dict[tuple[str, str, str], Failure] = field(default_factory=dict)
    slowest: dict[str, float] = field(default_factory=dict)
    slowest_input: dict[str, Any] = field(default_factory=dict)

    def total(self, kind: str) -> int:
        return sum(f.count for f in self.failures.values() if f.kind == kind)


def _innermost_storyline_frame(tb: traceback.StackSummary) -> str:
    ours = [f for f in tb if "/storyline/" in f.filename]
    frame = ours[-1] if ours else tb[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise TimeoutError("hang")


def fuzz_target(target: Target, examples: int, result: Result, hang_s: float, seed: int) -> None:
    """Run ``examples`` inputs through one target; failures are recorded and fuzzing goes on."""
    result.inputs[target.name] = 0

    def record(kind: str, exc: BaseException, args: tuple[Any, ...]) -> None:
        stack = traceback.extract_tb(exc.__traceback__)
        where = _innermost_storyline_frame(stack)
        key = (target.name, type(exc).__name__, where)
        failure = result.failures.setdefault(key, Failure(target.name, kind, type(exc).__name__, where))
        failure.count += 1
        if failure.shortest is None or len(repr(args)) < len(repr(failure.shortest)):
            failure.shortest = args
            failure.trace = "".join(traceback.format_exception(exc))[-3000:]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # keep generating after a failure: we count, not shrink
        suppress_health_check=list(HealthCheck),
    )
    @given(target.inputs)
    def run(args: tuple[Any, ...]) -> None:
        result.inputs[target.name] += 1
        signal.setitimer(signal.ITIMER_REAL, hang_s)
        started = time.perf_counter()
        try:
            target.run(*args)
        except InputError:
            pass
        except TimeoutError as exc:
            record("hang", exc, args)
        except Violation as exc:
            record("violation", exc, args)
        except Exception as exc:  # a crash is what we are counting
            record("crash", exc, args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - started
            if elapsed > result.slowest.get(target.name, 0.0):
                result.slowest[target.name], result.slowest_input[target.name] = elapsed, args

    try:
        target.run(*target.warm)  # first calls load spaCy and gazetteers: not a hang
    except Exception as exc:  # a module still being written: say so and fuzz the others
        print(f"{target.name}: skipped, fails on a plain sentence: {type(exc).__name__}: {exc}", file=sys.stderr)
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        hypothesis_seed(seed)(run)()
    finally:
        signal.signal(signal.SIGALRM, previous)


def print_report(result: Result, seconds: float) -> None:
    print(f"{'target':<22} {'inputs':>7} {'slowest s':>9}  slowest input")
    for name, n in result.inputs.items():
        slow = repr(result.slowest_input.get(name))
        print(f"{name:<22} {n:>7} {result.slowest.get(name, 0.0):>9.3f}  {slow[:60]}{'…' if len(slow) > 60 else ''}")
    if result.failures:
        print(f"\n{'target':<22} {'kind':<9} {'n':>5}  error at")
        for f in sorted(result.failures.values(), key=lambda f: (f.target, -f.count)):
            print(f"{f.target:<22} {f.kind:<9} {f.count:>5}  {f.error} at {f.where}")
            print(f"{'':<39}shortest input: {repr(f.shortest)[:300]}")
    crashes = result.total("crash")
    print(
        f"FUZZ targets={len(result.inputs)} inputs={sum(result.inputs.values())} crashes={crashes} "
        f"unique={len(result.failures)} violations={result.total('violation')} hangs={result.total('hang')} "
        f"seconds={seconds:.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=500, help="inputs per target")
    parser.add_argument("--targets", default="", help="comma-separated target names (default: all)")
    parser.add_argument("--accurate", action="store_true", help="also the extract stage in spaCy's accurate mode")
    parser.add_argument("--hang-s", type=float, default=10.0, help="a call longer than this is a hang")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--traces", type=Path, help="write each failure's traceback and input here (JSON)")
    args = parser.parse_args(argv)
    wanted = {t for t in args.targets.split(",") if t}
    targets = [
        t for t in all_targets(args.accurate) if not wanted or t.name in wanted or t.name.split("_")[0] in wanted
    ]
    result = Result()
    started = time.perf_counter()
    for target in targets:
        fuzz_target(target, args.examples, result, args.hang_s, args.seed)
    print_report(result, time.perf_counter() - started)
    if args.traces:
        args.traces.write_text(
            json.dumps(
                [
                    {"target": f.target, "kind": f.kind, "where": f.where, "count": f.count,
                     "input": repr(f.shortest), "trace": f.trace}
                    for f in result.failures.values()
                ],
                indent=1,
            ),
            encoding="utf-8",
        )  # fmt: skip
    return 1 if result.total("crash") else 0


if __name__ == "__main__":
    raise SystemExit(main())
