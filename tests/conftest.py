"""Shared fixtures: the spaCy model (a pinned dependency), the mini dictionaries, ../shared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwatch.dictionaries import Dictionaries, load_dictionaries
from eventwatch.events import code_article
from eventwatch.parse import load_model, parse_articles
from eventwatch.records import Article, Event

FIXTURES = Path(__file__).parent / "fixtures"
MINI_DICT = FIXTURES / "mini_dict"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying clearly that it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not present ({path} missing): shared-data test skipped")
    return path


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def mini() -> Dictionaries:
    return load_dictionaries(str(MINI_DICT))


@pytest.fixture(scope="session")
def builtin() -> Dictionaries:
    return load_dictionaries(None)


@pytest.fixture(scope="session")
def code_text(nlp, mini):
    """Code a text with the given dictionaries (mini by default) and return its events."""

    def run(text: str, day: dt.date | None = dt.date(2016, 11, 17),
            dictionaries: Dictionaries | None = None, **settings) -> list[Event]:
        from eventwatch.events import CoderSettings

        dicts = dictionaries or mini
        article = Article(id="t", text=text, published=day)
        parsed = next(parse_articles([article], nlp, dicts.actors.has_candidate))
        return code_article(parsed, dicts, CoderSettings(**settings))

    return run


def triples(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.code) for e in events}
