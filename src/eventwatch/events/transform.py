"""Transformations: an event nested in a coded verb's clause, rewritten by a dictionary rule.

"Israel said Hamas attacked the border post" is not an attack by Hamas in the record but an
accusation by Israel (PETRARCH's ``~ a (b . ATTACK) SAY = a b 112``); "X wants to attack Y" is a
threat (``~ a (_ b ATTACK) WANT = a b 138``). A pure function of the two events' parts and the
rules: the coder decides which clause is nested in which verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from eventwatch.actors import placed_by
from eventwatch.dictionaries.model import ANY_CODE, Transformation
from eventwatch.events.ids import event_id
from eventwatch.ontology import cameo_info, unknown_code
from eventwatch.records import Actor, Event


@dataclass(frozen=True, slots=True)
class Governor:
    """The coded verb a clause hangs from: its code and one of its sources."""

    code: str
    source: Actor
    rule: str  # provenance of the governor's pattern


def rewrite(rules: Iterable[Transformation], governor: Governor, nested: Event,
            own_subject: bool) -> Event | None:
    """The event that replaces ``governor`` + ``nested`` under the first rule that applies.

    ``own_subject``: whether the nested clause names its own subject; an infinitive without
    one ("wants to attack") fills PETRARCH's ``_`` role, whatever source the coder lent it.
    ``rules`` are tried in order; readers put rules with a written nested code before ``Q``
    (any code) rules, as PETRARCH looks up the specific code first.
    """
    actors = (governor.source, nested.source if own_subject else None, nested.target)
    codes = tuple(a.code if a is not None else None for a in actors)
    if actors[1] is not None and _speakers_own(actors[1], governor.source):
        codes = (codes[0], codes[0], codes[2])  # "Russia said its troops attacked": a = a
    for rule in rules:
        bound = rule.match(governor.code, nested.cameo.code, codes)
        if bound is None:
            continue
        source = actors[bound[rule.result[0]]]
        target = actors[bound[rule.result[1]]]
        code = nested.cameo.code if rule.result[2] == ANY_CODE else rule.result[2]
        info = cameo_info(code) or unknown_code(code)
        if source is None or info is None:
            continue
        return replace(
            nested, source=source, target=target, cameo=info,
            id=event_id(nested.article_id, nested.sentence_index, nested.trigger_start,
                        info.code, source, target),
            rule=f"{rule.id} {rule.text} [on {governor.rule}; {nested.rule}]")
    return None


def _speakers_own(actor: Actor, speaker: Actor) -> bool:
    """A sector the clause called the speaker's own ("its troops": placed for ``its`` in the
    speaker's country, or made the speaking body itself), or the state's own forces when the
    state speaks: "the Afghan interior ministry said police had killed 12 Taliban" is a
    claim (AFGGOV, AFGCOP), not the ministry accusing its police."""
    if placed_by(actor, "its") == speaker.code:
        return True
    country = speaker.country
    return bool(country) and actor.country == country and speaker.code in (
        country, country + "GOV", country + "MIL") and actor.code[3:6] in _STATE_FORCES


_STATE_FORCES = frozenset({"GOV", "MIL", "COP", "SPY"})
