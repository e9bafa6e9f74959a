"""One-person subjects of a count, and one such person told apart from a figure before it.

``SINGLE`` finds "a 25-year-old man", "the victim", "he", "another", a name before "was"; the
words after it are read by ``counts_after``. ``add_another`` folds a hurt person set apart from the
figure of the hurt before it ("two women were shot, and a 9-year-old boy was hit") into that figure.
"""

from __future__ import annotations

import re

from storyline.extract.counts_lexicon import ACTIVE_VERBS, PERSON_SINGULAR, STOP
from storyline.extract.counts_raw import RawCount
from storyline.extract.counts_victims import person_traits

_MOD_STOP = "|".join(sorted(STOP | set(ACTIVE_VERBS) | {"left", "leaving", "leaves", "after", "found"}))
_PERSON_SG_CAP = "|".join(sorted((w.capitalize() for w in PERSON_SINGULAR), key=len, reverse=True))
PERSON_SG_ALT = "|".join(sorted(PERSON_SINGULAR, key=len, reverse=True))
# One person: a possessive is not the person ("the woman's 23-year-old boyfriend was shot"), an age may be spelled out
# ("wounded a six-year-old"), "another" alone is one more person ("one died and another was wounded"), a name may
# follow an unhyphenated age ("23 year old Ana Ruiz died"). gva-dev stored pipeline articles re-read (run of f104a12):
# gold stories injured 0.8196 -> 0.8216 (A 0.8202 -> 0.8223, held-out B 0.8190 -> 0.8210), killed 0.8920 -> 0.8940;
# pipeline stories injured 0.8087 -> 0.8107 (A 0.8140 -> 0.8161, B 0.8038 -> 0.8057), killed unchanged.
_AGE_WORD = (
    r"(?:\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen))-year-old"
)
SINGLE = re.compile(
    rf"\b(?P<det>(?i:a|an|another|the|this|that|both|his|her|their))\s+(?P<mods>(?:(?!(?i:{_MOD_STOP})\b)[\w'’-]+\s+){{0,3}}?)"
    rf"(?P<noun>(?i:{PERSON_SG_ALT})\b(?!['’]s\b)|{_AGE_WORD}(?![\w-])(?!\s+(?i:{PERSON_SG_ALT})\b))"
    rf"|(?:^|(?<=: ))(?P<bare>(?:{_PERSON_SG_CAP}|\d+-year-old)(?![\w-]))(?!\s+(?i:{PERSON_SG_ALT})\b)"
    r"|\b(?P<pron>[Hh]e|[Ss]he|[Bb]oth|[Aa]nother(?=\s+(?:was|is|has|had|remains|remained)\b))\b"
    r"|(?:(?<![\w.,] )|(?<=year.old ))(?<![\w,])(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){0,2})"
    r"(?=,\s*\d{1,2},|\s+(?:was|has\s+been|had\s+been|died)\b)",
)
NOT_NAMES = frozenset(
    [
        "police",
        "authorities",
        "officials",
        "investigators",
        "officers",
        "it",
        "this",
        "that",
        "there",
        "he",
        "she",
        "they",
        "who",
        "what",
        "sheriff",
        "deputies",
        "witnesses",
        "detectives",
        "nobody",
        "no",
        "none",
        "everyone",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "everybody",
        "neither",
    ]
)


# "Two victims were taken to hospitals with moderate injuries, another victim sustained critical injuries": "another"
# after a figure of the hurt in the same sentence is one more of them; see counts_verbs.HOSPITAL_WITH_WOUNDS for the
# figures.
ANOTHER_ADDS = True
# A person of a sex or age the figure's group has not is one more too ("two women were shot, and a 9-year-old boy was
# hit"). gva-dev --stories rules: no incident changes (one article of a two-source tie, 2 -> 3).
OTHER_KIND_ADDS = True
_HURT = frozenset({"injured", "shot", "hospitalized"})


_GROUP_TRAITS = {
    "men": ("m", False),
    "women": ("f", False),
    "boys": ("m", None),
    "girls": ("f", None),
    "males": ("m", None),
    "females": ("f", None),
    "adults": (None, False),
    "children": (None, True),
    "kids": (None, True),
}


def _set_apart(figure: RawCount, person: RawCount) -> bool:
    """Whether one person is told apart from a figure's group: "another", or a sex or age the group does not have
    ("two women were shot, and a 9-year-old boy was hit")."""
    if person.subject.lower().startswith("another"):
        return True
    if not OTHER_KIND_ADDS:
        return False
    sex, young = _GROUP_TRAITS.get(figure.subject.lower().split()[-1] if figure.subject else "", (None, None))
    _, his_sex, his_young = person_traits(person.subject)
    return (sex is not None and his_sex is not None and sex != his_sex) or (
        young is not None and his_young is not None and young != his_young
    )


def add_another(found: list[RawCount]) -> None:
    """Fold a hurt person set apart from the figure of the hurt before it in the sentence into that figure."""
    for c in [c for c in found if c.single and c.category in _HURT]:
        figure = [f for f in found if not f.single and f.category in _HURT and f.end <= c.start and f.value > 1]
        if figure and _set_apart(figure[-1], c):
            f = figure[-1]
            f.value += 1
            f.low, f.high = (None if b is None else b + 1 for b in (f.low, f.high))
            found.remove(c)
