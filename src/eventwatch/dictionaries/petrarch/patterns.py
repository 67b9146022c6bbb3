"""Translate parsed PETRARCH verb blocks into eventwatch ``Pattern`` groups keyed by verb lemma.

Every verb of a block shares the block's patterns, so the translated patterns of a block are
built once (lemma = the block's first simple verb) and the same tuple is shared by each of its
simple verbs; a compound verb (``+SHOOT_DOWN``) gets copies that also require its particle. Synonym
sets expand into one pattern per member. See ``docs/petrarch.md`` for every translation choice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import product

from eventwatch.dictionaries.model import PRE_VERB, SKIP, WRITTEN_FORM, Pattern
from eventwatch.dictionaries.petrarch.verbs import (
    PatternLine,
    Synset,
    VerbBlock,
    VerbDictionary,
    VerbLine,
)
from eventwatch.errors import DictionaryError

_CONJUNCTIONS = frozenset({"and", "or", "but"})
_STRUCTURE = frozenset({"(", ")", "{", "}", "+", "$", "^", "%", "~", "|", "*"})
# Patterns one line may expand into through synonym sets. Phoenix's largest lines,
# "&AIRCRAFT * &WEAPON" and "&AIRCRAFT FIRING &WEAPON *" (8,625 each), fit; a line past the
# limit is reported and skipped rather than multiplied without end.
MAX_EXPANSION = 10_000

_Memo = dict[str, list[tuple[str, ...]] | None]  # synset name → member words (None: not plain)
# words, target-after, source-after, chains (words that stand side by side: ``(FOR ASYLUM)``)
Translated = tuple[tuple[str, ...], str | None, str | None, tuple[tuple[str, ...], ...]]
# Determiners and possessives hang off nouns as det/poss: they never show up in a frame.
_SKIPPED_WORDS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my",
                            "your"})


@dataclass(frozen=True, slots=True)
class VerbGroups:
    """Lemma → patterns (most specific first; tuples shared between verbs of a block)."""

    groups: dict[str, tuple[Pattern, ...]]
    count: int  # distinct patterns


def verb_groups(verbs: VerbDictionary, errors: list[DictionaryError],
                warnings: list[DictionaryError] | None = None) -> VerbGroups:
    """Translate every block. A verb seen in an earlier block keeps that first definition, as
    in PETRARCH; compounds with a conjunction (``+KILLED_AND``) are skipped: the parser
    already gives coordinated verbs their own frames."""
    stem = verbs.path.name.removesuffix(".txt")
    path = str(verbs.path)
    parts: dict[str, list[tuple[Pattern, ...]]] = {}
    owner: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[str, int]] = {}
    memo: _Memo = {}
    count = 0

    def warn(line: int, reason: str) -> None:
        if warnings is not None:
            warnings.append(DictionaryError(path, line, reason))

    for block in _merged_by_name(verbs.blocks, warn):
        if not block.verbs:
            continue
        head = next((v.lemma for v in block.verbs if not (v.prefix or v.particles)),
                    block.verbs[0].lemma)
        shared = _block_patterns(block, head, verbs, stem, errors, memo)
        simple_here = {v.lemma for v in block.verbs if not (v.prefix or v.particles)
                       and (v.lemma, (), ()) not in owner}
        own_codes = _own_codes(block)
        rival_lines = _rival_lines(block)
        used_shared = False
        for verb in block.verbs:
            key = (verb.lemma, verb.prefix, verb.particles)
            extra = (*verb.prefix, *verb.particles)
            if key in owner:
                name, line = owner[key]
                if extra and not _CONJUNCTIONS.intersection(extra) \
                        and verb.lemma not in simple_here:
                    # A compound in two blocks keeps its first code and gains the later
                    # block's patterns: Phoenix lists +PULL_OUT under GO_SOMEWHERE [040]
                    # and under RETREAT, whose "- &MILITARY *" makes "troops pulled out"
                    # a withdrawal (0874); taking the later block whole, as PETRARCH-2's
                    # dictionary does, turned "carried out attacks" into 062.
                    own = _compound_copies(shared, verb, head)
                    count += len(own)
                    parts.setdefault(verb.lemma, []).append(own)
                    warn(verb.line, f"verb {verb.text.split()[0]!r} is already in block {name} "
                                    f"(line {line}): its code counts, and this block's "
                                    "patterns join it")
                    continue
                warn(verb.line, f"verb {verb.text.split()[0]!r} is already in block {name} "
                                f"(line {line}); the first one counts")
                continue
            owner[key] = (block.name, verb.line)
            if _CONJUNCTIONS.intersection(extra):
                warn(verb.line, f"compound verb {verb.text.split()[0]!r} joins verbs with a "
                                "conjunction: skipped (the parse codes each verb)")
                continue
            bare = Pattern(f"{stem}:{verb.line}", "verb", verb.lemma, extra, verb.code, None,
                           None, None, verb.text, _reverse(verb.passive))
            count += 1
            others = _written_for_others(block, own_codes, verb, stem) | _shadowed(
                rival_lines, verb, stem)
            mine = tuple(p for p in shared if p.id not in others) if others else shared
            if not extra:
                parts.setdefault(verb.lemma, []).append((*mine, bare))
                used_shared = True
            elif verb.lemma in simple_here:  # "shut" of the same block already has them all
                parts.setdefault(verb.lemma, []).append((bare,))
            else:
                own = _compound_copies(mine, verb, head)
                count += len(own)
                parts.setdefault(verb.lemma, []).append(_most_specific_first((*own, bare)))
        count += len(shared) if used_shared else 0
    groups = {lemma: found[0] if len(found) == 1 else _most_specific_first(
        tuple(p for part in found for p in part)) for lemma, found in parts.items()}
    for form, (lemma, line) in _written_forms(verbs.blocks).items():
        # The first definition counts: FIND {FINDS FOUND FINDING} comes before the block of
        # FOUND (to establish), so the word "found" is FIND's, while "founded" is FOUND's.
        defined = owner.get((form, (), ()))
        if lemma in groups and (defined is None or line < defined[1]):
            groups[WRITTEN_FORM + form] = groups[lemma]
    return VerbGroups(groups, count)


def _own_codes(block: VerbBlock) -> dict[str, str]:
    """The block's verbs that carry a code of their own, by the name a note gives them."""
    return {_full_name(v): v.code for v in block.verbs if v.own_code}


def _written_for_others(block: VerbBlock, own_codes: dict[str, str], verb: VerbLine,
                        stem: str) -> frozenset[str]:
    """Ids of the block's patterns whose note says they were written for another verb of the
    block, when both verbs carry codes of their own that differ (``own_codes``). A block may
    gather verbs of different meanings (BLAME: ACCUSE [112], CONDEMN [111]); ``- * BOMBING
    [111] # CONDEMN`` is a condemnation, so "accused the army of bombing villages" stays an
    accusation. PETRARCH-2 gives every verb all the block's patterns; the note is TABARI's
    record of where a pattern came from. Verbs with the block's code share its patterns as
    before.

    A verb whose own code refines the block's (ARREST [173] in APPREHEND [171]) is a kind of
    the block's act with a meaning of its own, so the patterns noted for its siblings with
    the block's code are theirs too: TAKE's ``- &MILITARY * [192]`` makes "troops took the
    town" an occupation, not "troops arrested 17 suspects". A verb of another root (EXPRESS
    [110] among the verbs of saying) was put in the block for its patterns, and keeps them
    ("expressed support", ASSERT's ``- * SUPPORT [032]``)."""
    if not verb.own_code:
        return frozenset()
    name = _full_name(verb)
    refines = block.code != "---" and verb.code[:2] == block.code[:2]
    siblings = {_full_name(v) for v in block.verbs if not v.own_code} if refines else set()
    return frozenset(f"{stem}:{line.line}" for line in block.patterns
                     if line.noted_for != name and (
                         (line.noted_for in own_codes and own_codes[line.noted_for] != verb.code)
                         or line.noted_for in siblings))


def _rival_lines(block: VerbBlock) -> list[list[PatternLine]]:
    """Groups of the block's pattern lines with the same words but different codes."""
    lines_by_words: dict[tuple[tuple[str, ...], tuple[str, ...]], list[PatternLine]] = {}
    for line in block.patterns:
        lines_by_words.setdefault((line.before, line.after), []).append(line)
    return [lines for lines in lines_by_words.values()
            if len({(line.code, line.passive) for line in lines}) > 1]


def _shadowed(rival_lines: list[list[PatternLine]], verb: VerbLine, stem: str
              ) -> frozenset[str]:
    """Ids of the block's patterns that another line with the same words and a note naming
    this verb replaces for this verb (``rival_lines``: the block's groups of such lines):
    CELEBRATE's ``- * INDEPENDENCE [017]`` and RECOGNISE's ``[054]`` share a block, so
    "recognised the independence of Abkhazia" is 054 and "celebrated independence" stays
    017. Without such a note the first line counts, as before."""
    name = _full_name(verb)
    shadowed = set()
    for lines in rival_lines:
        mine = [line for line in lines if line.noted_for == name]
        if mine:
            shadowed.update(f"{stem}:{line.line}" for line in lines if line is not mine[0])
    return frozenset(shadowed)


def _full_name(verb: VerbLine) -> str:
    """A verb as a note names it: ``BLOW_UP``, ``CONDEMN``."""
    return "_".join((*verb.prefix, verb.lemma, *verb.particles)).upper()


def _written_forms(blocks: tuple[VerbBlock, ...]) -> dict[str, tuple[str, int]]:
    """Inflected forms the dictionary spells out (``+CORDON_OFF {+CORDONED_OFF}``) → lemma
    and the line that names them.

    The coder looks a verb up by its surface form first, so a form the dictionary names is
    found even when the tagger's lemma slips ("cordoned" → "cordone")."""
    found: dict[str, tuple[str, int]] = {}
    for block in blocks:
        for verb in block.verbs:
            for form in verb.forms:
                parts = form.split("_")
                marked = next((p for p in parts if p.startswith("+")), parts[0])
                word = marked.lstrip("+").lower()
                if word and word != verb.lemma:
                    found.setdefault(word, (verb.lemma, verb.line))
    return found


def _merged_by_name(blocks: tuple[VerbBlock, ...], warn: Callable[[int, str], None]
                    ) -> list[VerbBlock]:
    """Blocks that share a name share their patterns, as PETRARCH keys patterns by name."""
    merged: dict[str, VerbBlock] = {}
    for block in blocks:
        first = merged.get(block.name)
        if first is None:
            merged[block.name] = block
            continue
        warn(block.line, f"block {block.name} also starts at line {first.line}: merged")
        merged[block.name] = VerbBlock(block.name, first.code, first.passive, first.line,
                                       (*first.verbs, *block.verbs),
                                       (*first.patterns, *block.patterns))
    return list(merged.values())


def _most_specific_first(patterns: tuple[Pattern, ...]) -> tuple[Pattern, ...]:
    """More words first; among equals a block's pattern before a bare compound verb, whose
    words are the compound itself: "went to the polls" is ``- * POLL`` (no event) before
    ``+GO_TO``'s own code."""
    return tuple(sorted(patterns, key=lambda p: (-len(p.words), _bare_verb(p))))


def _bare_verb(pattern: Pattern) -> bool:
    """A verb line of a block (its code is the block's default), not one of its patterns."""
    return not pattern.text.lstrip().startswith("-")


def _block_patterns(block: VerbBlock, head: str, verbs: VerbDictionary, stem: str,
                    errors: list[DictionaryError], memo: _Memo) -> tuple[Pattern, ...]:
    """The block's patterns, most specific first; among equals, ``%`` (compound subject)
    patterns come last since the coder cannot require a compound subject."""
    out: list[tuple[Pattern, bool]] = []
    seen: set[tuple[object, ...]] = set()
    for line in block.patterns:
        try:
            translated = _translations(line, verbs.synsets, head, memo)
        except ValueError as exc:
            errors.append(DictionaryError(str(verbs.path), line.line, str(exc)))
            continue
        code = line.code
        ident = f"{stem}:{line.line}"
        compound = "%" in line.before or "%" in line.after
        for words, target, source, chains in translated:
            key = (words, code, target, source, chains)
            if key not in seen:
                seen.add(key)
                out.append((Pattern(ident, "verb", head, words, code, None, target, source,
                                    line.text, _reverse(line.passive), chains), compound))
    out.sort(key=lambda item: (-len(item[0].words), item[1]))
    return tuple(p for p, _ in out)


def _translations(line: PatternLine, synsets: Mapping[str, Synset], head: str, memo: _Memo
                  ) -> list[Translated]:
    """Translate once with a placeholder per ``&SET`` and fill in member words, when every
    member is plain words; otherwise expand the tokens and translate each expansion."""
    tokens = (*line.before, "*", *line.after)
    sets = [(i, t) for i, t in enumerate(tokens) if t[0] == "&"]
    fast = _plain_members(sets, synsets, memo) if sets and "|" not in tokens else None
    if fast is None:
        return _each_expansion(tokens, synsets, head)
    marked = list(tokens)
    for n, (i, _) in enumerate(sets):
        marked[i] = f"\x00{n}"
    star = len(line.before)
    words, target, source, chains = translate(tuple(marked[:star]), tuple(marked[star + 1 :]),
                                              head)
    if (target or "").startswith("\x00") or (source or "").startswith("\x00"):
        return _each_expansion(tokens, synsets, head)  # a marker right after a set member
    total = 1
    for members in fast:
        total *= len(members)
    if total > MAX_EXPANSION:
        raise ValueError(f"pattern expands into {total} patterns (limit {MAX_EXPANSION}): skipped")
    slots = [_member_slot(w, fast) for w in words]
    if not chains:
        return [(tuple(dict.fromkeys(w for part in combo for w in part)), target, source, ())
                for combo in product(*slots)]
    out: list[Translated] = []
    for combo in product(*slots):
        chosen = {w.lstrip(PRE_VERB): [m.lstrip(PRE_VERB) for m in part]
                  for w, part in zip(words, combo, strict=True) if "\x00" in w}
        filled = tuple(tuple(m for w in chain for m in chosen.get(w, (w,))) for chain in chains)
        out.append((tuple(dict.fromkeys(w for part in combo for w in part)), target, source,
                    filled))
    return out


def _member_slot(word: str, members: list[list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """A placeholder's member words (keeping a ``PRE_VERB`` prefix), else the word itself."""
    if word[0] == "\x00":
        return members[int(word[1:])]
    if word.startswith(PRE_VERB + "\x00"):
        return [tuple(PRE_VERB + w for w in m) for m in members[int(word[2:])]]
    return [(word,)]


def _each_expansion(tokens: tuple[str, ...], synsets: Mapping[str, Synset], head: str
                    ) -> list[Translated]:
    found = []
    for expanded in expand(tokens, synsets):
        star = expanded.index("*")
        found.append(translate(expanded[:star], expanded[star + 1 :], head))
    return found


def _plain_members(sets: list[tuple[int, str]], synsets: Mapping[str, Synset], memo: _Memo
                   ) -> list[list[tuple[str, ...]]] | None:
    """For each ``&SET`` token, its members as lowercase word tuples; None if any member
    has brackets or markers, or the token carries extra words (``&SET_WORD``)."""
    out = []
    for _, token in sets:
        name, rest = _synset_name(token, synsets)
        if rest:
            return None
        if name not in memo:
            members: list[tuple[str, ...]] | None = []
            for member in synsets[name].members:
                for tokens in expand(member, synsets, 1):
                    if any(t in _STRUCTURE for t in tokens):
                        members = None
                        break
                    words = tuple(w for t in tokens for w in _words(t) if w not in _SKIPPED_WORDS)
                    if words:
                        members.append(words)
                if members is None:
                    break
            memo[name] = members
        if memo[name] is None:
            return None
        out.append(memo[name])
    return out


def _compound_copies(shared: tuple[Pattern, ...], verb: VerbLine, head: str
                     ) -> tuple[Pattern, ...]:
    """The block's patterns for a compound verb: its particle is required too, and a marker
    that followed the verb now follows the particle ("+" after SHUT_DOWN = after "down")."""
    anchor = verb.particles[-1] if verb.particles else verb.lemma
    extra = (*verb.prefix, *verb.particles)
    out = []
    for p in shared:
        words = p.words
        needed = extra if not set(extra).intersection(words) else tuple(
            w for w in extra if w not in words)
        target = anchor if p.target_after == head else p.target_after
        source = anchor if p.source_after == head else p.source_after
        out.append(Pattern(p.id, "verb", verb.lemma, (*needed, *words), p.code, None, target,
                           source, p.text, p.reverse_code, p.chains))
    return tuple(out)


def _reverse(passive: str) -> str | None:
    """The second code of ``[042:043]``: coded for the target → source direction."""
    return passive if passive and not passive.startswith("-") else None


def expand(tokens: tuple[str, ...], synsets: Mapping[str, Synset],
           depth: int = 0) -> list[tuple[str, ...]]:
    """Every token list a pattern stands for: ``&SET`` → each member, ``{A | B}`` → A, B."""
    if not any(t[0] == "&" or t == "|" for t in tokens):
        return [tokens]
    results: list[tuple[str, ...]] = [()]
    plain: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("&"):
            choices = _synset_choices(token, synsets, depth)
            i += 1
        elif token == "{" and "|" in tokens[i : _closing(tokens, i)]:
            end = _closing(tokens, i)
            choices = _alternatives(tokens[i + 1 : end])
            i = end + 1
        else:
            plain.append(token)
            i += 1
            continue
        run, plain = tuple(plain), []
        results = [(*r, *run, *c) for r in results for c in choices]
        if len(results) > MAX_EXPANSION:
            raise ValueError(f"pattern expands into more than {MAX_EXPANSION} patterns: skipped")
    run = tuple(plain)
    return [(*r, *run) for r in results]


def _synset_choices(token: str, synsets: Mapping[str, Synset], depth: int
                    ) -> list[tuple[str, ...]]:
    if depth > 4:
        raise ValueError(f"synonym sets nest too deep at {token}")
    name, rest = _synset_name(token, synsets)
    found: list[tuple[str, ...]] = []
    for member in synsets[name].members:
        found.extend(expand(member, synsets, depth + 1))
    return [c + rest for c in found]


def _synset_name(token: str, synsets: Mapping[str, Synset]) -> tuple[str, tuple[str, ...]]:
    """``&FIGHT_OF_WORDS`` is one set; ``&NEGATVAUXVRB_WANT`` is a set then the word WANT."""
    name = token[1:].rstrip("_")
    if name in synsets:
        return name, ()
    parts = name.split("_")
    for cut in range(len(parts) - 1, 0, -1):
        head = "_".join(parts[:cut])
        if head in synsets:
            return head, tuple(p for p in parts[cut:] if p)
    raise ValueError(f"undefined synonym set {token}")


def _closing(tokens: tuple[str, ...], start: int) -> int:
    try:
        return tokens.index("}", start)
    except ValueError:
        return len(tokens)


def _alternatives(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    out: list[list[str]] = [[]]
    for token in tokens:
        if token == "|":
            out.append([])
        else:
            out[-1].append(token)
    return [tuple(o) for o in out if o]


def translate(before: tuple[str, ...], after: tuple[str, ...], lemma: str) -> Translated:
    """Words, target-after and source-after of one expanded pattern (see docs/petrarch.md).

    Words before ``*`` outside parentheses (mostly the subject: ``&MILITARY *``) get the
    ``PRE_VERB`` prefix; prepositional groups count wherever they stand.

    After ``*``: a marker names the slot of the word it follows (the verb → direct object,
    a preposition → its object); after ``(PREP ...)`` it names PREP. Before ``*``, a marker
    inside ``(PREP ...)`` names PREP too; outside it marks the subject: ``$`` is what the coder
    does anyway; ``+`` (the subject is the target) becomes "source = the ``$`` slot, else the
    direct object".
    """
    post = _scan(after, lemma, before_verb=False)
    pre = _scan(before, lemma, before_verb=True)
    words = tuple(dict.fromkeys((*post.words, *pre.words)))
    target = post.target or pre.target
    source = post.source or pre.source
    chains = (*post.chains, *pre.chains)
    if pre.subject_target and not pre.subject_source:
        return words, None, source or lemma, chains
    return words, target, source, chains


@dataclass(slots=True)
class _Scan:
    words: list[str]
    target: str | None = None
    source: str | None = None
    subject_target: bool = False
    subject_source: bool = False
    chains: list[tuple[str, ...]] = field(default_factory=list)
    chain: list[str] | None = None  # words of the open ``(...)`` group

    skips: int = 0  # "^" seen since the last word: the marker's slot is after that phrase

    def mark(self, marker: str, slot: str) -> None:
        slot = SKIP * self.skips + slot
        if marker == "+":
            self.target = self.target or slot
        else:
            self.source = self.source or slot

    def close_chain(self) -> None:
        """``(FOR ASYLUM)``: the preposition and its words stand side by side in the
        sentence ("bargain for foreign asylum" is no ``(FOR ASYLUM)``). Braces are not chains:
        the 2_02 validation matches ``{NEW &TIETYPES RELATIONS}`` in "new global economic
        relations"."""
        if self.chain is not None and len(self.chain) > 1:
            self.chains.append(tuple(self.chain))
        self.chain = None

    def mark_subject(self, marker: str) -> None:
        if marker == "+":
            self.subject_target = True
        else:
            self.subject_source = True


def _scan(tokens: tuple[str, ...], lemma: str, before_verb: bool) -> _Scan:
    scan = _Scan([])
    previous = lemma  # the word a marker follows; at first the verb itself
    prep: str | None = None  # preposition of the open (...) group
    in_group = group_start = False
    for token in tokens:
        if token == "(":
            in_group = group_start = True
            scan.chain = []
        elif token == ")":
            in_group = group_start = False
            previous = prep or previous
            prep = None
            scan.close_chain()
        elif token in ("+", "$"):
            if before_verb and not in_group:
                scan.mark_subject(token)
            else:
                scan.mark(token, previous)
        elif token == "^" and not before_verb:
            scan.skips += 1
        elif token not in ("{", "}", "^", "%", "~", "|", "*"):
            for word in _words(token):
                if group_start:
                    prep, group_start = word, False
                if word not in _SKIPPED_WORDS:
                    outside = before_verb and not in_group
                    scan.words.append(PRE_VERB + word if outside else word)
                    previous = word
                    scan.skips = 0
                    if scan.chain is not None:
                        scan.chain.append(word)
    return scan


def _words(token: str) -> list[str]:
    """Lowercase; split hyphenated words like spaCy does ("CEASE-FIRE" → cease, fire)."""
    lowered = token.lower()
    if "-" in lowered and lowered.strip("-"):
        return [p for p in lowered.split("-") if p]
    return [lowered]
