"""PETRARCH transformation lines (``~ a (b . ATTACK) SAY = a b 112``) as coder rules.

A line names verbs, not codes: SAY stands for SAY's code in the same file (010), as PETRARCH
looks it up. A rule that names no verb of the file, or a verb without an event code, could
never apply; it becomes an error naming its line and is left out.
"""

from __future__ import annotations

from pathlib import Path

from eventwatch.dictionaries.model import ANY_ACTOR, ANY_CODE, NO_ACTOR, NO_EVENT, Transformation
from eventwatch.dictionaries.petrarch.verbs import VerbDictionary
from eventwatch.errors import DictionaryError

_ROLES = (ANY_ACTOR, NO_ACTOR)


def transformation_rules(verbs: VerbDictionary, errors: list[DictionaryError]
                         ) -> tuple[Transformation, ...]:
    """The file's transformations that can apply, in file order."""
    codes = verb_codes(verbs)
    rules = []
    for line in verbs.transformations:
        try:
            rules.append(_rule(line.left, line.right, codes, _id(verbs.path, line.line),
                               line.text))
        except ValueError as exc:
            errors.append(DictionaryError(str(verbs.path), line.line, str(exc)))
    return tuple(rules)


def verb_codes(verbs: VerbDictionary) -> dict[str, str]:
    """Verb name (``SAY``, ``SHOOT_DOWN``) → its event code; the first definition wins, as
    it does for the verb's patterns."""
    codes: dict[str, str] = {}
    for block in verbs.blocks:
        for verb in block.verbs:
            name = "_".join((*verb.prefix, verb.lemma, *verb.particles)).upper()
            codes.setdefault(name, verb.code)
    return codes


def _rule(left: tuple[str, ...], right: tuple[str, ...], codes: dict[str, str], ident: str,
          text: str) -> Transformation:
    if len(left) != 7 or left[1] != "(" or left[5] != ")":
        raise ValueError(f"a transformation reads 'a (b c VERB) VERB = a b CODE': {text!r}")
    source, nested_source, nested_target, nested_verb, governor_verb = (
        left[0], left[2], left[3], left[4], left[6])
    nested_code = ANY_CODE if nested_verb == ANY_CODE else _code_of(nested_verb, codes)
    governor = _code_of(governor_verb, codes)
    if len(right) != 3:
        raise ValueError(f"a transformation's result is 'source target CODE': {text!r}")
    bound = {role for role in (source, nested_source, nested_target) if role not in _ROLES}
    for role in right[:2]:
        if role not in bound:
            raise ValueError(f"the result names {role!r}, which the pattern does not bind")
    code = right[2]
    if code != ANY_CODE and not code.isdigit():
        raise ValueError(f"result code {code!r} is neither a code nor {ANY_CODE!r}")
    return Transformation(ident, text, governor, source,
                          (nested_source, nested_target, nested_code),
                          (right[0], right[1], code))


def _code_of(verb: str, codes: dict[str, str]) -> str:
    code = codes.get(verb.upper())
    if code is None:
        raise ValueError(f"{verb} is no verb of this dictionary: the rule is left out")
    if code == NO_EVENT or not code.isdigit():
        raise ValueError(f"{verb} has no event code ({code!r}): the rule could never apply")
    return code


def _id(path: Path, line: int) -> str:
    return f"{path.name.removesuffix('.txt')}:{line}"
