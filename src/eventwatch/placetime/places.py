"""Toponym recognition and disambiguation: which places a text names, and which of the
places sharing a name it means.

Recognition: spaCy GPE/LOC/FAC entities, plus gazetteer matches the small model misses or
mislabels ("Saraqeb" as ORG, "Bab al-Hawa" as PERSON), with word cues (``cues``) for names
before a local institution ("Winnipeg police") and for people ("Mr Paterson"). Demonyms
("Turkish") are never places, but they do tell which countries the text is about.

Disambiguation scores every candidate: the kind of place (country › admin1 › big city for a
bare ambiguous name), population, national capitals, an explicit kind word ("Idlib province"),
and above all the countries the text is about: the caller's hint, the unambiguous places and
the demonyms in the same text, and a "City, State" pattern. A town in a country the article is
about beats a bigger namesake elsewhere, second-tier small towns included; a repeated name
never votes for itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventwatch.placetime import cues
from eventwatch.placetime.gazetteer import (
    ADMIN_SUFFIXES,
    CITY_SUFFIXES,
    Candidate,
    Gazetteer,
    Location,
    load_gazetteer,
    load_minor_places,
    normalize,
)
from eventwatch.placetime.minor import MinorPlaces

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model puts on places it does not know; overridden by a gazetteer match.
MISLABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"})
NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
                        "LAW"})
STRONG_CITY_POPULATION = 100_000
MAX_SCAN_TOKENS = 12  # "Bab al - Salam border crossing" is 6 tokens
DIRECTIONS = frozenset({"eastern", "western", "northern", "southern", "east", "west", "north",
                        "south", "northeastern", "northwestern", "southeastern", "southwestern"})
# Capitalised words that are gazetteer names but far more often something else.
COMMON_WORDS = frozenset(
    "may march june august university police army government president minister state city "
    "mobile reading nice split bath dover orange victory independence liberty union unity "
    "justice concord hope faith progress commerce industry enterprise opportunity "
    "north south east west central time olympic hail police department liberty".split()
)


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place mention.

    start, end (int): character offsets of the mention in the text given to ``find_places``.
    text (str): the mention as written; ``name`` is the gazetteer's name for the place.
    country (str | None): ISO3; ``None`` only for supranational regions (precision ``region``).
    precision (str): ``country``, ``admin1``, ``city``, ``site`` or ``region``.
    """

    start: int
    end: int
    text: str
    name: str
    geonames_id: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature_class: str
    precision: str


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    kind: str | None  # "admin1"/"city" when the text said so ("Idlib province")
    minor: bool = False  # candidates from the second tier (small towns): no context evidence


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]]
    hint: frozenset[str]


def find_places(text: str | Doc, nlp: Language | None = None, *,
                countries_hint: Iterable[str] = frozenset(),
                demonyms: bool = False) -> list[Place]:
    """Places named in ``text`` (a string, parsed with ``nlp``, or an already parsed Doc), in
    text order, with offsets into that string or ``doc.text`` (for a sentence Doc, add the
    sentence's own offset). ``countries_hint``: ISO3 codes of the countries the article is
    about; the rest of the context comes from the text itself. ``demonyms``: also report
    demonyms ("Turkish", "Syrians") as references to their country, at country precision, as
    toponym-level geoparsing counts them (never for an event's location)."""
    if isinstance(text, str):
        if nlp is None:
            raise ValueError("find_places needs the spaCy pipeline to parse a string")
        doc = nlp(text)
    else:
        doc = text
    gazetteer = load_gazetteer()
    mentions = _mentions(doc, gazetteer)
    hint = frozenset(code.upper() for code in countries_hint)
    demonym_counts = _demonym_countries(doc, gazetteer)
    pairs = _city_state_pairs(doc.text, mentions)

    sole = [_sole_country(m) for m in mentions]
    reliable = Counter(c for c in sole if c) + demonym_counts
    context = _Context(reliable, Counter(), hint)
    first = [_best(m, context, gazetteer, pairs.get(i)) for i, m in enumerate(mentions)]
    major = [loc if not m.minor else None for m, loc in zip(mentions, first, strict=True)]
    countries = Counter(loc.country for loc in major if loc is not None and loc.country)
    admin1 = Counter((loc.country, loc.admin1) for loc in major
                     if loc is not None and loc.country and loc.admin1)
    keys = [normalize(m.text) for m in mentions]
    places = []
    for i, mention in enumerate(mentions):
        # A name repeated does not vote for itself: "Edmonton" twice is no evidence of Canada.
        same = [j for j, key in enumerate(keys) if key == keys[i]]
        own = [first[j] for j in same if major[j] is not None]
        mention = _with_local_namesakes(mention, first[i], _without(reliable, *(
            sole[j] for j in same)), hint, pairs.get(i))
        context = _Context(_without(countries + demonym_counts, *(o.country for o in own)),
                           _without(admin1, *((o.country, o.admin1) for o in own)), hint)
        location = _best(mention, context, gazetteer, pairs.get(i))
        if location is not None:
            places.append(_place(mention, location))
    if demonyms:
        places = sorted(places + _demonym_places(doc, gazetteer, places), key=lambda p: p.start)
    return places


def _demonym_places(doc: Doc, gazetteer: Gazetteer, taken: list[Place]) -> list[Place]:
    covered = {i for p in taken for i in range(p.start, p.end)}
    by_country = _country_locations()
    regions = _region_references()
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        pair = doc[i : i + 2].text if i + 1 < len(doc) else ""
        if token.idx in covered or not token.text[:1].isupper():
            i += 1
            continue
        if pair in regions:  # "European Union", "North American"
            found.append(_place(_Mention(token.idx, token.idx + len(pair), pair, (), None),
                                regions[pair]))
            i += 2
            continue
        location, width = regions.get(token.text), 1
        if location is None:
            country, width = _demonym_at(doc, i, gazetteer)
            location = by_country.get(country or "")
        if location is not None:
            end = doc[i + width - 1].idx + len(doc[i + width - 1])
            mention = _Mention(token.idx, end, doc.text[token.idx:end], (), None)
            found.append(_place(mention, location))
        i += width
    return found


def _demonym_at(doc: Doc, i: int, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """The country of a demonym starting at token ``i`` and its length in tokens: a two-word
    one first ("North Korean", "South African"), then a one-word one; a language ("in
    English") is none, though an adjective of it is ("the English city of Salisbury")."""
    token = doc[i]
    if i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and token.lower_ not in {
            "the", "a", "an"}:
        country = gazetteer.demonym_country(doc[i:i + 2].text)
        if country:
            return country, 2
    if token.pos_ not in {"ADJ", "PROPN", "NOUN"} or (
            token.ent_type_ == "LANGUAGE" and token.dep_ not in {"amod", "compound"}):
        return None, 1
    return gazetteer.demonym_country(token.text), 1


@lru_cache(maxsize=1)
def _region_references() -> dict[str, Location]:
    """Phrase → region entry, from ``data/places/region_references.tsv``."""
    text = resources.files("eventwatch").joinpath(
        "data/places/region_references.tsv").read_text("utf-8")
    gazetteer = load_gazetteer()
    out: dict[str, Location] = {}
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith(("#", "phrase\t")):
            continue
        phrase, region = line.split("\t")[:2]
        candidates = [c.location for c in gazetteer.lookup(region)
                      if c.location.precision == "region"]
        if candidates:
            out[phrase] = candidates[0]
    return out


@lru_cache(maxsize=1)
def _country_locations() -> dict[str, Location]:
    """ISO3 → the country's own gazetteer entry (built once, from the cached gazetteer)."""
    return {loc.country: loc for loc in load_gazetteer().by_id.values()
            if loc.precision == "country" and loc.country}


def _without(counter: Counter, *keys: object) -> Counter:
    """``counter`` less one count per key (keys that are None or absent are skipped)."""
    keys = tuple(k for k in keys if k and counter.get(k, 0) > 0)  # type: ignore[arg-type]
    if not keys:
        return counter
    result = Counter(counter)
    result.subtract(keys)
    return +result


def _place(mention: _Mention, loc: Location) -> Place:
    return Place(start=mention.start, end=mention.end, text=mention.text, name=loc.name,
                 geonames_id=loc.geonames_id, lat=round(loc.lat, 5), lon=round(loc.lon, 5),
                 country=loc.country, admin1=loc.admin1, feature_class=loc.feature_class,
                 precision=loc.precision)


# --- recognition ---------------------------------------------------------------------------


def _mentions(doc: Doc, gazetteer: Gazetteer) -> list[_Mention]:
    """Entity mentions first, then gazetteer matches over the tokens they leave free."""
    covered = [False] * len(doc)
    blocked = [False] * len(doc)  # tokens of names of people, dates, numbers
    people = [False] * len(doc)  # tokens of names of people only
    for i in cues.person_tokens(doc, _region_words()):
        blocked[i] = people[i] = True
    found: list[_Mention] = []
    for ent in doc.ents:
        label = ent.label_
        if len(ent) == 1 and blocked[ent.start]:
            continue
        if label in NOT_PLACES:
            _mark(blocked, ent)
            continue
        if label not in PLACE_LABELS and label not in MISLABELS:
            continue
        if gazetteer.demonym_country(ent.text) is not None:
            _mark(blocked, ent)
            continue
        mention = _match_entity(doc, ent, gazetteer)
        if mention is None:
            mention = _match_minor(doc, ent, gazetteer)
        if mention is not None:
            mention, last = _extend(doc, ent, mention, gazetteer)
            found.append(mention)
            _mark(covered, doc[ent.start:max(ent.end, last)])
        elif label == "PERSON" and len(ent) > 1:
            _mark(blocked, ent)
            _mark(people, ent)
    found.extend(_scan(doc, gazetteer, covered, blocked))
    found.extend(_repeats(doc, found, covered, people))
    found.sort(key=lambda m: m.start)
    return found


def _repeats(doc: Doc, found: Sequence[_Mention], covered: list[bool],
             people: list[bool]) -> list[_Mention]:
    """One sense per text: a name taken for a place once is a place wherever else it is
    written capitalised and free ("Allendale" after "the town of Allendale" is a place in "the
    Allendale Garden Club" and as a sentence's subject), unless it names a person there. Not for
    abbreviations ("OAS", "PoP"), common words, or a name the model tags as a person at least as
    often as as a place ("Noma said")."""
    labels: Counter[tuple[str, str]] = Counter(
        (normalize(ent.text), "PERSON" if ent.label_ == "PERSON" else "place")
        for ent in doc.ents if ent.label_ == "PERSON" or ent.label_ in PLACE_LABELS)
    known: dict[str, _Mention] = {}
    for mention in found:
        key = normalize(mention.text)
        if (mention.text != mention.text.title() and len(mention.text) <= 4) or (
                key in COMMON_WORDS or labels[key, "PERSON"] >= max(labels[key, "place"], 1)):
            continue
        known.setdefault(key, mention)
    if not known:
        return []
    longest = max(len(key.split()) for key in known)
    repeats: list[_Mention] = []
    i, n = 0, len(doc)
    while i < n:
        if covered[i] or people[i] or not doc[i].text[:1].isupper():
            i += 1
            continue
        for j in range(min(n, i + 2 * longest), i, -1):
            if any(covered[k] or people[k] for k in range(i, j)):
                continue
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            seen = known.get(normalize(doc.text[start:end]))
            if seen is not None:
                repeats.append(_Mention(start, end, doc.text[start:end], seen.candidates,
                                        seen.kind, seen.minor))
                i = j
                break
        else:
            i += 1
    return repeats


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """One-word names of countries and first-level divisions ("georgia", "jordan"): a person
    sharing one does not make every mention of it a person."""
    return frozenset(key for key, candidates in load_gazetteer().names.items()
                     if " " not in key and any(c.location.precision in {"country", "admin1"}
                                               for c in candidates))


def _mark(flags: list[bool], span: Span) -> None:
    for i in range(span.start, span.end):
        flags[i] = True


def _match_entity(doc: Doc, ent: Span, gazetteer: Gazetteer) -> _Mention | None:
    start, end = _trim(doc.text, ent.start_char, ent.end_char)
    if start >= end:
        return None
    wider = _widen(doc, ent.start, end, gazetteer)
    if wider is not None:
        return wider
    mention = _lookup(doc.text, start, end, gazetteer)
    if mention is None:
        return None
    if ent.label_ in PLACE_LABELS:
        return mention
    # A mislabelled entity becomes a place only on strong gazetteer evidence.
    multiword = " " in mention.text.strip() or "-" in mention.text
    if ent.label_ == "PERSON" and not multiword:
        return mention if any(_curated(c.location) for c in mention.candidates) else None
    return mention if multiword or any(_strong(c) for c in mention.candidates) else None


# Context that makes an unknown capitalised name a small town: "in Red Oak", "near New Quay",
# "the town of Virden", "Mount Sheridan, Bentley Park and Trinity Beach" after "suburbs of".
MINOR_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "from", "between", "around"})
MINOR_NOUNS = frozenset({"town", "village", "suburb", "suburbs", "city", "hamlet",
                         "community", "township"})
MINOR_STOPWORDS = frozenset({"street", "road", "avenue", "lane", "boulevard", "drive", "st.",
                             "rd.", "ave.", "centre", "center", "congress", "house"})


def _match_minor(doc: Doc, ent: Span, gazetteer: Gazetteer) -> _Mention | None:
    """A place entity the main index cannot name, looked up among small towns (second tier),
    only in locative context (``_anchored``); a mislabelled entity only after a preposition."""
    if ent.label_ == "LANGUAGE":
        return None
    start, end = _trim(doc.text, ent.start_char, ent.end_char)
    surface = doc.text[start:end]
    if start >= end or not _minor_surface(surface, gazetteer):
        return None
    root = ent.root
    if ent.label_ not in PLACE_LABELS and not (
            root.dep_ == "pobj" and root.head.lower_ in MINOR_PREPOSITIONS):
        return None
    if not _anchored(root):
        return None
    mention = _lookup(doc.text, start, end, load_minor_places())
    if mention is None:
        return None
    return _Mention(mention.start, mention.end, mention.text, mention.candidates, mention.kind,
                    minor=True)


def _minor_surface(surface: str, gazetteer: Gazetteer) -> bool:
    words = surface.split()
    if not surface[:1].isupper() or (surface.isupper() and len(surface) <= 4):
        return False  # "EU", "BOV": abbreviations, not villages
    last = words[-1].lower()
    return (last not in MINOR_STOPWORDS and surface.lower() not in COMMON_WORDS
            and surface.lower() not in DIRECTIONS and gazetteer.demonym_country(surface) is None)


def _anchored(token: Token) -> bool:
    """The name sits where a place does: object of a locative preposition, "the town of X",
    or a conjunct / compound / apposition of such a phrase."""
    for _ in range(4):
        head = token.head
        if token.dep_ == "pobj":
            if head.lower_ in MINOR_PREPOSITIONS:
                return True
            return head.lower_ == "of" and head.head.lower_ in MINOR_NOUNS
        if token.dep_ not in {"conj", "compound", "appos"} or head == token:
            return False
        token = head
    return False


def _widen(doc: Doc, first: int, end: int, gazetteer: Gazetteer) -> _Mention | None:
    """"eastern Aleppo": a direction word before a name, when the pair is in the gazetteer."""
    if first > 0 and doc[first - 1].lower_ in DIRECTIONS:
        return _lookup(doc.text, doc[first - 1].idx, end, gazetteer)
    return None


def _extend(doc: Doc, ent: Span, mention: _Mention,
            gazetteer: Gazetteer) -> tuple[_Mention, int]:
    """Grow an entity mention over the next words when they complete a longer gazetteer name
    the model cut short ("Trinidad" + "and Tobago")."""
    if mention.start != ent.start_char:
        return mention, ent.end
    if mention.kind is None and ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        word = doc[ent.start - 2].lower_  # "the city of Homs", "the province of Idlib"
        kind = "admin1" if word in ADMIN_SUFFIXES else "city" if word in CITY_SUFFIXES else None
        if kind is not None:
            mention = _Mention(mention.start, mention.end, mention.text, mention.candidates, kind)
    if mention.kind is None and ent.end < len(doc) and mention.end == doc[ent.end - 1].idx + len(
            doc[ent.end - 1].text):
        word = doc[ent.end]
        kind = ("admin1" if word.lower_ in ADMIN_SUFFIXES
                else "city" if word.lower_ in CITY_SUFFIXES else None)
        if (kind is not None and word.text.islower()) or word.text in {"Province",
                                                                       "Governorate"}:
            end = word.idx + len(word.text)  # "Idlib" + "province"
            return _Mention(mention.start, end, doc.text[mention.start:end],
                            mention.candidates, kind or "admin1"), ent.end + 1
    for j in range(min(len(doc), ent.end + gazetteer.max_words), ent.end, -1):
        last = doc[j - 1]
        if not last.text[:1].isupper():
            continue
        candidates = gazetteer.lookup(doc.text[mention.start:last.idx + len(last.text)])
        if candidates:
            return _Mention(mention.start, last.idx + len(last.text),
                            doc.text[mention.start:last.idx + len(last.text)], candidates,
                            None), j
    return mention, ent.end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive or sentence period from a span."""
    if text[start:start + 4].lower() == "the ":
        start += 4
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    return start, end


def _lookup(text: str, start: int, end: int,
            gazetteer: Gazetteer | MinorPlaces) -> _Mention | None:
    """The mention ``text[start:end]`` as a place name, perhaps with a kind word after it."""
    surface = text[start:end]
    candidates = gazetteer.lookup(surface)
    if not candidates and surface.endswith(".") and len(surface) > 2:
        candidates = gazetteer.lookup(surface[:-1])
        if candidates:
            end -= 1
            surface = surface[:-1]
    if candidates:
        return _Mention(start, end, surface, candidates, None)
    words = surface.split()
    if len(words) > 1:
        last = words[-1].lower().rstrip(".")
        first = words[0].lower()
        kind = "admin1" if last in ADMIN_SUFFIXES else "city" if last in CITY_SUFFIXES else None
        if kind is not None and " ".join(words[:-1]).lower() not in COMMON_WORDS:
            bare = gazetteer.lookup(" ".join(words[:-1]))
            if bare:
                return _Mention(start, end, surface, bare, kind)
        if first in ADMIN_SUFFIXES and len(words) > 2 and words[1].lower() == "of":
            bare = gazetteer.lookup(" ".join(words[2:]))  # "province of Idlib"
            if bare:
                return _Mention(start, end, surface, bare, "admin1")
    return None


def _scan(doc: Doc, gazetteer: Gazetteer, covered: list[bool],
          blocked: list[bool]) -> list[_Mention]:
    """Longest gazetteer matches over capitalised tokens that no entity claimed."""
    found: list[_Mention] = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if (covered[i] or blocked[i] or not token.text[:1].isupper()
                or token.lower_ in {"the", "a", "an"}):
            i += 1
            continue
        match = None
        for j in range(min(n, i + min(2 * gazetteer.max_words + 2, MAX_SCAN_TOKENS)), i, -1):
            if any(covered[k] or blocked[k] for k in range(i, j)):
                continue
            last = doc[j - 1]
            if not (last.text[:1].isupper() or last.lower_ in ADMIN_SUFFIXES
                    or last.lower_ in CITY_SUFFIXES):
                continue
            if j - 1 > i and last.is_punct:
                continue
            start, end = token.idx, last.idx + len(last.text)
            mention = _lookup(doc.text, start, end, gazetteer)
            if mention is not None and _accept_scan(doc, i, j, mention):
                match = (mention, j)
                break
        if match is None and _dateline(doc, i):  # "INNISFAIL -": a small town's dateline
            minor = _lookup(doc.text, token.idx, token.idx + len(token), load_minor_places())
            if minor is not None:
                match = (_Mention(minor.start, minor.end, minor.text, minor.candidates, None,
                                  minor=True), i + 1)
        if match is None:
            i += 1
            continue
        mention = _widen(doc, i, match[0].end, gazetteer) if not (
            i > 0 and (covered[i - 1] or blocked[i - 1])) else None
        found.append(mention or match[0])
        for k in range(i - (mention is not None), match[1]):
            covered[k] = True
        i = match[1]
    return found


def _accept_scan(doc: Doc, i: int, j: int, mention: _Mention) -> bool:
    """A single capitalised word the model did not tag is a place only when it is a strong
    name (country, admin1, curated, big city) outside a sentence start, a town after a
    locative preposition ("in Danbury"), or an all-caps dateline ("BEIRUT, March 3")."""
    words = mention.text.replace("-", " ").split()
    if len(words) > 1:
        return True
    token: Token = doc[i]
    if token.lower_ in COMMON_WORDS:
        return False
    if _dateline(doc, i):
        return True
    if token.pos_ != "PROPN" or cues.noun_of_name(doc, i):
        return False
    best = max(mention.candidates, key=lambda c: _base(c.location, c.primary))
    if cues.inside_name(doc, i) and not _strong(best):
        return False
    if cues.institution_follows(doc, j) and any(c.primary for c in mention.candidates):
        return True  # "Winnipeg police", "Enfield Council"
    if _after_place(doc, i) and any(c.location.precision in {"admin1", "country"}
                                    for c in mention.candidates):
        return True  # "Melville, Sask."
    if _locative(token) and any(c.primary for c in mention.candidates):
        return True
    if not _strong(best):
        return False
    sentence_start = token.is_sent_start or i == 0
    return not sentence_start or best.location.precision in {"country", "admin1", "region"}


LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "around",
                                   "across", "into", "toward", "towards", "via", "through"})


def _after_place(doc: Doc, i: int) -> bool:
    """Token ``i`` follows "Name," as the state or country of a "City, State" pair."""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper()


def _locative(token: Token) -> bool:
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS


def _dateline(doc: Doc, i: int) -> bool:
    """An all-caps word opening a line or a sentence (a headline or byline may run into it:
    "By Jane Roe. BOSTON (Reuters) -") and followed by a comma, dash or bracket: a dateline."""
    token = doc[i]
    if not (token.is_upper and len(token.text) >= 3):
        return False
    start = i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space or doc[
        i - 1].text in {".", "!", "?"}
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    return start and after in {",", "-", "—", "–", "("}


def _strong(candidate: Candidate) -> bool:
    loc = candidate.location
    if not candidate.primary:
        return False
    return _curated(loc) or (loc.precision == "city" and loc.population >= STRONG_CITY_POPULATION)


def _curated(loc: Location) -> bool:
    """Countries, admin1, regions and our own additions: names chosen on purpose."""
    return loc.curated or loc.precision in {"country", "admin1", "region", "site"}


# --- context -------------------------------------------------------------------------------


def _demonym_countries(doc: Doc, gazetteer: Gazetteer) -> Counter[str]:
    """Countries named by adjectives and demonyms ("Turkish troops" → TUR)."""
    counts: Counter[str] = Counter()
    i = 0
    while i < len(doc):
        country, width = (_demonym_at(doc, i, gazetteer) if doc[i].text[:1].isupper()
                          else (None, 1))
        if country:
            counts[country] += 1
        i += width
    return counts


def _sole_country(mention: _Mention) -> str | None:
    """The country of every primary candidate of a main-index mention, when there is one."""
    if mention.minor:
        return None
    countries = {c.location.country for c in mention.candidates if c.primary}
    return countries.pop() if len(countries) == 1 else None


def _city_state_pairs(text: str, mentions: Sequence[_Mention]) -> dict[int, _Mention]:
    """"Columbia, Mo." / "Edmonton, Alberta": the second mention qualifies the first."""
    pairs: dict[int, _Mention] = {}
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if text[first.end:second.start].strip() == "," and any(
                c.location.precision in {"admin1", "country"} for c in second.candidates):
            pairs[i] = second
    return pairs


def _with_local_namesakes(mention: _Mention, first: Location | None, countries: Counter[str],
                          hint: frozenset[str], qualifier: _Mention | None) -> _Mention:
    """Add the small towns of the text's own countries that share a city's name: "Edmonton"
    in a story about Cairns, "Glasgow, Ky.". The main index holds only towns of 15,000+, so
    without this the big namesake abroad always wins; scoring then weighs both."""
    if mention.minor or first is None or first.precision != "city" or any(
            c.location.precision != "city" for c in mention.candidates):
        return mention
    own = _without(countries, first.country)
    wanted = set(hint) | set(own)
    if first.country in hint or own.get(first.country or "", 0) > 0:
        return mention
    if qualifier is not None:
        wanted |= {c.location.country for c in qualifier.candidates
                   if c.location.precision in {"admin1", "country"} and c.location.country}
    extra = tuple(c for c in load_minor_places().lookup(mention.text)
                  if c.location.country in wanted)
    if not extra:
        return mention
    return _Mention(mention.start, mention.end, mention.text, mention.candidates + extra,
                    mention.kind, mention.minor)


# --- disambiguation ------------------------------------------------------------------------


def _base(loc: Location, primary: bool) -> float:
    """Prior for a bare name: countries › regions › admin1 › sites › cities by population."""
    if loc.precision == "country":
        score = 9.0
    elif loc.precision == "region":
        score = 7.5
    elif loc.precision == "admin1":
        score = 6.5 if loc.geonames_id is not None else 5.0
    elif loc.precision == "site":
        score = 6.0
    elif loc.population == 0:
        score = 5.0  # a town from additions.tsv: small, but named on purpose
    else:
        score = math.log10(max(loc.population, 1000))
        if loc.population >= 1_000_000:
            score += 1.0
        if loc.capital:
            score += 1.5
        score = min(score, 8.9)  # below its country: "Singapore", "Kuwait" name the country
    return score if primary else score - 1.5


def _score(candidate: Candidate, mention: _Mention, context: _Context, gazetteer: Gazetteer,
           qualifier: _Mention | None) -> float:
    loc = candidate.location
    score = _base(loc, candidate.primary)
    if mention.kind is not None and loc.precision == mention.kind:
        score += 4.0
    country = loc.country
    if country is not None:
        if country in context.hint:
            score += 4.0
        elif context.countries.get(country, 0) > 0:
            score += (1.0 if _overshadowed(loc, mention, context) else 2.5) + 0.5 * min(
                context.countries[country], 4)
        elif any(country in gazetteer.neighbours.get(c, ()) for c in
                 (*context.hint, *context.countries)):
            score += 0.75
        if (loc.admin1 and loc.precision != "admin1" and context.admin1.get((country, loc.admin1))
                and normalize(loc.admin1) != normalize(loc.name)):
            score += 2.0  # a town in a province the text names; not the province's namesake
    if qualifier is not None and any(
            _qualifies(q.location, loc) for q in qualifier.candidates):
        score += 6.0
    return score


def _overshadowed(loc: Location, mention: _Mention, context: _Context) -> bool:
    """A town sharing its name with a city at least twice its size in another country the text
    is also about, while the text names neither the town's province nor state: "Manchester" in
    a story about a British soldier that mentions the US six times is still the English city."""
    if loc.precision != "city" or (loc.admin1 and context.admin1.get((loc.country, loc.admin1))):
        return False
    return any(c.primary and c.location.precision == "city" and c.location.country != loc.country
               and c.location.population >= 2 * loc.population
               and context.countries.get(c.location.country or "", 0) > 0
               for c in mention.candidates)


def _qualifies(outer: Location, inner: Location) -> bool:
    if outer.precision == "country":
        return inner.country == outer.country
    return (outer.precision == "admin1" and inner.country == outer.country
            and inner.admin1 == outer.admin1 and inner is not outer)


def _best(mention: _Mention, context: _Context, gazetteer: Gazetteer,
          qualifier: _Mention | None) -> Location | None:
    if not mention.candidates:
        return None
    best = max(mention.candidates, key=lambda c: (
        _score(c, mention, context, gazetteer, qualifier), c.primary, c.location.population))
    return best.location
