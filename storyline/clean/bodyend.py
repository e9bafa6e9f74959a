"""Where an article body ends: appeals, section markers and teasers after the last body paragraph.

An article body is one contiguous region of the page. Once it has been read (most of its words lie
above), the first line that belongs to the page rather than to the story closes it, and nothing
after that line is body even when the line model liked it:

- an appeal to the reader: donation, membership, subscription, ad-blocker and comment prompts
  ("Support us", "Become a member", "you can help", "independent journalism", card names), words
  that news sites share across languages (``is_appeal``);
- a short standalone section marker between body and footer ("Read also:", "Comments", "Most
  popular", "Related posts", "Authors: ...") when the lines kept after it are a small remainder;
- the teaser of another story: a headline-shaped line followed by an excerpt cut off mid-sentence;
- a box of links inside the body ("More from UK" and a list of headlines) goes, and the body goes on after it
  (``drop_link_boxes``);
- a feed of story cards: headline, maybe an author, a date line and an excerpt, repeated (``card_feed``);
- an account or paywall notice ("We have sent you a verification email", "Already a subscriber? Click on the
  button below to set up your account", "Get email notifications on X daily!") is never body
  (``is_account_notice``), wherever it stands;
- a comment section: readers' comments under their signatures ("Alex says:", "Yvonne sagt:",
  "Alex on May 3, 2019 at 4:47 pm said:") are never the article, however well written (``comment_fence``).

These rules read no outlet's strings; they were checked on zyte-text-dev and
trafilatura-eval-text-dev (see ``benchmarks/eval_clean.py``) and on the seed pages.
"""

from __future__ import annotations

import re

import numpy as np

from storyline.clean.dates import is_date_line
from storyline.clean.lines import Line
from storyline.clean.pagetext import PageText
from storyline.clean.patterns import VOCABS

# Vocabulary of appeals, sign-ups, comment and related-content blocks, in the dev sets' languages.
_APPEAL = re.compile(
    r"\b(?:donat(?:e|es|ion|ions|ing)|donors?|patrons?|patreon|subscri(?:be|ber|bers|ption|ptions)|"
    r"newsletters?|membership|become an? (?:patron|member|subscriber|supporter|donor)|join (?:us|our)|"
    r"support (?:us|our|independent|quality|local|the work)|independent journalism|"
    r"(?:you|you can|can you) help|help us|your (?:support|contribution|donation|gift|generosity)|"
    r"paypal|ad ?blockers?|disabl\w+ (?:your|the) ad|whitelist|sign up|log ?in|comments?|"
    r"related (?:posts|articles|stories|news|content)|read (?:also|more|next)|most (?:read|viewed)|"
    r"share (?:this|on)|follow us|spenden|unterstützen sie|jetzt abonnieren|abonnement|mitglied werden|"
    r"donaci[oó]n|suscr[ií]b\w+|ap[oó]yanos|hazte socio|faites un don|soutenez|abonnez|sostieni|"
    r"abbonati|apoie|assine)\b",
    re.IGNORECASE,
)
_CARDS = re.compile(r"\b(?:visa|master ?card|american ?express|amex)\b", re.IGNORECASE)
_READER = re.compile(r"\b(?:you|your|yours|we|our|us|sie|ihr|ihre|wir|unser\w*|vous|nous|notre)\b", re.I)
_MARKER = re.compile(
    r"^(?:read (?:also|more|next)|see also|related(?: (?:posts|articles|stories|news|content|topics))?|"
    r"more (?:news|stories|from|on|about)(?: [\w'&-]+){0,4}|most (?:popular|read|viewed)|comments?|\d+ comments?|"
    r"top (?:stories|news|headlines)|latest (?:news|stories|headlines)|trending(?: now| stories)?|"
    r"you (?:may|might) also like|recommended(?: for you| stories)?|editor'?s picks|"
    r"(?:leave|post|add) a (?:comment|reply)|tags?|topics|share(?: this(?: article| story)?)?|"
    r"authors?:.*|lesen sie auch|mehr zum thema|kommentare?|lea también|comentarios|lire aussi|"
    r"commentaires|leggi anche|commenti|leia (?:mais|também)|comentários)\s*:?$",
    re.IGNORECASE,
)
_ENDS = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
# Share of the kept words that must lie above a line before it can close the body; set on
# zyte-text-dev (0.4-0.7 tried; the figure moved by under 0.002 in that range).
READ_SHARE = 0.5
# A marker closes the body when the words kept after it are under this share of those above it.
MARKER_REMAINDER = 0.35


# Case-sensitive twin of _APPEAL for lower-cased text (Python's re scans several times faster that way).
_APPEAL_LOWER = re.compile(_APPEAL.pattern)


def is_appeal(text: str, words: int) -> bool:
    """A line that addresses the reader to ask for something (money, a sign-up, a comment)."""
    lowered = text.lower()
    appeal = _APPEAL_LOWER if len(lowered) == len(text) else _APPEAL
    scanned = lowered if appeal is _APPEAL_LOWER else text
    if appeal.search(scanned) is None and (words > 12 or _CARDS.search(text) is None):
        return False
    hits = {m.group(0).lower() for m in appeal.finditer(scanned)}
    if words <= 12 and len({m.group(0).lower().replace(" ", "") for m in _CARDS.finditer(text)}) >= 2:
        return True
    reader = len(_READER.findall(text)) / (words + 1)
    return len(hits) >= 3 or (len(hits) >= 2 and reader >= 0.02) or (len(hits) >= 1 and reader >= 0.1 and words <= 40)


def appeal_lines(lines: list[Line], page: PageText | None) -> np.ndarray | None:
    """The lines ``is_appeal`` may accept, read from the page's tokens (``page``: the ``PageText`` of ``lines``):
    those holding a word or word pair a match of ``_APPEAL`` opens with, and the short ones (a row of card
    names needs no such word). None when the page could not be tokenised: every line may be one."""
    found = page.vocab_lines(VOCABS, "closing_appeal") if page is not None else None
    if found is None:
        return None
    return found | np.fromiter((line.words <= 12 for line in lines), dtype=bool, count=len(lines))


# A commenter's signature: a short line ending in a present-tense verb of saying and a colon ("Alex says:",
# "Yvonne sagt:"), or in a past-tense one with the comment's date or time ("Alex on May 3, 2019 at 4:47 pm
# said:"). A body line that opens a quotation ("The minister said:") has neither; one such line is not a
# section either: COMMENT_SIGNATURES are needed.
_SIGNATURE = re.compile(
    r"^(?!.*[a-z]{2}[.!?]\s)\S.{0,80}?\s(?:says|writes|sagt|schreibt|dit|écrit|dice|escribe|diz|scrive|zegt|schrijft)\s*:$",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"^(?!.*[a-z]{2}[.!?]\s)\S.{0,80}?\s(?:said|wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s*:$",
    re.IGNORECASE,
)
_WHEN = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")
# The heading a comment section opens with ("Comments", "10 Comments", "3 thoughts on ...", "Leave a Reply").
_COMMENTS_HEAD = re.compile(
    r"^(?:(?:\d+|one|two|three)\s+)?(?:comments?|responses?|replies|thoughts? on\b.*|kommentare?|comentarios|"
    r"commentaires|commenti|comentários|reacties)\s*(?:\(\d+\))?:?$|^(?:leave|post|add) a (?:comment|reply)\b",
    re.IGNORECASE,
)
SIGNATURE_WORDS = 14  # a signature is a name and maybe a date: longer lines are prose
COMMENT_SIGNATURES = 2  # signatures that make a comment section
HEAD_LOOKBACK = 8  # lines above the first signature searched for the section's heading
PROSE_WORDS = 8  # a fallback body line (``before_comments``) has this many words and ends a sentence


def is_signature(text: str, words: int) -> bool:
    """A commenter's signature line (``_SIGNATURE``, or ``_SIGNED`` with a date or time)."""
    if words > SIGNATURE_WORDS or not text.endswith(":"):
        return False
    return _SIGNATURE.match(text) is not None or (_SIGNED.match(text) is not None and _WHEN.search(text) is not None)


def comment_fence(lines: list[Line], after: int = -1) -> int | None:
    """Index of the line that opens the page's comment section below line ``after`` (the headline): the
    heading above the first of COMMENT_SIGNATURES or more signatures, or that signature. None without one."""
    signatures = [i for i in range(after + 1, len(lines)) if is_signature(lines[i].text, lines[i].words)]
    if len(signatures) < COMMENT_SIGNATURES:
        return None
    first = signatures[0]
    for j in range(first - 1, max(after, first - HEAD_LOOKBACK - 1), -1):
        if lines[j].words <= 10 and _COMMENTS_HEAD.match(lines[j].text):
            return j
    return first


def before_comments(lines: list[Line], keep: np.ndarray, fence: int, anchor: int | None) -> np.ndarray:
    """``keep`` without the comment section from ``fence`` on. When the kept lines were all comments (a short
    post under a long discussion), the body is the prose between the headline and the section: the lines of
    PROSE_WORDS words or more that end a sentence and ask nothing of the reader."""
    out = keep.copy()
    out[fence:] = False
    if out.any() or not keep.any():
        return out
    for i in range(0 if anchor is None else anchor + 1, fence):
        line = lines[i]
        if line.words >= PROSE_WORDS and _ENDS.search(line.text) and not is_appeal(line.text, line.words):
            out[i] = True
    return out


# A site's account, registration and paywall notices, printed where the article would be when the scraper was not
# logged in: never body (read on gva-dev pages whose only "body" they were; each phrase names the site's account).
_ACCOUNT = re.compile(
    r"verification (?:email|message)|activate your [\w.]*\s?(?:profile|account)|set up your account|"
    r"(?:log ?in|sign ?in|sign up)\b.{0,40}\b(?:purchase a subscription|create (?:an|a new|one) account|new account)|"
    r"log in or create an account|subscription to continue reading|email notifications|posts new content, you'll get|"
    r"convenience of home delivery|premium clicks used|no email address was supplied|confirm or modify the email|"
    r"complete your registration|error sending your email|selected any newsletters|thank you for registering|"
    r"sign in to update your profile|already a (?:print )?subscriber\?|sent a confirmation email|"
    r"notification has been saved|problem saving your notification|return to the page you were visiting"
)  # written lower-case and matched on lower-cased text: 4x faster than re.IGNORECASE (1.2 vs 4.8 µs per line of
# trafilatura-eval-text-dev, same lines found)
NOTICE_WORDS = 60  # a notice is a line or two; a longer paragraph that names an account is prose


def is_account_notice(text: str, words: int) -> bool:
    """A notice about the reader's account, registration or subscription (``_ACCOUNT``), not article text."""
    return words <= NOTICE_WORDS and _ACCOUNT.search(text.lower()) is not None


def drop_account_notices(lines: list[Line], keep: np.ndarray) -> np.ndarray:
    """``keep`` without the kept lines that are account or paywall notices (``is_account_notice``)."""
    notices = [i for i in np.flatnonzero(keep).tolist() if is_account_notice(lines[i].text, lines[i].words)]
    if not notices:
        return keep
    out = keep.copy()
    out[notices] = False
    return out


CARD_GAP = 6  # lines from one card's date line to the next one's, at most (headline, author, date, excerpt)
CARD_LABEL_WORDS = 3  # a section label above the first card ("Opinion", "More news")


def _headline_shaped(line: Line) -> bool:
    """A headline of another story: 3 to 25 words, no end punctuation."""
    return 3 <= line.words <= 25 and _ENDS.search(line.text) is None


def _card_headline(lines: list[Line], i: int) -> int | None:
    """The headline of the card whose date line is ``i`` (``_headline_shaped``): the line right above it, or the
    one above a short author line (four words at most, no end punctuation)."""
    if i >= 1 and _headline_shaped(lines[i - 1]):
        return i - 1
    author = lines[i - 1] if i >= 2 else None
    if author is not None and author.words <= 4 and not _ENDS.search(author.text) and _headline_shaped(lines[i - 2]):
        return i - 2
    return None


def card_feed(lines: list[Line], start: int) -> int | None:
    """Index of the first line of a feed of story cards below line ``start`` (teasers of other stories, each a
    headline, maybe its author, a date line and an excerpt): two or more date lines under headlines, each within
    CARD_GAP lines of the next. A short unpunctuated label right above the first card belongs to the feed.
    A live blog's entries (time, heading, text) are no cards: their date lines stand under prose."""
    previous: tuple[int, int] | None = None  # the last card's date line and headline
    for i in range(start + 1, len(lines)):
        if not is_date_line(lines[i].text, lines[i].words):
            continue
        head = _card_headline(lines, i)
        if head is None or head <= start:
            previous = None
            continue
        if previous is not None and i - previous[0] <= CARD_GAP:
            first = previous[1]
            label = first - 1
            if label > start and lines[label].words <= CARD_LABEL_WORDS and not _ENDS.search(lines[label].text):
                return label
            return first
        previous = (i, head)
    return None


def is_marker(text: str, words: int) -> bool:
    return words <= 8 and _MARKER.match(text) is not None


BOX_HEADLINES = 2  # headline lines under a section marker that make a box of links


def drop_link_boxes(lines: list[Line], keep: np.ndarray) -> np.ndarray:
    """``keep`` without the boxes of links a page sets inside its article ("More from UK", "Related stories",
    then headlines of other stories): a section marker (``is_marker``) followed by BOX_HEADLINES or more
    headline-shaped lines (3-25 words, no end punctuation), marker and headlines dropped."""
    kept = np.flatnonzero(keep)
    if kept.size < 2:
        return keep
    out = keep
    for i in range(int(kept[0]), int(kept[-1])):
        if not is_marker(lines[i].text, lines[i].words):
            continue
        j = i + 1
        while j < len(lines) and keep[j] and _headline_shaped(lines[j]):
            j += 1
        if j - i - 1 >= BOX_HEADLINES:
            out = out.copy() if out is keep else out
            out[i:j] = False
    return out


def _is_teaser(lines: list[Line], keep: np.ndarray, i: int) -> bool:
    """Line ``i`` is a teaser excerpt (long, cut mid-sentence) under a headline-shaped line, and the
    page goes on with lines that are not body."""
    line = lines[i]
    if line.words < 20 or not line.text[-1].isalnum() or i == 0 or not keep[i - 1]:
        return False
    if i + 1 < len(lines) and keep[i + 1]:
        return False
    prev = lines[i - 1]
    return 3 <= prev.words <= 20 and not _ENDS.search(prev.text)


def close_body(lines: list[Line], keep: np.ndarray, page: PageText | None = None) -> np.ndarray:
    """``keep`` with everything from the first body-closing line on set to False (``page``: the ``PageText`` of
    ``lines``, when the caller has it: only the lines ``appeal_lines`` picks are then read as appeals)."""
    kept = np.flatnonzero(keep)
    if kept.size < 2:
        return keep
    maybe = appeal_lines(lines, page)
    may_appeal = [True] * len(lines) if maybe is None else maybe.tolist()
    words = np.array([line.words if k else 0 for line, k in zip(lines, keep, strict=True)], dtype=np.float64)
    total = float(words.sum()) or 1.0
    above = np.cumsum(words) - words  # kept words strictly above each line
    first = int(kept[0])
    cards = card_feed(lines, first)
    kept_list = keep.tolist()
    above_list = above.tolist()
    # only lines with READ_SHARE of the kept words above them can close the body
    for i in np.flatnonzero(above >= READ_SHARE * total).tolist():
        if i <= first:
            continue
        line = lines[i]
        cut: int | None = None
        if i == cards or (kept_list[i] and may_appeal[i] and is_appeal(line.text, line.words)):
            cut = i
        elif total - above_list[i] >= MARKER_REMAINDER * above_list[i]:
            continue  # much kept text below: an inline marker or teaser, not the end of the body
        elif not kept_list[i] and is_marker(line.text, line.words):
            cut = i
        elif kept_list[i] and _is_teaser(lines, keep, i):
            cut = i - 1
        if cut is not None:
            keep = keep.copy()
            keep[cut:] = False
            return keep
    return keep


# ---------------------------------------------------------------------------------------------- HTML paragraphs
# trafilatura's output for an HTML page is a list of paragraphs, not a page: the rules below read its two
# ends. What news pages append after the story: credits ("Reporting by ...", "X contributed to this
# report"), contact and social lines, appeals, section markers, related links, copyright lines.
_CREDIT = re.compile(
    r"^\(?(?:(?:additional |with )?reporting by|writing by|editing by|compiled by)\b|"
    r"\b(?:contributed|contributing) (?:reporting|to this (?:report|story|article))\b|"
    r"^(?:follow|reach|contact) (?:him|her|them|us|me|the (?:author|reporters?|writers?))\b|"
    r"^(?:follow|like) [\w' .@-]{1,60} on (?:twitter|facebook|instagram|linkedin)\b|"
    r"^have a (?:news )?tip\b",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?: [\w-]+){0,2}|see also|read (?:also|more|next)|more (?:on|from|about) [\w' -]{1,40}|"
    r"you (?:may|might) also (?:like|enjoy)|most read(?: [\w -]{1,30})?|filed under|tags?|topics)\s*:",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"\S@\w+\.\w|(?:^|\s)@\w{2,}|https?://|\bwww\.", re.IGNORECASE)
# Trailing paragraphs are dropped while they add up to at most this share of the body's words (a long
# run of "furniture" at the end means the rules misread the body). Set on zyte-html-dev half A.
TAIL_MAX_SHARE = 0.25
TAIL_LINE_WORDS = 15  # a trailing line this short without end punctuation is a link or a label, not prose


def is_tail_furniture(text: str, words: int) -> bool:
    """A paragraph that, at the end of an article, belongs to the page rather than to the story."""
    if words <= 40 and (_CREDIT.search(text) or _CONTACT.search(text)):
        return True
    if words <= 25 and _RELATED.match(text):
        return True
    if not _ENDS.search(text) and (words <= TAIL_LINE_WORDS or (words <= 60 and text.count(",") * 6 >= words)):
        return True  # a link, a label or a list of keywords, not prose
    return is_marker(text, words) or is_appeal(text, words)


def trim_tail(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without the run of trailing furniture (``is_tail_furniture``) after the story."""
    counts = [len(p.split()) for p in paragraphs]
    budget = TAIL_MAX_SHARE * sum(counts)
    end, dropped = len(paragraphs), 0
    while end > 1 and is_tail_furniture(paragraphs[end - 1], counts[end - 1]):
        dropped += counts[end - 1]
        if dropped > budget:
            return paragraphs
        end -= 1
    return paragraphs[:end]
