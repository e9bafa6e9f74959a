"""The line patterns of the feature extractor, each with the vocabulary that prefilters it.

A word-list pattern is costly to scan with ``re`` (every alternative is tried at every
character), so each ``PagePattern`` here carries ``candidates``: a necessary condition for a match,
read from one tokenisation of the page (``pagetext.VocabTable``) or from character classes. The
pattern then runs on the candidate lines only, and its counts equal those of a full scan: each
vocabulary lists every word (or word pair) a match of its pattern must start with. Change a
pattern and its vocabulary together; ``tests/clean/test_patterns.py`` checks they agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import MappingProxyType

import numpy as np

from storyline.clean.pagetext import _DIGIT, PagePattern, PageText, Vocab, VocabTable

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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Every word or word pair a match of each pattern starts with (lower-cased \w+ tokens).
VOCABS = VocabTable(
    {
        "boiler": Vocab(
            _words(
                "cookie cookies privacy subscribe subscription subscriber subscribers newsletter newsletters "
                "login register advertisement advertisements advertising sponsored share shares tweet facebook "
                "twitter linkedin whatsapp pinterest instagram youtube email print comment comments reply "
                "related recommended trending homepage download podcast podcasts gallery menu search adblocker "
                "donate patron copyright anmelden abmelden registrieren impressum kontakt teilen weiterlesen "
                "kommentar kommentare werbung anzeige startseite suche drucken abonnieren nutzungsbedingungen "
                "suscríbete suscribete compartir comentarios publicidad partager commentaires publicite "
                "publicité condividi commenti pubblicita pubblicità compartilhe comentários publicidade"
            ),
            ("datenschutz",),
            MappingProxyType(
                {
                    "sign": _words("up in"),
                    "log": _words("in"),
                    "read": _words("more also next"),
                    "most": _words("popular read viewed"),
                    "follow": _words("us"),
                    "all": _words("rights"),
                    "terms": _words("of and"),
                    "contact": _words("us"),
                    "about": _words("us"),
                    "skip": _words("to"),
                    "click": _words("here"),
                    "back": _words("to"),
                    "load": _words("more"),
                    "show": _words("more"),
                    "ad": _words("blocker"),
                    "support": _words("us"),
                    "mehr": _words("zum"),
                    "auch": _words("interessant"),
                    "alle": _words("rechte"),
                    "lea": _words("también tambien más mas"),
                    "iniciar": _words("sesión sesion"),
                    "s": _words("abonner"),
                    "lire": _words("aussi"),
                    "leia": _words("mais também tambem"),
                    "e": _words("mail"),
                }
            ),
        ),
        "appeal": Vocab(
            _words("adblocker adblockers whitelist paywall consent"),
            ("donat", "disabl"),
            MappingProxyType(
                {
                    "support": _words("us our independent quality"),
                    "become": _words("a"),
                    "join": _words("us our"),
                    "your": _words("support"),
                    "ad": _words("blocker blockers"),
                    "unlimited": _words("access digital"),
                    "free": _words("trial"),
                    "already": _words("a"),
                    "create": _words("an your"),
                    "cookie": _words("settings"),
                    "accept": _words("all cookies"),
                    "we": _words("use"),
                    "unterstützen": _words("sie"),
                    "jetzt": _words("abonnieren"),
                }
            ),
        ),
        "you_we": Vocab(_words("you your yours we our us sie ihr ihre wir"), ("unser",)),
        "caption": Vocab(
            _words(
                "photo photograph image picture credit getty afp reuters shutterstock foto bild imago dpa illustration"
            ),
            (),
            MappingProxyType({"ap": _words("photo")}),
        ),
        "comment_say": Vocab(_words("says said wrote schreibt sagt dice dit escreveu scrive")),
        "comment_whole": Vocab(_words("reply antworten responder répondre rispondi report like dislike")),
        "comment_rating": Vocab(_words("rating")),
        "comment_count": Vocab(
            _words("response responses comment comments replies kommentare comentarios commentaires commenti")
        ),
        "comment_lead": Vocab(pairs=MappingProxyType({"leave": _words("a"), "post": _words("a"), "add": _words("a")})),
        "comment_ago": Vocab(_words("ago")),
        "comment_at": Vocab(_words("at")),
        # what a match of ``bodyend._APPEAL`` opens with (``bodyend.appeal_lines``)
        "closing_appeal": Vocab(
            _words(
                "donate donates donation donations donating donor donors patron patrons patreon subscribe subscriber "
                "subscribers subscription subscriptions newsletter newsletters membership paypal adblocker adblockers "
                "whitelist login comment comments spenden abonnement donacion donación apoyanos apóyanos soutenez "
                "abonnez sostieni abbonati apoie assine"
            ),
            ("disabl", "suscrib", "suscríb"),
            MappingProxyType(
                {
                    "become": _words("a an"),
                    "join": _words("us our"),
                    "support": _words("us our independent quality local the"),
                    "independent": _words("journalism"),
                    "you": _words("help can"),
                    "can": _words("you"),
                    "help": _words("us"),
                    "your": _words("support contribution donation gift generosity"),
                    "ad": _words("blocker blockers"),
                    "sign": _words("up"),
                    "log": _words("in"),
                    "related": _words("posts articles stories news content"),
                    "read": _words("also more next"),
                    "most": _words("read viewed"),
                    "share": _words("this on"),
                    "follow": _words("us"),
                    "unterstützen": _words("sie"),
                    "jetzt": _words("abonnieren"),
                    "mitglied": _words("werden"),
                    "hazte": _words("socio"),
                    "faites": _words("un"),
                }
            ),
        ),
    }
)


def _has(name: str) -> Callable[[PageText], np.ndarray | None]:
    return lambda page: page.vocab_lines(VOCABS, name)


def _starts(name: str) -> Callable[[PageText], np.ndarray | None]:
    """Where a match of a pattern that opens with a word of vocabulary ``name`` can begin."""
    return lambda page: page.vocab_starts(VOCABS, name)


def _digits(page: PageText) -> np.ndarray:
    return page.digits() > 0


def _chars(page: PageText, chars: str) -> np.ndarray:
    """Lines holding any of ``chars``."""
    found = page.find_lines(*chars)
    assert found is not None  # only a search of the lower-cased page can fail
    return found


def _last(page: PageText) -> np.ndarray:
    return page.cps[page.starts + page.lengths - 1]


def _char_set(chars: str) -> np.ndarray:
    """A lookup table of ``chars`` over the code points of the BMP (and one slot for all others, never in it)."""
    table = np.zeros(0x10001, dtype=bool)
    table[[ord(c) for c in chars]] = True
    table.setflags(write=False)
    return table


def _among(codes: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Which of ``codes`` (code points) are in the ``_char_set`` ``table``."""
    return table[np.minimum(codes, 0x10000)]


_CLOSERS = "\"'”’»)]"  # what may follow a sentence's end mark: ``_ENDS_SENTENCE`` reads them this way
_END_MARKS = ".!?…"
_CLOSER_SET, _END_MARK_SET = _char_set(_CLOSERS), _char_set(_END_MARKS)


def _ends_sentence_lines(page: PageText) -> np.ndarray:
    """Matches of ``_ENDS_SENTENCE`` per line (0 or 1): an end mark as the last character but closing quotes and
    brackets."""
    out = np.zeros(len(page.starts), dtype=bool)
    if not len(page.cps):
        return out
    filled = page.lengths > 0
    last = page.cps[np.maximum(page.starts + page.lengths - 1, 0)]
    out = filled & _among(last, _END_MARK_SET)
    closed = filled & _among(last, _CLOSER_SET)
    if closed.any():
        starts, ends = page.bounds()
        for i in np.flatnonzero(closed).tolist():
            bare = page.joined[starts[i] : ends[i]].rstrip(_CLOSERS)
            out[i] = bool(bare) and bare[-1] in _END_MARKS
    return out.astype(np.int64)


def _opening(chars: str, lowered: bool) -> Callable[[PageText], np.ndarray | None]:
    """Offsets of the lines whose first character (lower-cased with ``lowered``) is one of ``chars``: where a
    match of a pattern anchored at the line start (``^``), whose alternatives open with those, can begin."""

    table = _char_set(chars)

    def starts(page: PageText) -> np.ndarray | None:
        codes = page.lowered_cps() if lowered else page.cps
        if codes is None:
            return None
        at = page.starts[page.lengths > 0]
        return at[_among(codes[at], table)]

    return starts


def _caption_lines(page: PageText) -> np.ndarray | None:
    words = page.vocab_lines(VOCABS, "caption")
    if words is None:
        return None
    return words | _chars(page, "©") | (page.cps[page.starts] == ord("("))


def _comment_lines(page: PageText) -> np.ndarray | None:
    say = page.vocab_lines(VOCABS, "comment_say")
    if say is None:
        return None
    digits = _digits(page)
    last = _last(page)

    def has(name: str) -> np.ndarray:
        found = page.vocab_lines(VOCABS, name)
        assert found is not None
        return found

    return (
        (say & (last == ord(":")))
        | (has("comment_whole") & (page.words() == 1))
        | has("comment_rating")
        | has("comment_lead")
        | (digits & (has("comment_count") | has("comment_ago")))
        | (digits & has("comment_at") & ((last == ord("m")) | (last == ord("M")) | (last == ord("."))))
    )


def _glued_lines(page: PageText) -> np.ndarray:
    """Lines with an ASCII capital after a lower-case letter, digit or ')' (maybe with .!? between)."""
    found = np.zeros(len(page.starts), dtype=bool)
    found[np.searchsorted(page.starts, _glued_starts(page), side="right") - 1] = True
    return found


_GLUED_BEFORE = _char_set("abcdefghijklmnopqrstuvwxyz0123456789)")
_GLUED_LOWER = _char_set("abcdefghijklmnopqrstuvwxyz")
_GLUED_PUNCT = _char_set(".!?")


def _glued_starts(page: PageText) -> np.ndarray:
    """Where ``_GLUED`` matches: a lower-case letter, digit or ')' followed by a capital and two lower-case
    letters (maybe with .!? before the capital), all ASCII. Read from the capitals of the page (a few in a
    hundred characters), not from every character."""
    c = page.cps
    n = len(c)
    cap = np.flatnonzero((c >= 65) & (c <= 90))
    cap = cap[(cap >= 1) & (cap <= n - 3)]
    cap = cap[_among(c[cap + 1], _GLUED_LOWER) & _among(c[cap + 2], _GLUED_LOWER)]
    prev = c[cap - 1]
    direct = cap[_among(prev, _GLUED_BEFORE)] - 1
    marked = cap[_among(prev, _GLUED_PUNCT) & (cap >= 2)]
    after_mark = marked[_among(c[marked - 2], _GLUED_BEFORE)] - 2
    return np.sort(np.concatenate((direct, after_mark)))


def _urlish_lines(page: PageText) -> np.ndarray:
    www = page.find_lines("www.", lowered=True)
    if www is None:  # lower-casing moved offsets: "www." in any case
        c = page.cps
        w = (c == ord("w")) | (c == ord("W"))
        found = np.zeros(len(c), dtype=bool)
        if len(c) >= 4:
            found[:-3] = w[:-3] & w[1:-2] & w[2:-1] & (c[3:] == ord("."))
        www = page.per_line(found) > 0
    return www | _chars(page, "@[/")


_BULLETS = "•·▪►»›-–—*"
_BYLINE_INITIALS = "bvpdwaBVPDWA"  # first letters of the byline words: by, von, por, par, di, door, ...


_BYLINE_INITIAL_SET, _BULLET_SET = _char_set(_BYLINE_INITIALS), _char_set(_BULLETS)


def _byline_lines(page: PageText) -> np.ndarray:
    """Lines that open with the first letter of a byline word (the pattern is anchored at the line start)."""
    return _among(page.cps[page.starts], _BYLINE_INITIAL_SET)


def _bullet_lines(page: PageText) -> np.ndarray:
    """Lines that open with a bullet character or a digit."""
    return ((page.classes[page.starts] & _DIGIT) > 0) | _among(page.cps[page.starts], _BULLET_SET)


# A sentence end inside a line, matched as its mark alone: ``_SENT_INSIDE`` never holds a mark after its first
# character, so its matches never overlap and each begins at a mark this pattern matches.
_SENT_MARK = re.compile(r"[.!?](?=[\"'”’»)]* +[\"'“‘«(]*[A-ZÄÖÜÀ-Ý])")


def _sentence_ends_inside(page: PageText) -> np.ndarray:
    """Matches of ``_SENT_INSIDE`` per line: the marks ``_SENT_MARK`` replaces (in C) where the page changes."""
    marked = _SENT_MARK.sub("\x00", page.joined)
    changed = np.frombuffer(marked.encode("utf-32-le"), dtype=np.uint32) != page.cps
    return page.per_line(changed)


_BOILER_M = PagePattern.of(_BOILER, _has("boiler"), _starts("boiler"))
_ENDS_SENTENCE_M = PagePattern.of(_ENDS_SENTENCE, exact=_ends_sentence_lines)
_SENT_INSIDE_M = PagePattern.of(_SENT_INSIDE, exact=_sentence_ends_inside)
# anchored at the line start: tried at the start of the lines that open with a first letter of the alternatives
_TEASER_PREFIX_M = PagePattern.of(_TEASER_PREFIX, starts=_opening("rsmwlat", lowered=True))
_CAPTION_M = PagePattern.of(_CAPTION, _caption_lines)
_BYLINE_M = PagePattern.of(_BYLINE, _byline_lines, _opening(_BYLINE_INITIALS[:6], lowered=True))
_CLOCK_M = PagePattern.of(_CLOCK, _digits)
_BULLET_M = PagePattern.of(_BULLET, _bullet_lines, lambda page: page.starts[_bullet_lines(page)])
_SEPARATORS_M = PagePattern.of(_SEPARATORS, lambda page: _chars(page, "|·•/\t"))
_COMMENT_M = PagePattern.of(_COMMENT, _comment_lines)
_APPEAL_M = PagePattern.of(_APPEAL, _has("appeal"), _starts("appeal"))
_YEAR_M = PagePattern.of(_YEAR, _digits)
_URLISH_M = PagePattern.of(_URLISH, _urlish_lines)
_GLUED_M = PagePattern.of(_GLUED, _glued_lines, _glued_starts)
_YOU_WE_M = PagePattern.of(_YOU_WE)


def you_we_count(page: PageText) -> np.ndarray:
    """Matches of ``_YOU_WE`` per line: each is one whole token (or a token starting with "unser")."""
    counts = page.vocab_count(VOCABS, "you_we")
    return page.count(_YOU_WE_M) if counts is None else counts
