"""A small store written through ``Store`` with places (Idlib, Aleppo, country-level Turkey),
tricky sentences (quotes, SQL fragments) and enough events to page through.

Used by the API, export and browser tests; the coder is not involved, so the rows are exact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from eventwatch.ontology import cameo_info
from eventwatch.records import Actor, Article, Event, EventPlace
from eventwatch.store import Store

VERSION = "test-dict-v1"

IDLIB = EventPlace("Idlib", 35.93, 36.63, "SYR", "city", "clause", geonames_id=169388)
ALEPPO = EventPlace("Aleppo", 36.20, 37.16, "SYR", "city", "sentence", geonames_id=170063)
TURKEY = EventPlace("Turkey", 39.0, 35.0, "TUR", "country", "article", geonames_id=298795)

ACTORS = {
    "Turkey": ("TUR", "TUR", None), "Russia": ("RUS", "RUS", None),
    "Turkish troops": ("TURMIL", "TUR", "MIL"), "Russian warplanes": ("RUSMIL", "RUS", "MIL"),
    "Erdogan": ("TURGOV", "TUR", "GOV"), "Putin": ("RUSGOV", "RUS", "GOV"),
    "Syrian forces": ("SYRMIL", "SYR", "MIL"), "the United Nations": ("IGOUNO", None, None),
}

# (day, sentence, source, trigger, target, CAMEO code, place, negated)
ROWS = [
    (dt.date(2015, 11, 24), "Turkey shot down Russian warplanes near the Syrian border.",
     "Turkey", "shot down", "Russian warplanes", "190", None, False),
    (dt.date(2015, 11, 28), "Putin imposed sanctions on Turkey after the incident.",
     "Putin", "imposed sanctions", "Turkey", "163", TURKEY, False),
    (dt.date(2015, 12, 2), 'Russia accused Erdogan of "buying oil"; DROP TABLE events; --',
     "Russia", "accused", "Erdogan", "112", None, False),
    (dt.date(2016, 6, 27), "Erdogan apologised to Putin in a letter.",
     "Erdogan", "apologised", "Putin", "055", None, False),
    (dt.date(2016, 8, 9), "Erdogan met Putin in St Petersburg.",
     "Erdogan", "met", "Putin", "040", None, False),
    (dt.date(2016, 12, 15), "Russian warplanes struck rebel districts of Aleppo.",
     "Russian warplanes", "struck", None, "195", ALEPPO, False),
    (dt.date(2016, 12, 29), "Turkey and Russia agreed a ceasefire in Aleppo.",
     "Turkey", "agreed", "Russia", "057", ALEPPO, False),
    (dt.date(2018, 9, 17), "Putin and Erdogan agreed a buffer zone in Idlib.",
     "Putin", "agreed", "Erdogan", "057", IDLIB, False),
    (dt.date(2020, 2, 3), "Syrian forces shelled Turkish troops in Idlib.",
     "Syrian forces", "shelled", "Turkish troops", "195", IDLIB, False),
    (dt.date(2020, 2, 21), "Turkey blamed Russia for the attacks.",
     "Turkey", "blamed", "Russia", "112", TURKEY, False),
    (dt.date(2020, 3, 5), "Erdogan and Putin signed a ceasefire in Moscow.",
     "Erdogan", "signed", "Putin", "057", None, False),
    (dt.date(2022, 7, 22), "Turkey and the United Nations brokered the O'Brien grain deal.",
     "Turkey", "brokered", "the United Nations", "0311", None, False),
    (dt.date(2023, 7, 17), "Russia did not rejoin the grain deal.",
     "Russia", "rejoin", None, "057", None, True),
    (None, "Turkey praised Russia, officials said.",
     "Turkey", "praised", "Russia", "051", None, False),
]


def _actor(name: str, text: str, sentence_start: int, sentence: str) -> Actor:
    code, country, sector = ACTORS[name]
    start = sentence_start + sentence.index(name)
    return Actor(code, name, country, sector, start, start + len(name), f"test:{name}")


def build(path: Path) -> Path:
    """Write the articles and events of ``ROWS`` (one article per row) into ``path``."""
    articles, events = [], []
    for i, (day, sentence, source, trigger, target, code, place, negated) in enumerate(ROWS):
        article_id = f"a{i:02d}"
        lead = f"Headline {i}.\n\n"
        text = lead + sentence + " More text follows."
        start = len(lead)
        articles.append(Article(id=article_id, text=text, title=f"Article {i}: {sentence[:30]}",
                                url=f"https://news.example/{i}" if i % 2 else None,
                                published=day, outlet="Example Wire", origin=f"fixture:{i}"))
        t_start = start + sentence.index(trigger)
        cameo = cameo_info(code)
        assert cameo is not None
        events.append(Event(
            id=hashlib.sha1(f"{article_id}{code}".encode()).hexdigest()[:16],
            article_id=article_id, sentence_index=1, sentence=sentence, sentence_start=start,
            source=_actor(source, text, start, sentence),
            target=_actor(target, text, start, sentence) if target else None,
            cameo=cameo, trigger=trigger, trigger_start=t_start,
            trigger_end=t_start + len(trigger), rule=f"verbs:{100 + i} test pattern",
            dictionary_version=VERSION, date=day, negated=negated,
            date_resolution="day" if day else "article", place=place,
        ))
    with Store(path) as store:
        store.add_coded(articles, events, VERSION)
    return path


__all__ = ["ALEPPO", "IDLIB", "ROWS", "TURKEY", "VERSION", "build"]
