"""What an outlet's URL says of where it reports from.

``outlet_country_from_url`` reads the country from the top-level domain; ``outlet_city`` the big US city that the
host or the first folder names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from storyline.extract.places_gazetteer import Entry, key, load

_TLD_COUNTRY = {
    "uk": "GB",
    "ua": "UA",
    "ca": "CA",
    "au": "AU",
    "nz": "NZ",
    "ie": "IE",
    "in": "IN",
    "de": "DE",
    "fr": "FR",
    "ru": "RU",
    "za": "ZA",
    "ng": "NG",
    "ke": "KE",
    "pk": "PK",
    "il": "IL",
    "sg": "SG",
    "ph": "PH",
    "my": "MY",
    "es": "ES",
    "it": "IT",
    "nl": "NL",
    "be": "BE",
    "pl": "PL",
    "us": "US",
}


def outlet_country_from_url(url: str | None) -> str | None:
    """ISO country of an outlet from its URL's top-level domain (".co.uk" -> GB), or None."""
    if not url:
        return None
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    return _TLD_COUNTRY.get(host.rsplit(".", 1)[-1]) if "." in host else None


# An outlet whose host names a big city ("kansascity.com", "fox5atlanta.com", "pittsburgh.cbslocal.com", or
# "dnainfo.com/chicago/..." as the first folder) reports on that city and its state. Only names of US cities with at
# least this many people, written at the start or the end of a host label, and only when that name's biggest town has
# OUTLET_CITY_MARGIN times the people of the next one ("springfieldnewssun" and "pasadenastarnews" name no state).
# Hand-set; checked on the hosts of gva-dev (the 100 hosts that name a city: 3 read wrong at 50,000, none at 100,000).
OUTLET_CITY_POPULATION = 100_000
OUTLET_CITY_MARGIN = 3.0


@lru_cache(maxsize=1)
def _outlet_city_names() -> dict[str, Entry]:
    """Big US cities by their name squashed to letters ("kansascity"), when the name is unambiguous."""
    names: dict[str, Entry] = {}
    for entries in load().cities.values():
        towns = sorted((e for e in entries if e.country == "US" and e.kind == "city"), key=lambda e: -e.population)
        if not towns or towns[0].population < OUTLET_CITY_POPULATION:
            continue
        if len(towns) > 1 and towns[0].population < OUTLET_CITY_MARGIN * towns[1].population:
            continue
        squashed = re.sub(r"[^a-z]", "", key(towns[0].name))
        if len(squashed) >= 4:
            names[squashed] = towns[0]
    return names


def outlet_city(url: str | None) -> tuple[str, str] | None:
    """(city, state) that an outlet's host or first folder names ("fox5atlanta.com" -> Atlanta, Georgia), or None."""
    if not url:
        return None
    parsed = urlparse(url if "//" in url else f"//{url}")
    return _outlet_city(parsed.hostname or "", parsed.path.strip("/").split("/")[0])


@lru_cache(maxsize=4096)  # per host and first folder: an outlet's articles ask again and again
def _outlet_city(hostname: str, first_folder: str) -> tuple[str, str] | None:
    labels = hostname.removeprefix("www.").split(".")[:-1]
    names = _outlet_city_names()
    found = [n for label in labels for n in names if label.startswith(n) or label.endswith(n)]
    folder = re.sub(r"[^a-z]", "", first_folder.lower())
    gaz = load()
    if folder in names and gaz.state_code(folder) is None:
        found.append(folder)
    if not found:
        return None
    entry = names[max(found, key=len)]
    return entry.name, gaz.state_names.get(entry.region or "", "")
