"""Metadata of a plain-text page: headline, byline, date, outlet, captions, language."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import numpy as np

from storyline.clean import dates
from storyline.clean.lines import Line
from storyline.clean.outlets import outlet_from_host
from storyline.clean.pagetext import PageText
from storyline.clean.people import merge_people, split_byline, wire_in_body
from storyline.clean.textpage import is_title_shaped, token_f1

_BYLINE = re.compile(r"^(?:by|von|por|par|door|written by)\s+\S", re.IGNORECASE)
_AUTHORS_LINE = re.compile(r"^(?:authors?|autor(?:en)?|autore|auteurs?)\s*:\s*(.+)$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))", re.IGNORECASE)
_COPYRIGHT_NAME = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?:the\s+)?([A-Za-z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})",
    re.IGNORECASE,
)
_DESK_OUTLET = re.compile(r"\b((?:The\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4})\s+(?:news desk|staff)\b")
_CAPTION_TAIL = re.compile(
    r"(?:\((?:[^()]{0,80}/)?[^()]{0,60}(?:Getty Images|AFP|Reuters|AP|AP Photo|EPA|Shutterstock|"
    r"Photo|Foto|Bild|dpa|Imago|Pool)[^()]{0,40}\)$|\b(?:Photo|Foto|Image|Credit|Bild|Quelle)\s*:\s*[^.]{2,60}$)",
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Up to four capitalised words, or "The" and four: r"\b(?:The\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"
# written to open with a character class (the "\b" as a look-behind), so that re skips to capitals fast.
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])(?:(?<=T)he\s+[A-Z])?[\w'-]*(?:\s+[A-Z][\w'-]*){0,3}")
_CAPTION_HEAD = re.compile(r"^(?:photo|foto|image|picture|credit|bild|caption)\s*:", re.IGNORECASE)
_STOP = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on", "as", "it", "said"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "den", "auf", "ein", "eine", "zu", "von"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "una", "para", "del", "se"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "du", "pas", "sur"},
    "it": {"il", "di", "che", "e", "la", "per", "una", "sono", "del", "della", "non", "con", "gli", "le"},
    "pt": {"o", "a", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os"},
    "nl": {"de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "die"},
}


def is_caption(text: str) -> bool:
    """An image caption or credit: "(Genya Savilov/AFP via Getty Images)", "... Photo: Ivan Kirdey"."""
    return len(text.split()) <= 60 and bool(_CAPTION_TAIL.search(text) or _CAPTION_HEAD.search(text))


_WORD_RUN = re.compile(r"\w+")
_ANY_STOP = frozenset().union(*_STOP.values())


def _letter_words(text: str) -> list[str]:
    """``_LETTERS.findall(text)``: the runs of ``\\w+`` (a faster scan), split where they hold digits or "_"."""
    out: list[str] = []
    for run in _WORD_RUN.findall(text):
        if run.isalpha():
            out.append(run)
        else:
            out.extend(_LETTERS.findall(run))
    return out


def language(text: str) -> str | None:
    """The language whose stop words are most frequent in the first 5,000 characters (None if too few)."""
    words = _letter_words(text[:5000].lower())
    if len(words) < 5:
        return None
    counts = Counter([word for word in words if word in _ANY_STOP])
    scores = {lang: sum(counts[w] for w in stop if w in counts) for lang, stop in _STOP.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= max(2, len(words) // 50) else None


@dataclass(slots=True)
class TextMeta:
    title: str | None = None
    title_index: int | None = None
    published: date | None = None
    published_inferred: bool = False
    authors: list[str] = field(default_factory=list)
    wire: str | None = None
    outlet: str | None = None


def find_title(
    lines: list[Line],
    body_start: int | None,
    anchor: int | None,
    feed_title: str | None,
    counts: dict[str, int],
    caption: list[bool] | None = None,
) -> int | None:
    """The headline: the feed title's line, else the best title-shaped line just above the body."""
    if anchor is not None:
        return anchor
    if body_start is None:
        return None
    best, best_i = 0.0, None
    lo = max(0, body_start - 20)
    for i in range(lo, min(body_start + 1, len(lines))):
        line = lines[i]
        if not is_title_shaped(line) or line.words < 3 or (caption[i] if caption else is_caption(line.text)):
            continue
        score = 1.0 + min(line.words, 15) / 15.0 - 0.05 * (body_start - i)
        if counts.get(line.text, 0) > 1:
            score += 2.0  # headlines are often printed twice (breadcrumb / social title and h1)
        if any(_BYLINE.search(lines[j].text) for j in range(i + 1, min(i + 4, len(lines)))):
            score += 1.5
        if feed_title:
            score += 3.0 * token_f1(line.text, feed_title)
        if score > best:
            best, best_i = score, i
    return best_i


def outlet_from_text(texts: list[str], host: str | None, page: PageText | None = None) -> str | None:
    """Outlet from a copyright line, a "<Outlet> news desk" byline, or the URL host; ``page``: the
    ``PageText`` of ``texts`` when the caller has it (its joined and lower-cased text are reused)."""
    joined = page.joined if page is not None else "\n".join(texts)
    lowered = (page.lowered() if page is not None else "") or joined.lower()
    same = len(lowered) == len(joined)
    folded = lowered.split("\n") if same else [t.lower() for t in texts]
    if page is not None and same:  # the lines holding a copyright mark, found in the page text at once
        found: set[int] = set()
        for mark in ("©", "(c", "opyright"):
            at = lowered.find(mark)
            while at >= 0:
                found.add(at)
                at = lowered.find(mark, at + 1)
        marked = sorted(set((np.searchsorted(page.starts, sorted(found), side="right") - 1).tolist()))
    else:
        marked = list(range(len(texts)))
    for text, low in ((texts[i], folded[i]) for i in marked):
        if len(text) > 200 or ("©" not in text and "(c" not in low and "opyright" not in low):
            continue
        if not _COPYRIGHT.search(text):
            continue
        match = _COPYRIGHT_NAME.search(text)
        if match:
            name = match.group(1).strip(" .,")
            if re.search(r"\.[a-z]{2,4}$", name, re.IGNORECASE):  # a domain: find how the page writes it
                pretty = _spelled_in_page(name.rsplit(".", 1)[0], joined, lowered)
                return pretty or outlet_from_host(name)
            if len(name) > 2 and not re.match(r"(?:all|rights|copyright)\b", name, re.IGNORECASE):
                return name
    for text in texts if ("news desk" in joined or "staff" in joined) else []:
        match = _DESK_OUTLET.search(text)
        if match and _BYLINE.search(text):
            return match.group(1).strip()
    if host:
        base = host.removeprefix("www.").split(".")[0]
        return _spelled_in_page(base, joined, lowered) or outlet_from_host(host)
    return None


def _ascii_alnum(text: str) -> str:
    """``_NOT_ALNUM.sub("", text)``, in numpy."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return cps[((cps >= 97) & (cps <= 122)) | ((cps >= 48) & (cps <= 57))].tobytes().decode("utf-32-le")


def _spelled_in_page(base: str, text: str, lowered: str | None = None) -> str | None:
    """The capitalised phrase of the page whose letters spell ``base`` ("euromaidanpress")."""
    target = _NOT_ALNUM.sub("", base.lower())
    if len(target) < 3 or target not in _ascii_alnum(lowered if lowered is not None else text.lower()):
        return None  # a phrase that spells the target leaves it in the page's letters, spaces dropped
    single: str | None = None
    for match in _CAPITALISED.finditer(text):
        if target not in _NOT_ALNUM.sub("", match.group(0).lower()):
            continue
        words = match.group(0).split()
        letters = [_NOT_ALNUM.sub("", w.lower()) for w in words]
        for start in range(len(words)):
            spelled = ""
            for end in range(start + 1, len(words) + 1):
                spelled += letters[end - 1]
                if not target.startswith(spelled):
                    break  # a longer phrase only adds letters: it cannot spell the target either
                if spelled != target:
                    continue
                if end - start == 1:  # "Euromaidanpress" is the domain; prefer "Euromaidan Press"
                    single = single or words[start]
                    continue
                if start > 0 and words[start - 1] == "The":
                    return " ".join(words[start - 1 : end])
                return " ".join(words[start:end])
    return single


def extract(
    lines: list[Line],
    keep: list[bool],
    anchor: int | None,
    url: str | None,
    feed_title: str | None,
    raw_text: str,
    today: date | None = None,
    caption: list[bool] | None = None,
    page: PageText | None = None,
) -> TextMeta:
    """Headline, byline, date and outlet of a page; ``caption`` (per line, ``is_caption``) saves recomputing it."""
    meta = TextMeta()
    texts = [line.text for line in lines]
    if caption is None:
        caption = [is_caption(t) for t in texts]
    counts: dict[str, int] = Counter(texts)
    body_idx = [i for i, k in enumerate(keep) if k]
    body_start = body_idx[0] if body_idx else None
    meta.title_index = find_title(lines, body_start, anchor, feed_title, counts, caption)
    if meta.title_index is not None:
        meta.title = texts[meta.title_index]
    host = (urlsplit(url).hostname or "").lower() if url else None
    meta.outlet = outlet_from_text(texts, host, page)
    # bylines and "Authors:" lines near the headline and right after the body
    top = meta.title_index if meta.title_index is not None else (body_start or 0)
    end = body_idx[-1] if body_idx else top
    window = list(range(max(0, top - 3), min(len(lines), (body_start or top) + 6)))
    window += list(range(end + 1, min(len(lines), end + 15)))
    people: list[str] = []
    byline_dates: list[date] = []
    for i in window:
        text = texts[i]
        if keep[i] and lines[i].words > 25:
            continue
        match = _AUTHORS_LINE.match(text)
        if (match or _BYLINE.search(text)) and lines[i].words <= 30:
            found, wire = split_byline(match.group(1) if match else text, meta.outlet)
            people = merge_people(people, found)
            meta.wire = meta.wire or wire
            byline_dates += [d for _, d in dates.find_dates(text, today)]
    meta.authors = people
    body_text = "\n".join(texts[i] for i in body_idx)
    meta.wire = meta.wire or wire_in_body(body_text)
    # date: scraper header, byline, lines around the headline, URL; else a lower bound
    published = dates.scraper_header(raw_text) or (byline_dates[0] if byline_dates else None)
    if published is None:  # the first date on a short line around the headline
        for i in range(max(0, top - 8), min(len(lines), (body_start or top) + 4)):
            if lines[i].words <= 25 and not caption[i]:
                on_line = dates.find_dates(texts[i], today)
                if on_line:
                    published = on_line[0][1]
                    break
    meta.published = published or dates.url_date(url, today)
    if meta.published is None:
        years = [
            int(y)
            for t, c in zip(texts, caption, strict=True)
            if c or _COPYRIGHT.search(t)
            for y in re.findall(r"\b(20\d{2})\b", t)
        ]
        years = [y for y in years if y <= (today or date.today()).year]
        caption_text = "\n".join(t for t, c in zip(texts, caption, strict=True) if c)
        inferred = dates.infer_lower_bound(body_text + "\n" + caption_text, years, today)
        if inferred is not None:
            meta.published, meta.published_inferred = inferred, True
    return meta
