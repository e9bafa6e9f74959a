"""Authors and wire services from bylines: people only, no "staff", no outlet names, no duplicates."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources

from storyline.clean.dates import MONTHS

_MONTH_AHEAD = re.compile(r"\s(?=(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d)", re.I)
# A month glued to the last name by a page read without spaces ("Ana BergDecember 23, 2019"): case-sensitive, a capital
# after a small letter
_MONTH_NAMES = "|".join(sorted((month.capitalize() for month in MONTHS), key=len, reverse=True))
_MONTH_GLUED = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=(?:" + _MONTH_NAMES + r")\.?\s+\d)")
# The word that opens the date after a name ("Par Ana Berg Le 17/02/2020", "Von Ana Berg am 3.5.2021")
_DATE_OPENER = re.compile(r"\s(?:[Ll]e|[Aa]m|[Oo]n|[Ee]l|[Ii]l|[Vv]om)\s+(?=\d)")

# Wire services: a byline naming one sets ``article.wire``, and it is not an author.
WIRES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "dpa": "dpa",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "jiji": "Jiji",
    "jiji press": "Jiji",
    "kathpress": "Kathpress",
    "xinhua": "Xinhua",
    "pa": "PA",
    "press association": "PA",
    "cnn wire": "CNN Wire",
    "apa": "APA",
    "kna": "KNA",
    "epd": "epd",
    "sid": "SID",
    "ukrinform": "Ukrinform",
    "interfax": "Interfax",
    "tass": "TASS",
}
_WIRE_IN_TEXT = re.compile(r"\((AP|Reuters|AFP|dpa|UPI|EFE|ANSA)\)\s*[—–-]|^[A-Z][A-Z .,'-]{2,40}\((AP|Reuters|AFP)\)")
# Words that make a byline fragment something other than a person.
_NOT_PERSON = re.compile(
    r"\b(?:staff|email|e-mail|author|authors|contact|follow|twitter|facebook|updated|published|posted|"
    r"read|min|minutes|comments?|share|photo|photos|video|image|editorial board|redaktion|redacción|"
    r"redazione|rédaction|admin|administrator|guest|anonymous|unknown|more|view|profile|articles|"
    r"subscribe|newsletter|copyright|all rights|bio|www|http|@|artikel|beitrag|beitr\u00e4ge|kolumne|foto|fotos|"
    r"bild|quelle|datum|uhr|lesezeit|aktualisiert|ver\u00f6ffentlicht|kommentare?|mehr|weitere|alle|"
    # organisations, publishers and page labels, not people
    r"gmbh|ag|inc|ltd|llc|verlag|media|medien|solutions|group|gruppe|noticias|news|zeitung|magazin|magazine|"
    r"verband|department|ministry|ministerium|university|universit\u00e4t|schedule|views|user|publisher|"
    r"sprache|protection|customs|online|editorial|diario|peri\u00f3dico|journal|illustrierte|zeitschrift|"
    # interface labels
    r"skip|navigation|pdf|vorschau|preview|download|print|drucken|teilen|login|anmelden|register|search|suche|"
    r"tests?|ver\u00f6ffentlicht|published|eingestellt|autorenseite|schlie\u00dfen|close|\u00fcber|tweet|release|"
    r"kategorien?|categor(?:y|ies)|"
    # a web designer's credit in the author field ("Ana Berg und Tom Li designed", "Theme by ...")
    r"designed|design|webdesign|theme|powered|"
    # advertising labels ("PAID CONTENT", "Sponsored Post")
    r"paid|sponsored|gesponsert\w*|content|advertorial|promotion|anzeige|werbung|"
    # bodies and programmes that sign pages, not people ("Redonda Restoration Programme", "Sekretariat ...")
    r"programme|program|programm|project|projekt|foundation|stiftung|association|verein|institut|institute|"
    r"initiative|council|committee|sekretariat|secretariat|society|network|netzwerk|partei|party|international)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\s*(?:,\s*)?\b(?:(?:(?:[Ee]ducation|[Pp]olitical|[Pp]olitics|[Hh]ealth|[Ss]cience|[Ss]ports?|[Bb]usiness|"
    r"[Ee]conomics|[Tt]echnology|[Ff]oreign|[Hh]ome [Aa]ffairs|[Ee]nvironment|[Cc]ulture|[Aa]rts|[Ll]egal|[Cc]hief|"
    r"[Dd]eputy|[Ss]enior|[Aa]ssociate|[Cc]ontributing|[Ee]xecutive|[Mm]anaging)\s+)?"
    r"(?:staff writer|staff reporter|reporter|correspondent|contributor|columnist|editor(?:-at-large)?|writer|"
    r"journalist)|special to .*|[Ff]or .+|in [A-Z][a-z]+.*|"
    # German roles after the name ("Ana Berg Chefredakteurin", "Ana Berg, Redakteur")
    r"(?:Chef)?[Rr]edakteur(?:in)?|Reporter(?:in)?|Korrespondent(?:in)?|Journalist(?:in)?|Herausgeber(?:in)?|"
    r"Volont\u00e4r(?:in)?)$"
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\be\b|\bu\.\b|/|\|)\s*", re.IGNORECASE)
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]+ (?:Writer|Reporter|Editor|Correspondent))")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÝĀ-Ž][\w'’.-]*|van|von|de|der|den|da|di|del|della|le|la|du|bin|al|el|ter|zu)$")
_PREFIX = re.compile(
    r"^[\s\-\u2013\u2014]*(?:(?:written|posted|published|submitted|geschrieben|verfasst|ver\u00f6ffentlicht|"
    r"eingestellt|erstellt|gespeichert|eingereicht|(?:ein(?:e)?\s+)?(?:blog-?\s?)?(?:kolumne|beitrag|artikel|"
    r"kommentar|interview|gastbeitrag|analyse|text|texte))\s+)?(?:by|von|por|par|di|door|authors?|autor(?:in|en)?|"
    r"autore|auteur|text(?:\s*(?:&|und|and|\+)\s*(?:fotos?|photos?|bilder?|bild))?|interview|redaktion(?=\s*:))"
    r"\s*:?\s+",
    re.IGNORECASE,
)
# A weekday that opens the date after a byline ("Tomas Spahn Fr, 3. Dezember", "Ana Berg Monday, May 3").
_WEEKDAY_AHEAD = re.compile(
    r"\s(?=(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Montag|Dienstag|Mittwoch|"
    r"Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b\.?,?\s*(?:\d|$))"
)
_DOMAIN = re.compile(r"\w\.(?:com|de|ch|at|net|org|info|eu|fr|it|es|pl|uk|io|co|tv|news|online)\b", re.I)
# The next "Label:" of a meta line ends the names ("Autor: Ana Berg Quelle: Livenet").
_NEXT_LABEL = re.compile(r"\s(?=[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff]+:\s)")
# Three words or more opening with an article are a title or a body ("Die Zukunft der Arbeit", "Les Amis de la
# Terre"), not a name; two may be a pen name ("der Michel").
_ARTICLES = frozenset({"the", "die", "der", "das", "ein", "eine", "el", "los", "las", "les", "une", "un", "a"})
_PARTICLES = frozenset({"van", "von", "de", "ter", "zu", "vom", "v."})
_DESK = re.compile(r"\b(?:news desk|desk|newsroom)$", re.IGNORECASE)


def wire_of(name: str) -> str | None:
    key = re.sub(r"[^\w\s-]", "", name).strip().lower()
    return WIRES.get(key)


# Surnames that are also words of a label ("Staff", "More"): after a common given name they are the name ("Jörg Staff",
# "Kenneth More"), not a label ("Tribune Staff", "Read more").
_LABEL_SURNAMES = frozenset({"Staff", "More", "Read", "Guest", "Mehr"})


def _label_free(tokens: list[str]) -> str:
    """The name read for label words: a label-like surname after a given name left out."""
    if len(tokens) == 2 and tokens[1] in _LABEL_SURNAMES and tokens[0].split("-")[0].lower() in given_names():
        return tokens[0]
    return " ".join(tokens)


def is_person(name: str, outlet: str | None = None) -> bool:
    """A plausible person (or a named news desk), not a role, a link text or the outlet itself."""
    tokens = name.split()
    if not 1 < len(tokens) <= 6 and not _DESK.search(name):
        return False
    if any(ch.isdigit() for ch in name) or _DOMAIN.search(name):
        return False
    if outlet and name.strip().lower() in {outlet.lower(), "the " + outlet.lower()} and not has_given_name(name):
        return False
    if _DESK.search(name):  # "The Valley Courier news desk": a named desk signs as its author
        return not re.search(r"\b(?:staff|email|e-mail|follow|contact)\b", name, re.I)
    if _NOT_PERSON.search(_label_free(tokens)) or (len(tokens) > 2 and tokens[0].lower() in _ARTICLES):
        return False
    # inside a name "der"/"den" follow a particle ("von der Leyen", "van den Berg"); after a noun they open a
    # role or a body ("Projektleiterin der HSS", "Leiter der Abteilung")
    if any(t in ("der", "den") and tokens[i - 1].lower() not in _PARTICLES for i, t in enumerate(tokens) if i > 0):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


# "von"/"by" inside a part, followed by a full name that ends the part, opens the byline ("Pressemitteilung von Katja
# Kipping", "Im Wortlaut von Ana Berg"); a particle is followed by one surname ("Alexander von Humboldt") or by an
# article ("Ursula von der Leyen").
_INNER_BY = re.compile(r"\s(?:[Vv]on|[Bb]y)\s+(?=[A-Z\u00c0-\u00dd][\w'\u2019.-]*\s+[A-Z\u00c0-\u00dd][\w'\u2019.-]*$)")


def split_byline(text: str, outlet: str | None = None) -> tuple[list[str], str | None]:
    """People and wire named by a byline such as "By Meg James and Ana Lopez, Staff Writers"."""
    body = byline_names(text)
    people: list[str] = []
    wire: str | None = None
    for part in _SPLIT.split(body):
        part = _INNER_BY.split(part)[-1]
        part = _strip_name(part)
        unroled = _ROLE.sub("", part)
        part = _strip_name(unroled if len(unroled.split()) >= 2 else part)  # "Rasender Reporter": a pen name
        if not part:
            continue
        found = wire_of(part)
        if found:
            wire = wire or found
            continue
        if is_person(part, outlet) and part.lower() not in {p.lower() for p in people}:
            people.append(part)
    return people, wire


# Credits of other work that may follow the names ("Text von Ana Berg  Illustration von Tom Li", "Ana Berg Foto: X"),
# and a role in brackets after a name ("Ana Berg (Pressesprecherin)"): the names end there. A domain in brackets
# stays: it marks the name as a site's ("Deutsche Welle (www.dw.com)").
_OTHER_CREDIT = re.compile(
    r"\s*\((?![^)]*\w\.[a-z]{2,}\b)|\s(?=(?:Fotos?|Photos?|Bilder?|Illustrations?|Grafik|Grafiken|Quelle|Source|Edition|\u00dcbersetzung|"
    r"Translation|Kamera|Video|Schnitt|Mitarbeit)\b)"
)
# A text that opens with a credit of pictures or a source names no author ("Foto: dpa/Ana Berg", "Quelle: X").
_CREDIT_FIRST = re.compile(
    r"^\W*(?:Foto\w*|Photo\w*|Bild\w*|Illustr\w*|Grafik\w*|Quelle|Source|Credits?|\u00dcbersetz\w*|Translat\w*)\b", re.I
)
# A label right after the opening "By" ("By Cuisine: Asian", "By the numbers:").
_FACET = re.compile(r"^(?:the\s+)?[\w/-]+:(?:\s|$)", re.I)
# Soft hyphens and zero-width characters that split a name for line breaking ("Mat\u00adthi\u00adas").
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def byline_names(text: str) -> str:
    """The part of a byline that holds the names: without "By"/"Von", the date, the next label or a role glued on."""
    opened = _PREFIX.sub("", text)
    if opened != text and _FACET.match(opened):
        return ""  # "By Cuisine: Asian", "By the numbers:": a facet or a heading opened by "By", not a byline
    body = _OTHER_CREDIT.split(opened)[0]
    body = _GLUE.sub(" | ", body)
    # a byline often runs into the date: cut at the first digit or month-like timestamp
    body = _MONTH_AHEAD.split(_MONTH_GLUED.split(_DATE_OPENER.split(body)[0])[0])[0]
    body = re.split(
        r"\s(?=\d)|(?<=\w):\s|(?<=[a-z\u00df-\u00ff])(?=\d{1,2}\.?\s+\w+\.?\s+\d{4}|\d{1,2}\.(?:\s|$))|\s[|•·—–-]\s|(?:Updated|Published|PUBLISHED|Posted|Aktualisiert|Veröffentlicht|Erstellt|Publié|Publicado|"
        r"Publicada|Last\s+(?:updated|modified))\b",
        body,
    )[0]
    body = _WEEKDAY_AHEAD.split(body)[0]
    return _NEXT_LABEL.split(body)[0]


def wire_in_body(body: str) -> str | None:
    """A wire dateline such as "ST. JOSEPH, Mich. (AP) —" at the start of the body."""
    match = _WIRE_IN_TEXT.search(body[:300])
    if not match:
        return None
    return wire_of(match.group(1) or match.group(2))


def merge_people(*groups: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for group in groups:
        for name in group:
            key = " ".join(name.lower().split())
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


_GLUED_LABEL = re.compile(r"^(?:Author|Autor|Autorin|Auteur|By|Von)(?=[A-Z\u00c0-\u00dd][a-z])")  # "AuthorAna Berg"
# A weekday, a time phrase or share buttons glued to the last name ("Tom WeberDo", "Ana BergHace 2 horas",
# "Ana Bergfacebooktwitter"): a byline read without the spaces between its elements.
_GLUED_WEEKDAY = re.compile(
    r"(?<=[a-z\u00e0-\u00ff])(?:(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)$|"
    r"(?:Hace|Vor|Il|Updated|Aktualisiert|Publicado|Actualizado|Quelle|Source|Fotos?|Bilder?)\b.*$|"
    r"(?:facebook|twitter|flipboard|whatsapp|linkedin|instagram|Follow|Folgen|Subscribe|Abonnieren)\w*$)"
)
_TRAILING_LABELS = frozenset({"date", "datum", "updated", "published", "posted", "fecha", "stand"})
_TRAILING_ROLES = frozenset({"autor", "autorin", "author"})  # "Ana Berg Autor": the label of a profile card


# An occupation written before the name ("Rechtsanwalt Ana Berg", "Redakteurin Ana Berg", "Staff writer Ana Berg"):
# the person is the name; two words at least must follow (a lone "Reporter Berg" may be a surname's use).
_ROLE_AHEAD = re.compile(
    r"^(?:Rechtsanw(?:alt|\u00e4ltin)|(?:Chef)?[Rr]edakteur(?:in)?|Reporter(?:in)?|Korrespondent(?:in)?|"
    r"Journalist(?:in)?|Fotograf(?:in)?|(?:[Ss]taff|[Ss]enior) [Ww]riter|Correspondent)\s+(?=\S+\s+\S)"
)


# A name printed twice, as a link's text and its tooltip or for two screen sizes ("Ana BergAna Berg", "Ana Berg Ana
# Berg"): the name once.
_TWICE = re.compile(r"^(\S+(?:\s\S+)+?)\s?\1$")


def _strip_name(part: str) -> str:
    """Trim punctuation around a name, keeping the period of an initial or a suffix ("Perry Bacon Jr."), and an
    occupation written before it."""
    part = _GLUED_LABEL.sub("", part.strip(" :,;()[]|\u00b7\u2022\u2013\u2014-"))
    part = _ROLE_AHEAD.sub("", part)
    part = _GLUED_WEEKDAY.sub("", part)
    part = _TWICE.sub(r"\1", part)
    words = part.split()
    if len(words) >= 3 and words[0].isalpha() and words[0].isupper() and len(words[0]) <= 3 and not words[1].isupper():
        words.pop(0)  # "LP Luana Pereira": the initials of an avatar, or an icon's label, before the name
    while len(words) > 1 and words[-1].lower() in _TRAILING_LABELS:
        words.pop()  # "Todd Bates Date": the label of what follows
    if len(words) > 2 and words[-1].lower() in _TRAILING_ROLES:
        words.pop()
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower() and len(words[-1]) <= 3:
        words.pop()  # "Matthieu Hy le" (17 mars), "Ana Berg am" (3. Mai): the date's opening word
    part = " ".join(words)
    while part.endswith(".") and len(part.rsplit(None, 1)[-1]) > 4:
        part = part[:-1].rstrip()
    return part.lstrip(".").strip()


# Single words that a byline element holds but that name no one (UI labels, roles, generic accounts).
_NOT_A_NAME = frozenset(
    {
        "admin",
        "administrator",
        "author",
        "autor",
        "autorin",
        "redaktion",
        "editor",
        "editors",
        "team",
        "staff",
        "name",
        "posted",
        "follow",
        "datum",
        "date",
        "by",
        "von",
        "unknown",
        "anonymous",
        "guest",
        "gast",
        "user",
        "webmaster",
        "support",
        "info",
        "news",
        "newsdesk",
        "desk",
        "home",
        "more",
        "share",
        "profile",
        "redaction",
        "redacci\u00f3n",
        "redazione",
        "r\u00e9daction",
        "human",
        "verein",
        # the news agencies or a group of people, unnamed
        "agencies",
        "agency",
        "agenturen",
        "agentur",
        "collectif",
        "collective",
        "kollektiv",
        "sponsored",
        "anzeige",
        "werbung",
        "pressestelle",
        "presse",
        "press",
        "kontakt",
        "por",
        "par",
        "di",
        "door",
        "avec",
        "with",
        "und",
        "and",
        "contact",
        "blog",
        "posts",
        "beitr\u00e4ge",
        "artikel",
        "article",
        "articles",
        "quelle",
        "source",
        "fuente",
        "foto",
        "photo",
        "red",
        "publisher",
        "redakteur",
        "editorial",
        "auteur",
        "autore",
        "autoren",
        "authors",
        "biography",
        "bio",
        "stand",
        "created",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
# An account of the site, not of a person ("wordpressadmin", "BBNTEAM", "webredaktion").
_ACCOUNT = re.compile(r"admin|webmaster|team|redaktion|editor", re.I)
_HANDLE = re.compile(r"^[^\W\d_][\w.'\u2019-]{1,30}$")


def clean_author_text(
    text: str, outlet: str | None = None, site_names: list[str] | None = None, structured: bool = False
) -> tuple[list[str], str | None]:
    """People and wire of one author field or byline text ("Von Anna Berg und Tom Li", "By X | 3 May 2021").

    ``structured``: the text comes from a field that holds only author names (JSON-LD, ``<meta name=author>``),
    so a single word is a name or a handle ("jancak") unless it is a label, a role or the site's name.
    """
    if "&" in text:  # an author field escaped twice ("Lindsey O&#039;Donnell" in JSON-LD): ";" would split the name
        text = html.unescape(text)
    text = " ".join(w for w in _INVISIBLE.sub("", text).split() if "@" not in w and "://" not in w)  # handles, links
    if not text or _CREDIT_FIRST.match(text) or _DESIGN_CREDIT.search(text):
        return [], None
    text = _REGISTERED.sub(" Verein", text)
    match = _BY_INSIDE.search(text)
    label = _AUTHOR_LABEL.search(text)
    if label and label.start() > 0:
        text = text[label.start() :]  # "Datum: 19.11.2021 Autor: Ana Berg": the byline starts at the label
    elif not _PREFIX.match(text) and match and _LEAD_IN.search(text[: match.start()]):
        text = text[match.start() :]  # "Posted on 21 May 2020 by Ana Berg": the byline starts at "by"
    people, wire = split_byline(text, outlet)
    sites = {re.sub(r"[\W_]+", "", s.lower()) for s in (site_names or []) if s} | (
        {re.sub(r"[\W_]+", "", outlet.lower())} if outlet else set()
    )
    # a name like the site's is the outlet's, unless it opens with a given name: a person's own site ("Wolfgang
    # Schmale" on wolfgangschmale.eu) against "Presse Augsburg", "Die FURCHE"
    people = [
        p
        for p in people
        if has_given_name(p) or (_site_key(p) not in sites and _site_key(_drop_article(p)) not in sites)
    ]
    if people or wire or not structured:
        return people, wire
    single = _strip_name(byline_names(text))
    if (
        _HANDLE.match(single)
        # an acronym of three letters or more ("ARD", "CDU", "ERBOL") names a broadcaster, a party or an agency; two
        # may be a person's initials
        and not (single.isupper() and 3 <= len(single) <= 5)
        and _NOT_A_NAME.isdisjoint(re.split(r"[._-]", single.lower()))
        and single.lower() not in _NOT_A_NAME
        and re.sub(r"\d+", "", single.lower()) not in _NOT_A_NAME  # "user5105", "admin2"
        and not _ACCOUNT.search(single)
        and not _DOMAIN.search(single)
        and re.sub(r"[\W_]+", "", single.lower()) not in sites
        and sites.isdisjoint(re.split(r"[._-]", single.lower()))  # "Krimiblog-Archiv" on krimiblog.de
    ):
        return [single], None
    return [], None


# A web designer's credit in an author field names who made the site, not who wrote the page ("Ana Berg und Tom Li
# designed", "Theme by Tom Li", "Powered by ...").
_DESIGN_CREDIT = re.compile(r"\b(?:designed|powered|theme)\b", re.I)
# "e. V." (eingetragener Verein, a registered association) after a name makes it an organisation; read whole, it is not
# split at its "e" (Italian and Portuguese "and") into a name and a stray "V."
_REGISTERED = re.compile(r"\s+e\.\s?V\.?(?=\W|$)")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (``storyline/data/clean/given_names.txt``), lower-case."""
    text = resources.files("storyline").joinpath("data/clean/given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_TITLES = frozenset({"dr.", "dr", "prof.", "prof", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "frau", "herr"})


def has_given_name(name: str) -> bool:
    """A full name that opens with a common given name ("Dr. Hans-Peter Berg": "hans"), after academic titles."""
    tokens = [t for t in name.split() if t.lower() not in _TITLES]
    return len(tokens) >= 2 and tokens[0].split("-")[0].lower() in given_names()


def _site_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def _drop_article(name: str) -> str:
    """The name without a leading article or abbreviation: an outlet signs with it ("Die Furche" on furche.at, "The
    Courier", "OÖ Volksblatt" on volksblatt.at: the region's initials)."""
    first, _, rest = name.partition(" ")
    return rest if rest and (first.lower() in _ARTICLES or (first.isupper() and len(first) <= 4)) else name


# What may stand before an inner "by"/"von" of a byline: a date, a label ("Artikel von"), a lower-case word.
_LEAD_IN = re.compile(
    r"\d|(?i:\b(?:posted|published|written|artikel|beitrag|kolumne|text|story|geschrieben|"
    r"ver\u00f6ffentlicht|verfasst|erstellt|article|blog)\b)|(?:^|\s)[a-z\u00e0-\u00ff]"
)
_AUTHOR_LABEL = re.compile(r"\b(?:Autor(?:in)?|Author|Auteur|Autore)\s*:\s*(?=\S)")
_BY_INSIDE = re.compile(r"(?<=\s)(?:by|von)\s+(?=[A-Z\u00c0-\u00dd])")
