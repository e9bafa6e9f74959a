"""A plain-text page prepared for the line model: lines, title anchor, template evidence, features."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from storyline.clean.lines import Line, line_features, normalise_line, slug_overlap, slug_tokens, split_page
from storyline.clean.pagetext import PageText
from storyline.clean.patterns import _BOILER
from storyline.clean.template import TemplateMemory, line_key, without_shared_prose

_WORD = re.compile(r"\w+")
# Lines that are no headline however well they match the URL: bylines, credits, links, the URL itself.
_NOT_TITLE = re.compile(
    r"^(?:(?:by|von|por|par|photo|foto|read|see|share|copyright|©)\b|https?://|www\.)", re.IGNORECASE
)


def token_f1(a: str, b: str) -> float:
    ta = [t.lower() for t in _WORD.findall(a)]
    tb = [t.lower() for t in _WORD.findall(b)]
    if not ta or not tb:
        return 0.0
    common = len(set(ta) & set(tb))
    if not common:
        return 0.0
    p, r = common / len(set(ta)), common / len(set(tb))
    return 2 * p * r / (p + r)


def is_title_shaped(line: Line) -> bool:
    text = line.text
    return 3 <= line.words <= 35 and not text.endswith((".", ",", ":", ";")) and not _NOT_TITLE.search(text)


def title_anchor(
    lines: list[Line], url: str | None, feed_title: str | None, cover: np.ndarray | None = None
) -> int | None:
    """Index of the line most likely to be the headline, from the feed title or the URL slug.
    ``cover``: the share of the slug's words on each line (``lines.slug_overlap``), when known."""
    if feed_title:
        best, best_i = 0.0, None
        for line in lines:
            if 1 <= line.words <= 60:
                score = token_f1(line.text, feed_title)
                if score > best:
                    best, best_i = score, line.index
        if best >= 0.6:
            return best_i
    slug = slug_tokens(url)
    if len(slug) >= 3 and cover is not None:
        # the first title-shaped line with the highest cover, when that is half the slug or more
        best, best_i = 0.0, None
        for i in np.flatnonzero(cover >= 0.5).tolist():
            if is_title_shaped(lines[i]) and cover[i] > best + 1e-9:
                best, best_i = float(cover[i]), i
        if best_i is not None:
            return best_i
    elif len(slug) >= 3:
        best, best_i = 0.0, None
        for line in lines:
            if not is_title_shaped(line):
                continue
            low = {t.lower() for t in _WORD.findall(line.text)}
            share = len(low & slug) / len(slug)
            if share > best + 1e-9:
                best, best_i = share, line.index
        if best >= 0.5:
            return best_i
    # no feed title, no telling URL: a title-shaped line printed twice (breadcrumb/social title and h1)
    # (whether a line qualifies depends on its text alone, so only lines printed before are read for it)
    first: dict[str, int] = {}
    for line in lines[: max(int(len(lines) * 0.6), 1)]:
        before = first.setdefault(line.text, line.index)
        if before != line.index and line.words >= 5 and is_title_shaped(line) and not _BOILER.search(line.text):
            return before
    return None


@dataclass(slots=True)
class TextPage:
    lines: list[Line]
    title_index: int | None
    features: np.ndarray
    words: np.ndarray
    template: list[int] | None  # per line: in how many other pages of the outlet it occurs
    text: PageText  # the lines joined, with their character classes and tokens


def page_keys(lines: list[Line]) -> list[str]:
    """Template keys of the lines (``normalise_line`` run once over the whole page)."""
    folded = normalise_line("\n".join(line.text for line in lines)).split("\n")
    if len(folded) != len(lines):  # lower-casing made a line break (never seen; be safe)
        folded = [normalise_line(line.text) for line in lines]
    return [line_key(text) for text in folded]


def template_evidence(
    memory: TemplateMemory | None, site: str | None, page: str, lines: list[Line], keys: list[str] | None = None
) -> list[int] | None:
    """Other-page counts per line, zeroed for the text lines of a near-duplicate page; ``keys`` are the
    lines' ``page_keys``, computed here when not given (and only when the site has pages to compare).

    When most long lines of the page also occur on another page of the site, that page is the
    same article (an update or a copy), not a template: only short lines keep their evidence.
    """
    if memory is None or site is None or memory.pages(site) < 2:
        return None
    others = memory.others(site, page, page_keys(lines) if keys is None else keys)
    long_lines = [i for i, line in enumerate(lines) if line.words >= 15]
    if long_lines:
        shared = sum(1 for i in long_lines if others[i] > 0)
        if shared / len(long_lines) > 0.5:  # a copy of the same story, not boilerplate
            others = [0 if lines[i].words >= 8 else c for i, c in enumerate(others)]
    return without_shared_prose(others, [line.words for line in lines], memory.other_pages(site, page))


def prepare(
    text: str, url: str | None, feed_title: str | None, memory: TemplateMemory | None, site: str | None, page: str
) -> TextPage:
    lines, pagetext = split_page(text)
    slug = slug_tokens(url)
    cover = slug_overlap(pagetext, slug) if len(slug) >= 3 and lines else None
    anchor = title_anchor(lines, url, feed_title, cover)
    evidence = template_evidence(memory, site, page, lines)
    feats = line_features(lines, url, anchor, evidence, pagetext, cover)
    words = pagetext.words().astype(np.float64)
    return TextPage(lines, anchor, feats, words, evidence, pagetext)
