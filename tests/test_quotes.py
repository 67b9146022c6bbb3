"""Quotations: direct and indirect, the speaker resolved to an actor, events linked."""

from __future__ import annotations

import datetime as dt

from eventwatch.events import analyse_article
from eventwatch.parse import parse_articles
from eventwatch.records import Article


def _analyse(nlp, builtin, text: str, day=dt.date(2023, 2, 10)):
    article = Article(id="q", text=text, published=day)
    parsed = next(parse_articles([article], nlp, builtin.actors.has_candidate))
    return analyse_article(parsed, builtin)


def test_quotes_direct_quote_with_appositive_speaker(nlp, builtin):
    text = ("“Russia will not block new crossings if Ankara asks,” Maria Petrova, a "
            "Moscow-based political analyst, told reporters.")
    (quote,) = _analyse(nlp, builtin, text).quotes
    assert quote.kind == "direct"
    assert text[quote.start:quote.end].startswith("Russia will not block")
    assert quote.speaker is not None and quote.speaker.code == "RUSELI"
    assert quote.speaker_name.startswith("Maria Petrova")


def test_quotes_indirect_quote_links_the_event_inside(nlp, builtin):
    text = "Turkey said Syrian army forces killed 12 Turkish soldiers in Idlib overnight."
    analysis = _analyse(nlp, builtin, text, day=dt.date(2020, 2, 28))
    (quote,) = analysis.quotes
    assert quote.kind == "indirect" and quote.speaker.code == "TUR"
    (event,) = analysis.events
    assert event.quote_id == quote.id and event.reported_by.code == "TUR"


def test_quotes_none_without_speech(nlp, builtin):
    analysis = _analyse(nlp, builtin, "Turkey shot down a Russian warplane on Tuesday.")
    assert analysis.quotes == [] and analysis.events[0].quote_id is None
