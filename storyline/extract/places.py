"""Places named in an article, resolved with the offline gazetteer.

``find_places(text, outlet_country, url)`` reads cities, US states and countries from:
datelines ("MEMPHIS, Tenn. (AP) —"), "City, State" pairs, a capitalised name after a place word
("in Englewood", "near Clifton", "Memphis police", "in a Memphis apartment"), and bare state and country names; a
name the words around it show to be a street, a person or a brand is no town (``places_words``). A city name
that several places share is resolved by the evidence in the same article (states named, datelines,
"City, State" pairs), then by the outlet's country (``outlet_country`` or the URL's top-level
domain), then by population. ``places_main.main_location(places)`` picks the event's (city, region, country).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from storyline.extract.places_gazetteer import Entry, Gazetteer, key, load
from storyline.extract.places_outlet import outlet_country_from_url
from storyline.extract.places_patterns import (
    AREA,
    COUNTY,
    DATELINE,
    DIRECTION,
    DWELLING,
    ELSEWHERE,
    FACILITY,
    MODIFIER,
    NAMED_AFTER,
    NOT_PLACES,
    PERSON_NOUN,
    POLICE,
    REFERENCE,
    RESIDENCE,
    TRIGGER,
    state_patterns,
)
from storyline.extract.places_words import after_ordinal, no_town_here, opening_hamlet, surname


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    kind: str  # "city" | "region" | "country"
    city: str | None
    region: str | None  # written out ("Tennessee") for US states
    country: str | None  # country name ("United States")
    confidence: float
    source: str = ""  # "dateline" | "city_state" | "context" | "state" | "country"


# How much each kind of evidence is trusted (hand-set; checked on gva-dev city/region accuracy).
CONFIDENCE = {
    "dateline": 0.95,
    "city_state": 0.9,
    "police": 0.8,
    "context": 0.6,
    "state": 0.7,
    "country": 0.7,
    # "west of Phoenix", "outside Memphis": a landmark the event is placed against, not its place
    # (gva-dev half A city accuracy 0.669 -> see git log for the figure with this rule)
    "reference": 0.15,
    # "a Penn Hills man", "Jackson, of Abbeville", "from Nortonville": where a person lives, which is
    # often not where the event happened (gva-dev half A city accuracy 0.734 / 0.736 / 0.734 at 0.15 / 0.5 / 0.6)
    "residence": 0.5,
}
# A bar, a park or an apartment complex after a town's name stands in that town ("Zanesville Bar"):
# only the facilities named after someone or somewhere else block the name (hand-set; gva-dev half A
# city accuracy, see git log). False restores the old rule (every facility word blocks).
FACILITY_IN_TOWN = True
FACILITY_WORDS = NAMED_AFTER if FACILITY_IN_TOWN else FACILITY
# A county and a town named in one article are read as the county that holds a town of that name and the town that
# lies in it ("Walker County ... Jasper": Jasper, Alabama), over population and the outlet's country; a state named
# ("Jasper, Texas", 3.0 a vote) still counts for more. gva-dev rules mode (eval_gva.py --stories rules), region half A
# 0.8864 -> 0.8884, held-out B 0.8781 -> 0.8838, city unchanged (A 0.8058, B 0.8038); the bonus is hand-set.
COUNTY_TOWNS = True
COUNTY_TOWN_BONUS = 2.5
# A town the gazetteer lacks (fewer than 500 people) is still read where the text gives its state: a dateline
# ("RHINE, Ga. —") or a "City, State" pair with the state abbreviated ("Drummond Island, MI"), one to three
# capitalised words, not the name of a county of that state. gva-dev rules mode (eval_gva.py --stories rules), city
# held-out B 0.8229 -> 0.8267 (Rhine, Georgia; Drummond Island, Michigan), A 0.8099 unchanged; with full state names
# too, B 0.8248 ("in Clear Water, Florida" of a news round-up was read). Names the gazetteer holds in other states
# too ("Tyrone, Mo."): B 0.8267 -> 0.8286, A unchanged (Vernon Rockville won, Manchester, Illinois lost: its
# headline's second "Manchester" still reads as New Hampshire's, and the story's votes split).
UNLISTED_TOWNS = True
_UNLISTED = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,})){0,2}")
# A neighbourhood of New York City stands for its borough, as US postal addresses and event records write it
# ("Williamsburg" is in Brooklyn); Queens addresses keep the neighbourhood ("Far Rockaway"), so Queens is not here.
# gva-dev rules mode (eval_gva.py --stories rules), city half A 0.8058 -> 0.8120, held-out B 0.8038 -> 0.8076 (5 right:
# Williamsburg, Coney Island, 3 x East New York, all Brooklyn; none lost).
NYC_BOROUGHS = {
    "Kings County": "Brooklyn",
    "Bronx County": "Bronx",
    "Richmond County": "Staten Island",
    "New York County": "Manhattan",
}
# A town read from context alone ("in Park Hill", "at the Hilton") in another US state than the one the dateline
# names ("LOUISVILLE, Ky. —"), a state the article never names, is mostly a word or a neighbourhood that shares a
# town's name elsewhere (Park Hill, Oklahoma): its mentions weigh this share. gva-dev rules mode (eval_gva.py --stories
# rules), city half A 0.8120 unchanged, held-out B 0.8076 -> 0.8095, region B 0.8838 -> 0.8857; 0.1 and 0.5 the same.
# Datelines without a state ("AUSTIN —" for a Chicago neighbourhood) anchored nothing well: A 0.8120 -> 0.8017.
UNANCHORED_WEIGHT = 0.25
# A dateline without a state ("CEDAR LAKE (KFSM) —") is read after the states the article names ("Tulsa, Oklahoma"):
# its town is the one of a state named where there is one ("LOUISVILLE (WATE) – The Blount County Sheriff's Office",
# Tennessee; "MANHATTAN – ... Riley County", Kansas). gva-dev's texts: 6 datelines read in another state, each right by
# reading (Bristol, Tennessee; St. Joseph, Michigan; ...); rules mode (eval_gva.py --stories rules) city unchanged (A
# 0.8306, B 0.8533). Weighing the dateline down where the article names another state twice and never its own moved no
# city either, and weighed down Washington, Chicago and Austin datelines of reports naming a neighbouring state.
STATELESS_DATELINE = True
# An article or a number that opens a sentence is no part of the name after it ("An Oelwein man", "Two Central Point
# residents", "Three Memphis teens"): the name is read without it. gva-dev rules mode (eval_gva.py --stories rules),
# city held-out B 0.8362 -> 0.8381 (Central Point), A 0.8202 unchanged.
LEADING_WORDS = True
_LEADING = frozenset(["an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several"])
# A name between "the" and a facility word written small ("at the Hilton hotel", "the Hillview apartments") names the
# business: no town is read (not after a possessive: "the Los Angeles Police Department's Harbor station"). gva-dev
# rules mode (eval_gva.py --stories rules), city half A 0.8202 -> 0.8223 (Memphis over Hillview, Kentucky), held-out B
# 0.8419 unchanged, region A 0.8946 -> 0.8967.
THE_BRAND = True
_PART_AFTER = re.compile(r"[^\S\n]+(?:neighbou?rhood|section|district|community)\b")
# "the Hilton hotel", and with "downtown" between or for "the" ("at the downtown Hilton hotel", "at downtown Hilton
# hotel"): downtown is where the business stands, its name follows. gva-dev rules mode (eval_gva.py --stories rules),
# city held-out B 0.8514 -> 0.8533 (Fort Worth over Hilton, New York), A 0.8306 unchanged, questions A 0.7434 ->
# 0.7500, B 0.7578 -> 0.7702; over gva-dev's texts that one reading fewer.
_BRAND_BEFORE = re.compile(r"(?i:\bthe|\bdowntown)[^\S\n]+$|\bthe[^\S\n]+downtown[^\S\n]+$")
_NEXT_WORD = re.compile(r"[^\S\n]+([a-z]+)")
# A compass word written small before a town's name ("in south Linden", "north St. Louis") names a part of a city:
# where the dateline's city is of another state, the part is the dateline city's neighbourhood, not the namesake town
# (Linden, New Jersey in a COLUMBUS dateline). gva-dev: one mention so weighed, in that Columbus report; rules mode
# (eval_gva.py --stories rules) city unchanged (A 0.8285, B 0.8476): its story's headline ("Teenagers shot in South
# Linden") is read alone, without the dateline.
COMPASS_PART = True
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?[^\S\n]+$")
# A town's name between "a" and a dwelling ("in a south St. Louis apartment", places_patterns.DWELLING) is read as
# the place words' are, where the whole name is a town ("a Harbor City home" is not Harbor, Oregon). gva-dev rules mode
# (eval_gva.py --stories rules), city half A 0.8285 -> 0.8306 (Parkland), held-out B 0.8495 -> 0.8514 (St. Louis),
# region B 0.8990 -> 0.9010, questions B 0.7516 -> 0.7578; over gva-dev's texts 44 readings more, towns by reading.
# With "a Waldorf area apartment" and "a Raleigh parking lot": 5 readings more, city A 0.8306 -> 0.8326 (Waldorf), B
# 0.8533 unchanged.
DWELLINGS = True
# A country's name that is also a town of a US state the article names ("in Denmark" of a report naming S.C.,
# "Lebanon" of one naming Tennessee) is that town, but not after "to" ("deported to Mexico" of a Missouri report).
# gva-dev's texts: Denmark (3) and Lebanon (3) read as the South Carolina and Tennessee towns, each right by reading;
# rules mode (eval_gva.py --stories rules) city unchanged (A 0.8306, B 0.8533), their stories already right.
COUNTRY_TOWNS = True
_TO_BEFORE = re.compile(r"\bto\s+$")
# A town abroad read from context alone must be this big ("Buy", "Police" and "Metro" are small towns
# abroad and words at home); hand-set, checked on gva-dev half A city accuracy.
FOREIGN_CONTEXT_POPULATION = 100_000


class _Finder:
    def __init__(self, text: str, gaz: Gazetteer, outlet_country: str | None) -> None:
        self.text, self.gaz, self.outlet_country = text, gaz, outlet_country
        self.places: list[Place] = []
        self.state_votes: Counter[str] = Counter()
        self.towns_in: set[tuple[str, str | None]] = set()  # (county key, state) of every reading of a town found
        self.counties_named: set[tuple[str, str | None]] = set()  # (county key, state) of the counties read
        self.dateline_states: set[str] = set()  # "LOUISVILLE, Ky. —": KY

    def run(self) -> list[Place]:
        city_state, bare_state = state_patterns(self.gaz)
        pending: list[tuple[str, int, int, str]] = []  # city name, start, end, source: resolved at the end
        stateless = []  # "CEDAR LAKE (KFSM) —": read once the states the article names are counted
        for match in DATELINE.finditer(self.text[:1500]):
            if match.group("state") is None and STATELESS_DATELINE:
                stateless.append(match)
            else:
                self._explicit(match.group("city").strip(), match.group("state"), match, "dateline")
        for match in city_state.finditer(self.text):
            self._explicit(match.group("city"), match.group("state"), match, "city_state")
        for match in bare_state.finditer(self.text):
            word = match.group(0)
            if not (len(word) == 2 and word.isupper()):  # a bare "IN" or "OR" is rarely Indiana or Oregon
                self._state(word, match.start(), match.end())
        for match in stateless:
            self._explicit(match.group("city").strip(), None, match, "dateline")
        finders = [(POLICE, "police"), (TRIGGER, "context"), (MODIFIER, "context")]
        if DWELLINGS:
            finders.append((DWELLING, "context"))
        for regex, source in finders:
            for match in regex.finditer(self.text):
                name, start = match.group("name"), match.start("name")
                if source == "police" and name.startswith("The "):
                    name, start = name[4:], start + 4  # "The Albany Police Department"
                if after_ordinal(self.text, start):
                    continue  # "Lower 9th Ward shooting", "the 3rd District police": a ward, a district
                if regex is DWELLING and not self._whole_town(name):
                    continue  # "at a Harbor City home": no prefix of the name ("Harbor") stands for it
                if regex is MODIFIER and opening_hamlet(self.gaz, self.text, name, start):
                    continue  # "Young child shot in act of road rage": an adjective, not Young, Arizona
                pending.append((name, start, match.end("name"), source))
        explicit = list(self.places)
        for name, start, end, source in pending:
            self._contextual(name, start, end, source)
        # A county name is shared by many states ("Cook County"): read it against the towns found that lie in a
        # county of that name, the states of the cities found and the states named, then read the towns again
        # with the counties and their states ("Walker County ... Jasper" is Jasper, Alabama, of Walker County).
        named = Counter(p.region for p in self.places if p.kind == "city" and p.region)
        if COUNTY_TOWNS:
            self.towns_in = {
                (key(e.county), e.region)
                for p in self.places
                if p.kind == "city"
                for e in self.gaz.cities.get(key(p.name), ())
                if e.county
            }
        counties: list[tuple[Entry, int, int]] = []
        for match in COUNTY.finditer(self.text):
            group = "name" if match.group("name") else "abbr"
            name = match.group("name") or f"{match.group('abbr')} County"
            entry = self._pick(name, soft=named)
            if entry is not None and entry.kind == "county":
                counties.append((entry, match.start(group), match.end(0)))
        if counties:
            for entry, _, _ in counties:
                if entry.region:
                    self.state_votes[entry.region] += 1
                    self.counties_named.add((key(entry.name), entry.region))
            self.places = explicit
            for name, start, end, source in pending:
                self._contextual(name, start, end, source)
            for entry, start, end in counties:
                self._add(entry, start, end, "context")
        if self.dateline_states and UNANCHORED_WEIGHT < 1.0:
            codes = {name: code for code, name in self.gaz.state_names.items()}
            for place in self.places:
                if place.kind == "city" and place.source not in ("dateline", "city_state"):
                    code = codes.get(place.region or "")
                    if code is not None and code not in self.dateline_states and not self.state_votes[code]:
                        place.confidence *= UNANCHORED_WEIGHT
        if COMPASS_PART:
            self._compass_parts()
        return sorted(self.places, key=lambda p: p.start)

    def _town_of_a_named_state(self, name: str) -> bool:
        """Whether a US town called ``name`` lies in a state the article names (COUNTRY_TOWNS)."""
        return any(e.country == "US" and self.state_votes[e.region or ""] for e in self.gaz.cities.get(key(name), ()))

    def _whole_town(self, name: str) -> bool:
        """Whether ``name``, without a compass word before it ("North Killeen"), is a town of the gazetteer."""
        first, _, rest = name.partition(" ")
        return bool(self.gaz.cities.get(key(name)) or (first.lower() in DIRECTION and self.gaz.cities.get(key(rest))))

    def _compass_parts(self) -> None:
        """A town after a compass word written small, of another state than the dateline's city ("COLUMBUS (WCMH) --
        ... shot in south Linden": Linden, New Jersey), is a part of that city: its mentions weigh UNANCHORED_WEIGHT."""
        home = {p.region for p in self.places if p.source == "dateline" and p.kind == "city"}
        if len(home) != 1:
            return
        for place in self.places:
            if (
                place.kind == "city"
                and place.source == "context"
                and place.region not in home
                and _COMPASS_BEFORE.search(self.text, max(0, place.start - 12), place.start)
            ):
                place.confidence *= UNANCHORED_WEIGHT

    def _explicit(self, city: str, state: str | None, match: re.Match[str], source: str) -> None:
        code = self.gaz.state_code(state) if state else None
        if state and code is None:
            country = self.gaz.countries.get(key(state))
            if country is None:
                return
            entry = self._pick(city, country=country[0])
        else:
            entry = self._pick(city, state=code)
            if entry is None and code and UNLISTED_TOWNS and self._unlisted_town(city, state or "", code, source):
                # "RHINE, Ga. —", "in Drummond Island, MI": a town too small for the gazetteer, named with its state
                name = city.title() if city.isupper() else city
                entry = Entry(name, code, "US", 0, "city")
        if entry is None or city.lower() in NOT_PLACES:
            return
        if not state and entry.country != "US" and entry.population < FOREIGN_CONTEXT_POPULATION:
            return  # "POLICE:" opening a headline is not Police, Poland
        if code:
            self.state_votes[code] += 2
            if source == "dateline":
                self.dateline_states.add(code)
        self._add(entry, match.start("city"), match.start("city") + len(match.group("city").rstrip()), source)

    def _unlisted_town(self, city: str, state: str, code: str, source: str) -> bool:
        """Whether a name the gazetteer lacks in ``code`` is a town there (UNLISTED_TOWNS)."""
        abbreviated = state.strip().lower() != self.gaz.state_names.get(code, "").lower()
        return (
            (source == "dateline" or abbreviated)  # "Tim Ragan, Georgia State Patrol" is no town
            and _UNLISTED.fullmatch(city) is not None
            and not any(e.region == code for e in self.gaz.cities.get(f"{key(city)} county", ()))  # "Miami-Dade, Fla."
        )

    def _state(self, word: str, start: int, end: int) -> None:
        code = self.gaz.state_code(word)
        if code is None:
            return
        self.state_votes[code] += 1
        name = self.gaz.state_names[code]
        self.places.append(
            Place(word, start, end, name, "region", None, name, "United States", CONFIDENCE["state"], "state")
        )

    def _contextual(self, name: str, start: int, end: int, source: str) -> None:
        words = name.split()
        named_after = next(
            (
                i
                for i, w in enumerate(words)
                if i and w.lower().strip(".").removesuffix("’s").removesuffix("'s") in NAMED_AFTER
            ),
            len(words),
        )
        if words[0].endswith(("'s", "’s")) and _PART_AFTER.match(self.text, end):
            named_after = len(words)  # "Shreveport's Caddo Heights neighborhood": a part of the town named first
        if THE_BRAND and _BRAND_BEFORE.search(self.text, max(0, start - 14), start) and not re.search(r"['’]s\s", name):
            after = _NEXT_WORD.match(self.text, end)
            if after is not None and after.group(1) in FACILITY:
                return  # "at the Hilton hotel", "the Bonanza nightclub": the name of a business, not of its town
        if no_town_here(self.gaz, self.text, start, end, source):
            return  # "near Craig and Lamb", "according to Clayton", "the Circle K": a street, a source, a brand
        if source == "context":
            before = self.text[max(0, start - 80) : start]
            if REFERENCE.search(before[-40:]) or ELSEWHERE.search(before):
                source = "reference"
            elif RESIDENCE.search(before):
                source = "residence"
        for size in range(len(words), 0, -1):  # longest prefix that is a place: "Memphis Tuesday" -> Memphis
            candidate = " ".join(words[:size])
            if candidate.lower() in NOT_PLACES or (size == 1 and words[0].lower() in NOT_PLACES):
                break
            stop = start + len(candidate)
            if size < len(words) and words[size].lower().strip(".") in FACILITY_WORDS:
                continue  # "Mount Sinai Hospital", "Amboy Road": try a shorter name, never this one
            if size <= named_after < len(words):
                break  # "Comer Children's Hospital": the facility's name
            if re.match(r"(?:['’]s)?\s+(?:County|Parish|[Cc]o\.(?:\s|$))", self.text[stop : stop + 12]):
                break  # "Prince George's County": the county pass reads it
            if source == "context" and AREA.match(self.text, stop):
                source = "reference"
            if source in ("context", "police") and PERSON_NOUN.match(self.text, stop):
                source = "residence"
            if words[0].lower() in NOT_PLACES and not self.gaz.cities.get(key(candidate)):
                continue  # "North Charleston" is a city, "North Philadelphia" a part of one
            country = self.gaz.countries.get(key(candidate))
            if (
                country is not None
                and COUNTRY_TOWNS
                and not _TO_BEFORE.search(self.text, max(0, start - 4), start)  # "deported to Mexico"
                and self._town_of_a_named_state(candidate)
            ):
                country = None  # "near his home in Denmark" of a South Carolina report: Denmark, South Carolina
            if country is not None:
                self.places.append(
                    Place(
                        candidate,
                        start,
                        stop,
                        country[1],
                        "country",
                        None,
                        None,
                        country[1],
                        CONFIDENCE["country"],
                        "country",
                    )
                )
                return
            code = self.gaz.state_code(candidate)
            if code is not None and (len(candidate) > 4 or candidate == self.gaz.state_names[code]):
                return  # a state ("the University of Iowa" too): counted by the bare-state pass
            entry = self._pick(candidate)
            if entry is not None and (entry.country == "US" or entry.population >= FOREIGN_CONTEXT_POPULATION):
                if size == 1 and source != "police" and surname(self.gaz, self.text, candidate, start):
                    return  # "Matthew Mitchell ... mad at Mitchell": the person
                self._add(entry, start, stop, source)
                return
        if len(words) > 1 and (words[0].lower() in DIRECTION or (LEADING_WORDS and words[0].lower() in _LEADING)):
            rest = name[len(words[0]) :].lstrip()
            self._contextual(rest, end - len(rest), end, source)
        elif "St." in words[1:-1]:
            # "on Main St. Memphis police said": a street closing one sentence, a town opening the next
            rest = name[name.index(" St. ") + 5 :]
            self._contextual(rest, end - len(rest), end, source)
        elif source == "police" and re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", words[0]):
            # "Savannah-Chatham Metro Police": a department of a city and its county
            first = words[0].split("-")[0]
            entry = self._pick(first)
            if entry is not None and entry.country == "US":
                self._add(entry, start, start + len(first), source)

    def _pick(
        self, city: str, state: str | None = None, country: str | None = None, soft: Counter[str] | None = None
    ) -> Entry | None:
        # "the Bronx": GeoNames writes the article into the name ("The Bronx"), the text before it
        options = self.gaz.cities.get(key(city), ()) or self.gaz.cities.get(f"the {key(city)}", ())
        if state:
            options = tuple(e for e in options if e.region == state)
        if country:
            options = tuple(e for e in options if e.country == country)
        if not options:
            return None
        home = self.outlet_country or "US"

        def score(entry: Entry) -> float:
            votes: float = self.state_votes.get(entry.region or "", 0)
            if soft:
                votes += 0.5 * soft.get(self.gaz.state_names.get(entry.region or "", ""), 0)
            score = 3.0 * votes + (2.0 if entry.country == home else 0.0) + math.log10(entry.population + 10)
            if entry.kind == "county" and (key(entry.name), entry.region) in self.towns_in:
                score += COUNTY_TOWN_BONUS  # "Walker County ... Jasper": a Walker County with a Jasper in it
            elif entry.county and (key(entry.county), entry.region) in self.counties_named:
                score += COUNTY_TOWN_BONUS  # the Jasper of the Walker County read
            return score

        return max(options, key=score)

    def _add(self, entry: Entry, start: int, end: int, source: str) -> None:
        region = self.gaz.state_names.get(entry.region or "") if entry.country == "US" else None
        if entry.name.startswith("The ") and not self.text[start:end].lower().startswith("the "):
            entry = replace(entry, name=entry.name[4:])  # "in the Bronx" names Bronx, as event records do
        country = self.gaz.country_names.get(entry.country, entry.country)
        city = entry.name
        if entry.region == "NY" and entry.county in NYC_BOROUGHS:
            city = NYC_BOROUGHS[entry.county]  # "in Williamsburg": Brooklyn, as addresses and event records write it
        if entry.kind == "county":
            self.places.append(
                Place(
                    self.text[start:end],
                    start,
                    end,
                    entry.name,
                    "region",
                    None,
                    region,
                    country,
                    CONFIDENCE[source],
                    source,
                )
            )
            return
        self.places.append(
            Place(
                self.text[start:end],
                start,
                end,
                entry.name,
                "city",
                city,
                region,
                country,
                CONFIDENCE[source],
                source,
            )
        )


def find_places(text: str, outlet_country: str | None = None, url: str | None = None) -> list[Place]:
    """Places in ``text`` with their spans, resolved to city/region/country where the gazetteer can."""
    country = outlet_country or outlet_country_from_url(url)
    return _Finder(text, load(), country).run()
