"""Authors and wire services from bylines: people only, no "staff", no outlet names, no duplicates."""

from __future__ import annotations

import re

from storyline.clean.dates import MONTHS

_MONTH_AHEAD = re.compile(r"\s(?=(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d)", re.I)

# Wire services: a byline naming one sets ``article.wire``, and it is not an author.
WIRES: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "reuters": "Reuters",
    "thomson reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "dpa": "dpa", "upi": "UPI", "bloomberg": "Bloomberg", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo",
    "xinhua": "Xinhua", "pa": "PA", "press association": "PA", "cnn wire": "CNN Wire", "apa": "APA", "kna": "KNA",
    "epd": "epd", "sid": "SID", "ukrinform": "Ukrinform", "interfax": "Interfax", "tass": "TASS",
}
_WIRE_IN_TEXT = re.compile(r"\((AP|Reuters|AFP|dpa|UPI|EFE|ANSA)\)\s*[—–-]|^[A-Z][A-Z .,'-]{2,40}\((AP|Reuters|AFP)\)")
# Words that make a byline fragment something other than a person.
_NOT_PERSON = re.compile(
    r"\b(?:staff|email|e-mail|author|authors|contact|follow|twitter|facebook|updated|published|posted|"
    r"read|min|minutes|comments?|share|photo|photos|video|image|editorial board|redaktion|redacción|"
    r"redazione|rédaction|admin|administrator|guest|anonymous|unknown|more|view|profile|articles|"
    r"subscribe|newsletter|copyright|all rights|bio|www|http|@)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\s*(?:,\s*)?\b(?:staff writer|senior writer|staff reporter|reporter|correspondent|contributor|"
    r"columnist|editor(?:-at-large)?|senior editor|managing editor|writer|journalist|special to .*|"
    r"for .+|in [A-Z][a-z]+.*)$"
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\be\b|\bu\.\b|/|\|)\s*", re.IGNORECASE)
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]+ (?:Writer|Reporter|Editor|Correspondent))")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÝĀ-Ž][\w'’.-]*|van|von|de|der|den|da|di|del|della|le|la|du|bin|al|el|ter|zu)$")
_DESK = re.compile(r"\b(?:news desk|desk|newsroom)$", re.IGNORECASE)


def wire_of(name: str) -> str | None:
    key = re.sub(r"[^\w\s-]", "", name).strip().lower()
    return WIRES.get(key)


def is_person(name: str, outlet: str | None = None) -> bool:
    """A plausible person (or a named news desk), not a role, a link text or the outlet itself."""
    tokens = name.split()
    if not 1 < len(tokens) <= 6 and not _DESK.search(name):
        return False
    if _NOT_PERSON.search(name) or any(ch.isdigit() for ch in name):
        return False
    if outlet and name.strip().lower() in {outlet.lower(), "the " + outlet.lower()}:
        return False
    if _DESK.search(name):
        return True
    return all(_NAME_TOKEN.match(t) for t in tokens)


def split_byline(text: str, outlet: str | None = None) -> tuple[list[str], str | None]:
    """People and wire named by a byline such as "By Meg James and Ana Lopez, Staff Writers"."""
    body = re.sub(r"^\s*(?:written\s+)?(?:by|von|por|par|di|door|authors?|autor(?:en)?|autore)\s*:?\s+", "",
                  text, flags=re.IGNORECASE)
    body = _GLUE.sub(" | ", body)
    # a byline often runs into the date: cut at the first digit or month-like timestamp
    body = _MONTH_AHEAD.split(body)[0]
    body = re.split(r"\s(?=\d)|\s[|•·—–-]\s|\b(?:Updated|Published|Posted|Aktualisiert|Veröffentlicht)\b", body)[0]
    people: list[str] = []
    wire: str | None = None
    for part in _SPLIT.split(body):
        part = _ROLE.sub("", part.strip(" .:,;()")).strip(" .:,;()")
        if not part:
            continue
        found = wire_of(part)
        if found:
            wire = wire or found
            continue
        if is_person(part, outlet) and part.lower() not in {p.lower() for p in people}:
            people.append(part)
    return people, wire


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
