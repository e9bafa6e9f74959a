"""Lines of a plain-text page dump and the features that tell body lines from boilerplate.

A page dump (the seeds, zyte-text) keeps every block of the page on its own line, with blank
lines around paragraphs. Each non-blank line becomes a ``Line``; ``line_features`` turns the
lines of one page into a feature matrix (one row per line) read by ``linemodel.LineModel``.
The features are language-light on purpose: sentence shape, text density around the line,
position, a multilingual boilerplate vocabulary, overlap with the URL slug, and recurrence
across other pages of the same outlet (``template``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_SENT_INSIDE = re.compile(r"[.!?][\"'”’»)]*\s+[\"'“‘«(]*[A-ZÄÖÜÀ-Ý]")
# Words and phrases of page furniture (menus, sharing, subscriptions, consent, appeals, teasers) in the
# languages of the dev sets (English, German, Spanish, French, Italian, Portuguese).
_BOILER = re.compile(
    r"\b(?:cookies?|privacy|subscribe|subscription|subscribers?|newsletters?|sign (?:up|in)|log ?in|"
    r"register|advertisements?|advertising|sponsored|share|shares|tweet|facebook|twitter|linkedin|"
    r"whatsapp|pinterest|instagram|youtube|e-?mail|print|comments?|reply|read (?:more|also|next)|"
    r"related|recommended|trending|most (?:popular|read|viewed)|follow us|all rights reserved|"
    r"terms (?:of|and)|contact us|about us|skip to|menu|search|homepage|click here|download|podcasts?|"
    r"gallery|back to top|load more|show more|ad ?blocker|donate|support us|patron|copyright|"
    r"anmelden|abmelden|registrieren|datenschutz\w*|impressum|kontakt|teilen|weiterlesen|"
    r"mehr zum thema|auch interessant|kommentare?|werbung|anzeige|startseite|suche|drucken|"
    r"abonnieren|alle rechte vorbehalten|nutzungsbedingungen|"
    r"suscr[ií]bete|compartir|comentarios|lea (?:tambi[eé]n|m[aá]s)|publicidad|iniciar sesi[oó]n|"
    r"s'abonner|partager|commentaires|publicit[eé]|lire aussi|condividi|commenti|pubblicit[aà]|"
    r"compartilhe|coment[aá]rios|leia (?:mais|tamb[eé]m)|publicidade)\b",
    re.IGNORECASE,
)
_TEASER_PREFIX = re.compile(
    r"^(?:read (?:also|more|next)|see also|related|more:|watch:|listen:|lea (?:tambi[eé]n|m[aá]s)|mire:|"
    r"lesen sie auch|mehr zum thema|auch interessant|lire aussi|leia (?:mais|tamb[eé]m)|"
    r"leggi anche|recommended|trending|most popular|most read)",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:^\(.{3,}\)$|\b(?:photo|photograph|image|picture|credit|getty|afp|reuters|ap photo|"
    r"shutterstock|foto|bild|imago|dpa|illustration)\b|©)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|von|por|par|di|door|written by|authors?:)\s", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr)?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_URLISH = re.compile(r"https?://|www\.|@\w|\[email", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪►»›\-–—*]|\d+[.)])\s")
_SEPARATORS = re.compile(r"\s[|·•/]\s|\t")
# Comment sections: "name says:", "on May 3, 2019 at 4:47 pm said:", "Reply", "Rating: 9 Votes",
# "34 responses to", "Leave a comment", "2 days ago".
_COMMENT = re.compile(
    r"(?:\b(?:says|said|wrote|schreibt|sagt|dice|dit|escreveu|scrive)\s*:$|^(?:reply|antworten|responder|"
    r"répondre|rispondi|report|like|dislike)$|^rating:|\b\d+\s+(?:responses?|comments?|replies|kommentare|"
    r"comentarios|commentaires|commenti)\b|^(?:leave|post|add) a (?:comment|reply)|"
    r"^\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|\bat\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?$)",
    re.IGNORECASE,
)
# Appeals and paywall/ad-blocker notices: addressed to the reader, asking for something.
_APPEAL = re.compile(
    r"\b(?:donat\w*|support (?:us|our|independent|quality)|become a (?:patron|member|subscriber)|"
    r"join (?:us|our)|your support|ad ?blockers?|disabl\w+ (?:your|the) ad|whitelist|paywall|"
    r"unlimited (?:access|digital)|free trial|already a (?:subscriber|member)|create (?:an|your) account|"
    r"cookie settings|accept (?:all|cookies)|we use cookies|consent|unterstützen sie|jetzt abonnieren)\b",
    re.IGNORECASE,
)
_YOU_WE = re.compile(r"\b(?:you|your|yours|we|our|us|sie|ihr|ihre|wir|unser\w*)\b", re.IGNORECASE)
_GLUED = re.compile(r"[a-z0-9)][.!?]?[A-Z][a-z]{2}")

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "ends_sentence", "ends_colon", "inner_sentences", "commas_per_word",
    "lower_ratio", "upper_ratio", "digit_ratio", "mean_word_len", "boiler_hits", "boiler_density",
    "teaser_prefix", "caption", "byline", "clock", "year", "urlish", "bullet", "separators",
    "dup_in_page", "blank_before", "blank_after", "rel_pos", "slug_overlap", "after_title",
    "is_title", "near_density2", "near_density5", "near_sentence3", "max_neighbor_words",
    "long_before", "long_after", "long_between", "dist_long", "short_line", "very_long", "template",
    "template_any", "comment", "after_comments", "glued", "rel_words", "starts_lower",
    "appeal", "you_we", "long_unterminated", "ends_ellipsis", "after_marker", "before_anchor",
)


@dataclass(slots=True)
class Line:
    """One non-blank line of a page: its text, its place, and whether blank lines surround it."""

    text: str
    index: int  # position among the page's non-blank lines
    blank_before: bool
    blank_after: bool
    words: int


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` (whitespace collapsed), each knowing its blank neighbours."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Line] = []
    blank = True
    for chunk in raw:
        stripped = " ".join(chunk.split())
        if not stripped:
            blank = True
            if out:
                out[-1].blank_after = True
            continue
        out.append(Line(stripped, len(out), blank, False, len(_WORD.findall(stripped))))
        blank = False
    if out:
        out[-1].blank_after = True
    return out


def slug_tokens(url: str | None) -> set[str]:
    """Lower-cased word tokens of a URL's path (the slug often repeats the title)."""
    if not url:
        return set()
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    return {t for t in re.findall(r"[^\W\d_]{3,}", path) if t not in {"html", "htm", "php", "aspx", "www"}}


def normalise_line(text: str) -> str:
    """The key under which a line is compared across pages (case and digits folded)."""
    return re.sub(r"\d", "0", text.lower())


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of ``values`` over i-radius..i+radius, excluding i itself."""
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values)))
    idx = np.arange(n)
    lo = np.maximum(idx - radius, 0)
    hi = np.minimum(idx + radius + 1, n)
    total = csum[hi] - csum[lo] - values
    count = np.maximum(hi - lo - 1, 1)
    return total / count


def line_features(
    lines: list[Line],
    url: str | None = None,
    title_index: int | None = None,
    template_counts: list[int] | None = None,
) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURE_NAMES)) of one page."""
    n = len(lines)
    feats = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if n == 0:
        return feats
    counts = Counter(line.text for line in lines)
    slug = slug_tokens(url)
    words = np.array([line.words for line in lines], dtype=np.float64)
    # "long" lines (15+ words) carry the text mass that locates the article on the page
    long_words = np.where(words >= 15, words, 0.0)
    total_long = float(long_words.sum()) or 1.0
    cum = np.cumsum(long_words)
    long_idx = np.flatnonzero(words >= 15)
    sentence = np.zeros(n)
    max_words = float(words.max()) or 1.0
    comments_seen = 0
    markers_seen = 0
    for i, line in enumerate(lines):
        text = line.text
        tokens = _WORD.findall(text)
        nw = len(tokens)
        nc = len(text)
        alpha = [t for t in tokens if t[0].isalpha()]
        lower = sum(map(str.islower, (t[0] for t in alpha)))
        letters = sum(map(str.isalpha, text)) or 1
        uppers = sum(map(str.isupper, text))
        digits = sum(map(str.isdigit, text))
        boiler = len(_BOILER.findall(text))
        ends = 1.0 if _ENDS_SENTENCE.search(text) else 0.0
        sentence[i] = ends
        row = feats[i]
        row[0] = math.log1p(nw)
        row[1] = math.log1p(nc)
        row[2] = ends
        row[3] = 1.0 if text.endswith(":") else 0.0
        row[4] = min(len(_SENT_INSIDE.findall(text)), 5)
        row[5] = text.count(",") / (nw + 1)
        row[6] = lower / len(alpha) if alpha else 0.0
        row[7] = uppers / letters
        row[8] = digits / (nc or 1)
        row[9] = min(sum(len(t) for t in tokens) / (nw or 1), 15.0) / 10.0
        row[10] = min(boiler, 4)
        row[11] = boiler / (nw + 1)
        row[12] = 1.0 if _TEASER_PREFIX.search(text) else 0.0
        row[13] = 1.0 if nw <= 40 and _CAPTION.search(text) else 0.0
        row[14] = 1.0 if nw <= 20 and _BYLINE.search(text) else 0.0
        row[15] = 1.0 if nw <= 8 and _CLOCK.search(text) else 0.0
        row[16] = 1.0 if nw <= 12 and _YEAR.search(text) else 0.0
        row[17] = 1.0 if _URLISH.search(text) else 0.0
        row[18] = 1.0 if _BULLET.search(text) else 0.0
        row[19] = min(len(_SEPARATORS.findall(text)), 5)
        row[20] = 1.0 if counts[text] > 1 else 0.0
        row[21] = 1.0 if line.blank_before else 0.0
        row[22] = 1.0 if line.blank_after else 0.0
        row[23] = i / n
        if slug and nw:
            low = {t.lower() for t in alpha}
            row[24] = len(low & slug) / max(len(slug), 1)
        if title_index is not None:
            row[25] = 1.0 if i > title_index else 0.0
            row[26] = 1.0 if i == title_index else 0.0
        is_comment = nw <= 25 and _COMMENT.search(text) is not None
        row[39] = 1.0 if is_comment else 0.0
        row[40] = math.log1p(comments_seen)
        comments_seen += is_comment
        row[41] = min(len(_GLUED.findall(text)), 3)
        row[42] = nw / max_words
        row[43] = 1.0 if text[0].islower() else 0.0
        row[44] = min(len(_APPEAL.findall(text)), 3)
        row[45] = len(_YOU_WE.findall(text)) / (nw + 1)
        row[46] = 1.0 if nw >= 15 and not ends and not text.endswith(":") else 0.0
        row[47] = 1.0 if text.endswith(("...", "…")) else 0.0
        row[48] = math.log1p(markers_seen)
        if nw <= 4 and (row[12] or row[10]):
            markers_seen += 1  # "Read also:", "Related", "Comments", "Most popular": the article has ended
        if title_index is not None:
            row[49] = 1.0 if i < title_index else 0.0
        row[35] = 1.0 if nw <= 3 else 0.0
        row[36] = 1.0 if nw >= 40 else 0.0
        if long_idx.size:
            j = int(np.searchsorted(long_idx, i))
            near = min(
                abs(int(long_idx[j]) - i) if j < long_idx.size else n,
                abs(int(long_idx[j - 1]) - i) if j > 0 else n,
            )
            row[34] = math.log1p(near)
        else:
            row[34] = math.log1p(n)
    logw = feats[:, 0]
    feats[:, 27] = _window_mean(logw, 2)
    feats[:, 28] = _window_mean(logw, 5)
    feats[:, 29] = _window_mean(sentence, 3)
    prev_w = np.concatenate(([0.0], logw[:-1]))
    next_w = np.concatenate((logw[1:], [0.0]))
    feats[:, 30] = np.maximum(prev_w, next_w)
    before = (cum - long_words) / total_long
    after = 1.0 - cum / total_long
    feats[:, 31] = before
    feats[:, 32] = after
    feats[:, 33] = np.minimum(before, after) * 2.0
    if template_counts is not None:
        tc = np.asarray(template_counts, dtype=np.float64)
        feats[:, 37] = np.log1p(tc)
        feats[:, 38] = (tc > 0).astype(np.float64)
    return feats
