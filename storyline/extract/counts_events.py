"""Counts told by the words for an event rather than by a number or a person hit.

"the shooting of a 67-year-old man" (one hit), "accidentally shot himself" (one hit), "a quadruple
shooting" (four hit), "the fatal shooting" (one dead), "killed two, then himself" (the shooter is one
more of the dead). ``add_events`` appends them to the counts read from the sentence's numbers and people.
"""

from __future__ import annotations

import re

from storyline.extract.counts_lists import person_lists
from storyline.extract.counts_people import SINGLE
from storyline.extract.counts_raw import RawCount

# "The shooting of a 67-year-old man" names the person hit, as "a 67-year-old man was shot" does; a fatal or deadly
# shooting is a death (DEATH_EVENT). gva-dev --stories rules: injured 0.8414 -> 0.8434 (A 0.8388 -> 0.8409, held-out
# B 0.8438 -> 0.8457), killed unchanged.
SHOOTING_OF = True
_SHOOTING_OF = re.compile(r"(?<![\w-])(?<!fatal )(?<!deadly )(?i:shooting)\s+of\s+")


# One person who shot himself or herself ("accidentally shot himself", "shoots self"); a shooter who does
# so after killing others is read by _SUICIDE; none in a sentence that tells a death. gva-dev (pipeline
# stories re-reconciled) injured half A 0.748 -> 0.771, B 0.722 -> 0.741.
SELF_SHOT = True
_SELF_SHOT = re.compile(
    r"(?<!\bthen )(?<!\band )\b(?P<fatal>fatally\s+)?(?:accidentally\s+|apparently\s+)?"
    r"(?:shot|shoots|shooting|shoot)\s+(?:(?:him|her)self|self)\b",
    re.IGNORECASE,
)
_DEATH = re.compile(r"\b(?:suicide|died|dies|dead|death|killed|killing|fatal(?:ly)?)\b", re.IGNORECASE)
_AND_HIMSELF = re.compile(r"\band\s+(?:then\s+)?(?:himself|herself)\b", re.IGNORECASE)
_SUICIDE = re.compile(
    r"\b(?:(?:then|and|before|after)\s+(?:killing|killed|fatally\s+shooting|fatally\s+shot|"
    r"(?:fatally\s+)?turning\s+the\s+gun\s+on|(?:fatally\s+)?turned\s+the\s+gun\s+on)\s+(?:himself|herself)"
    r"|then\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life|killed\s+(?:himself|herself))\b",
    re.IGNORECASE,
)


# "a double shooting", "a quadruple shooting", "a double homicide" (one event; plurals are round-ups) tell how many
# people were hit or killed. gva-dev whole pipeline (with the colon rule of counts_rules._LEFT_EXCLUDE, "Police: 4
# people shot"), against the run of a7a68f9 re-reconciled at e1b6b01: half A killed 0.8533 -> 0.8616, injured 0.7769 ->
# 0.7831; held-out B killed 0.8229 -> 0.8267, injured 0.7581 -> 0.7638; questions A 0.6447 unchanged, B 0.6087 ->
# 0.6025.
MULTIPLE_SHOOTING = True
_MULTIPLE_VALUE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[- ](?P<what>shooting|homicide|murder|slaying)\b(?!s)", re.IGNORECASE
)


# A death named as a noun ("the fatal shooting", "a deadly accidental shooting", "the shooting death of", "Jacob's
# death") tells that one person died, as a one-person mention: reports that never say "killed" or "died" ("Girlfriend
# shot in face", then "charged in the fatal shooting") are not read as an injury. On gva-dev incidents, one of these
# words in the title or the first 1,500 characters: 132 of 406 incidents with one dead, 2 of 467 with none.
DEATH_EVENT = True
_DEATH_EVENT = re.compile(
    r"(?<![\w-])(?<!non )(?:fatal|deadly)\s+(?:[\w-]+\s+)?(?:shooting|stabbing|accident|incident)\b(?!s)"
    r"|\bshooting\s+death\b(?!s)|\bdeath\s+of\s+(?:a|an|the|his|her|their)\b|\w['’]s\s+death\b",
    re.IGNORECASE,
)
# More nouns of a death: "death of <Name>" / "death of 4-year-old ...", "a fatal gunshot wound", "claimed the life of",
# "(the) body (was) found". gva-dev --stories rules killed 0.8949 -> 0.8969 (A 0.9070 -> 0.9091, B 0.8838 -> 0.8857).
DEATH_NOUNS_MORE = True
_DEATH_MORE = re.compile(
    r"\b(?i:death\s+of)\s+(?:[A-Z][a-z]|\d+-year-old\b)|\b(?i:(?:fatal|deadly)\s+(?:gunshot\s+)?wounds?)\b"
    r"|\b(?i:(?:claim|claimed|claims|claiming|took|takes|taking)\s+the\s+life\s+of)\b"
    r"|\b(?i:(?:a|the|his|her)\s+body\s+(?:was\s+|has\s+been\s+)?(?:found|discovered|recovered))\b"
)
# "St. Louis man fatally shot himself": the adverb inside the self-shot words is the death it tells, not a death told
# elsewhere in the sentence. gva-dev --stories rules killed 0.8959 -> 0.8969 (A 0.9070 -> 0.9091).
OWN_FATALLY = True


# After a count of the dead in the same sentence, the shooter's own death is one more ("Two boys killed, father
# commits suicide", "killed two children, then shot himself"). gva-dev whole pipeline against the run of ff6c1cf:
# half A killed 0.8636 -> 0.8657, held-out B unchanged (0.8267), injured unchanged. A possessive between an active verb
# and its number ("killed his two children") was tried too: injured A 0.7851 -> 0.7831, B 0.7619 -> 0.7600, left out.
SHOOTER_DIED = True
_SHOOTER_DIED = re.compile(
    r"\b(?:commit(?:s|ted)\s+suicide|then\s+(?:shot|turned\s+the\s+gun\s+on)\s+(?:himself|herself))\b", re.IGNORECASE
)


def _shooting_of(text: str, lower: str, taken: list[tuple[int, int]]) -> list[RawCount]:
    """The people hit that "the shooting of" names, unless a count already read starts there."""
    found: list[RawCount] = []
    for match in _SHOOTING_OF.finditer(text) if SHOOTING_OF and "shooting of" in lower else ():
        # "an accidental shooting of a 67-year-old man", "the shooting of a child and his father": the people hit
        pos = match.end()
        listed = next((p for p in person_lists(text) if p.start == pos), None) if " and " in lower else None
        person = SINGLE.match(text, pos) if listed is None else None
        if (listed is None and (person is None or not person.group("det"))) or any(s <= pos < e for s, e in taken):
            continue
        end = listed.end if listed is not None else person.end() if person is not None else pos
        value = float(listed.people if listed is not None else 1)
        found.append(RawCount(match.start(), end, value, None, None, "exact", "shot", text[pos:end], False, value == 1))
    return found


def _self_shot(text: str) -> RawCount | None:
    """One person who shot himself or herself, when the sentence tells no other death."""
    self_shot = _SELF_SHOT.search(text) if SELF_SHOT else None
    rest = text[: self_shot.start()] + text[self_shot.end() :] if self_shot and OWN_FATALLY else text
    if self_shot and not _SUICIDE.search(text) and not _DEATH.search(rest):
        # "a boy accidentally shot himself in the foot": one person hit (the summary reads a death elsewhere)
        fatal = bool(self_shot.group("fatal"))
        return RawCount(
            self_shot.start(),
            self_shot.end(),
            1.0,
            None,
            None,
            "exact",
            "killed" if fatal else "shot",
            self_shot.group(0),
            False,
            True,
        )
    return None


def _multiple(text: str, lower: str) -> RawCount | None:
    """The people hit (or killed) that "a double shooting", "a quadruple homicide" tells."""
    several = MULTIPLE_SHOOTING and ("uple" in lower or "triple" in lower or "double" in lower)
    multiple = _MULTIPLE.search(text) if several else None
    if multiple:
        # "a quadruple shooting", "a double homicide": that many people hit (or killed)
        value = float(_MULTIPLE_VALUE[multiple.group("n").lower()])
        category = "shot" if multiple.group("what").lower() == "shooting" else "killed"
        return RawCount(
            multiple.start(), multiple.end(), value, None, None, "exact", category, multiple.group(0), False, False
        )
    return None


def _death(text: str, lower: str, found: list[RawCount]) -> RawCount | None:
    """One dead that a death named as a noun tells, when no count of the dead was read."""
    named = DEATH_EVENT and any(word in lower for word in ("fatal", "dead", "death", "life", "body"))
    death = _DEATH_EVENT.search(text) if named else None
    if named and death is None and DEATH_NOUNS_MORE:
        death = _DEATH_MORE.search(text)
    if death and not any(c.category == "killed" for c in found):
        # "the fatal shooting", "Jacob's death": someone died, though no sentence counts the dead
        return RawCount(death.start(), death.end(), 1.0, None, None, "exact", "killed", death.group(0), single=True)
    return None


def _shooter(text: str, lower: str, found: list[RawCount]) -> RawCount | None:
    """A shooter who killed himself or herself: one more than the dead counted before."""
    suicide = _SUICIDE.search(text)
    if suicide is None:
        # "killed four classmates and himself": only after a count of the dead in the same sentence
        shooter = SHOOTER_DIED and ("suicide" in lower or "self" in lower)
        also = _AND_HIMSELF.search(text) or (_SHOOTER_DIED.search(text) if shooter else None)
        if also and any(c.category == "killed" and c.end <= also.start() for c in found):
            suicide = also
    if suicide:
        # "shoots 4 relatives, killing 2, then himself": the shooter is one more of the dead
        killed = [c for c in found if c.category == "killed" and c.start < suicide.start()]
        value = max((c.value for c in killed), default=0.0) + 1
        return RawCount(
            suicide.start(),
            suicide.end(),
            value,
            None,
            None,
            "exact",
            "killed",
            suicide.group(0),
            False,
            value == 1,
        )
    return None


def add_events(text: str, lower: str, found: list[RawCount], taken: list[tuple[int, int]]) -> None:
    """Append to ``found`` the counts that the sentence's event words tell, in order (``lower``: ``text`` lower
    cased; ``taken``: the spans of the counts read from numbers and one-person subjects)."""
    found.extend(_shooting_of(text, lower, taken))
    for event in (_self_shot(text), _multiple(text, lower)):
        if event is not None:
            found.append(event)
    death = _death(text, lower, found)
    if death is not None:
        found.append(death)
    shooter = _shooter(text, lower, found)
    if shooter is not None:
        found.append(shooter)
