"""Word lists for counts: what can be counted, and the verbs that say what happened to people.

Kept apart from the rules so that a new category is one line here. All lower case.
"""

from __future__ import annotations

# plural (and singular) nouns -> normalised category
_GROUPS: dict[str, tuple[str, ...]] = {
    "people": (
        "people", "persons", "person", "civilians", "residents", "individuals", "adults", "children", "kids",
        "teens", "teenagers", "youths", "juveniles", "minors", "men", "women", "boys", "girls", "students",
        "victims", "others", "bystanders", "males", "females", "toddlers", "infants", "babies", "patrons",
        "customers", "employees", "workers", "officers", "deputies", "passengers", "pedestrians",
        "journalists", "hostages", "protesters", "demonstrators", "relatives", "friends", "neighbors",
        "siblings", "brothers", "sisters", "sons", "daughters", "partygoers", "guests",
        "shoppers", "worshippers", "inmates", "agents", "firefighters", "guards", "motorists", "drivers",
    ),
    "troops": ("troops", "soldiers", "servicemen", "servicemembers", "fighters", "militants", "marines"),
    "suspects": ("suspects", "gunmen", "shooters", "attackers", "assailants", "robbers"),
    "missiles": ("missiles", "missile"),
    "rockets": ("rockets",),
    "drones": ("drones",),
    "shells": ("shells",),
    "bombs": ("bombs",),
    "strikes": ("airstrikes", "strikes", "air strikes"),
    "shots": ("shots", "rounds", "bullets", "gunshots"),
    "casings": ("casings",),
    "guns": ("guns", "firearms", "weapons", "rifles", "handguns", "pistols", "shotguns"),
    "buildings": ("homes", "houses", "buildings", "apartments"),
    "vehicles": ("vehicles", "cars", "trucks"),
    "attacks": ("attacks",),
    "shootings": ("shootings",),
    "homicides": ("homicides", "murders"),
    "killed": ("deaths", "fatalities", "dead", "bodies"),
    "injured": ("injuries",),
    "casualties": ("casualties",),
    "arrested": ("arrests",),
}
NOUN_CATEGORY: dict[str, str] = {word: cat for cat, words in _GROUPS.items() for word in words}
PERSON_CATEGORIES = frozenset({"people", "troops", "suspects"})

# singular nouns for one person ("a 25-year-old man was shot")
PERSON_SINGULAR = frozenset(
    "man woman person boy girl teen teenager child kid toddler baby infant victim officer deputy trooper "
    "male female juvenile youth student resident bystander driver passenger suspect gunman shooter "
    "mother father son daughter husband wife brother sister girlfriend boyfriend grandmother grandfather "
    "uncle aunt cousin nephew niece friend neighbor customer clerk employee worker homeowner adult "
    "civilian soldier agent guard motorist pedestrian security".split()
)

# Verb phrases after a subject, longest first within each category; matched on lower-cased words.
# category "shot" = hit by gunfire (killed or not); "hospitalized" = taken to hospital, fate unknown.
VERB_PHRASES: tuple[tuple[str, str], ...] = (
    ("shot and killed", "killed"), ("shot to death", "killed"), ("shot dead", "killed"),
    ("fatally shot", "killed"), ("fatally wounded", "killed"), ("fatally injured", "killed"),
    ("fatally stabbed", "killed"), ("killed", "killed"), ("slain", "killed"), ("murdered", "killed"),
    ("pronounced dead", "killed"), ("found dead", "killed"), ("declared dead", "killed"), ("dead", "killed"),
    ("died", "killed"), ("dies", "killed"), ("die", "killed"), ("gunned down", "killed"),
    ("lost their lives", "killed"), ("lost his life", "killed"), ("lost her life", "killed"),
    ("succumbed", "killed"), ("killed instantly", "killed"),
    ("shot and wounded", "injured"), ("shot and injured", "injured"), ("injured", "injured"),
    ("wounded", "injured"), ("hurt", "injured"), ("suffered injuries", "injured"),
    ("suffered minor injuries", "injured"), ("suffered non-life-threatening injuries", "injured"),
    ("suffered non-life threatening injuries", "injured"), ("suffered serious injuries", "injured"),
    ("suffered critical injuries", "injured"), ("suffered life-threatening injuries", "injured"),
    ("suffered gunshot wounds", "shot"), ("suffered a gunshot wound", "shot"),
    ("suffered gunshot wound", "shot"), ("sustained gunshot wounds", "shot"),
    ("sustained a gunshot wound", "shot"), ("treated for gunshot wounds", "shot"),
    ("shot", "shot"), ("struck by gunfire", "shot"), ("hit by gunfire", "shot"), ("struck by bullets", "shot"),
    ("hit by bullets", "shot"), ("struck", "shot"), ("hit", "shot"), ("grazed", "shot"),
    ("hospitalized", "hospitalized"), ("taken to the hospital", "hospitalized"),
    ("taken to a hospital", "hospitalized"), ("taken to hospital", "hospitalized"),
    ("transported to the hospital", "hospitalized"), ("rushed to the hospital", "hospitalized"),
    ("arrested", "arrested"), ("detained", "arrested"), ("taken into custody", "arrested"),
    ("in custody", "arrested"), ("charged", "arrested"),
    ("missing", "missing"), ("unaccounted for", "missing"), ("kidnapped", "abducted"),
    ("abducted", "abducted"), ("taken hostage", "abducted"), ("evacuated", "evacuated"),
)
# Active verbs right before a number: "killed 53 people", "wounding another 170".
ACTIVE_VERBS: dict[str, str] = {
    "killing": "killed", "killed": "killed", "kills": "killed", "kill": "killed", "murdering": "killed",
    "murdered": "killed", "claimed the lives of": "killed", "took the lives of": "killed",
    "wounding": "injured", "wounded": "injured", "wounds": "injured", "injuring": "injured",
    "injured": "injured", "injures": "injured", "hurting": "injured", "hurt": "injured",
    "shooting": "shot", "shot": "shot", "shoots": "shot", "arrested": "arrested", "arresting": "arrested",
    "detained": "arrested",
}
# between subject and verb
AUXILIARIES = frozenset(
    "were was are is have has had been being got get gets remain remains remained will be who that which "
    "also reportedly allegedly later all both each apparently critically seriously initially ultimately "
    "eventually subsequently tragically then just".split()
)
# words that cannot sit between a number and its noun
STOP = frozenset(
    "were was are is have has had been and or but in on at of the by with who that which for from to as "
    "after before when while during into said says say killed dead injured wounded shot died hurt "
    "than a an their his her its this these those them they we he she it".split()
)
