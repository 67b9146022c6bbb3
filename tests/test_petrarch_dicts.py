"""PETRARCH-2 dictionaries: actors, agents, verbs, discards, errors, .ewdict and the CLI.

Every dictionary here is a small snippet written for the test (Freedonia and friends), in the
PETRARCH-2 formats; nothing is copied from real PETRARCH files.
"""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.cli.dictionaries import sub_app
from eventwatch.dictionaries import load_dictionaries
from eventwatch.dictionaries.model import AGENT, COUNTRY, EVENTWATCH, NAMED, Dictionaries
from eventwatch.dictionaries.petrarch import find_files, load_petrarch, read_petrarch
from eventwatch.dictionaries.petrarch.actors import parse_code
from eventwatch.dictionaries.petrarch.compact import load_compact, save_compact
from eventwatch.dictionaries.petrarch.verbs import read_verbs
from eventwatch.errors import DictionaryError

ACTORS = """\
<!-- TEST ACTORS
     spanning lines -->
# a comment line
FREEDONIA_  [FRD]   # trailing comment
+FREEDONIAN
+FREE_STATE_OF_FREEDONIA

SYLVANIA [SYL]
RUFUS_T._FIREFLY_
+FIREFLY
    [FRDGOV 330101-331231]
    [FRDELI >340101]
    [FRD]
TRENTINO_  # two name lines, then codes: both names are one actor
AMBASSADOR_TRENTINO
    [SYLGOV <350601]
    [SYLELI 19350601 - 19401231]
CHICOLINI [FRDREB 991231-010105]
PINKY [FRDCRM 290101-290201] [FRDOPP 310101-310201]
MARX_BROTHERS_FAN_CLUB [NGOFAN]
WHO [IGOWHO]
UN [IGOUNO]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
MINISTER [~GOV]
ARMY {} [~MIL]
SECRETARY_OF_STATE {SECRETARIES_OF_STATE} [~GOV]
CHARITY [NGO~]
SPOKES!PERSON! [~GOV]
"""

VERBS = """\
####### SYNONYM SETS #######
&PENALTY
+SANCTION
+EMBARGO
+TRADE_BAN

&ARMY_
+TROOPS
+SOLDIERS

####### VERB PATTERNS #######
---  PUNISH   [170]  ---
PUNISH
PENALIZE {PENALIZES PENALIZED PENALIZING} [172]
+CRACK_DOWN {+CRACKS_DOWN +CRACKED_DOWN +CRACKING_DOWN}
- * &PENALTY (ON +)                     [163]   # impose a penalty on the target
- * WARNING                             [---]
- &ARMY * (FROM $)                      [1822:173]
- + * FINE                              [:173]

---  MEET   [040:040]  ---
MEET {MEETS MET MEETING}
CONFER {CONFERS CONFERRED CONFERRING}
- * (WITH +)                            [040]
- % * TALKS                             [043]
- * TALKS                               [046]
- (IN ^) * TALKS (WITH +)               [046]

######## TRANSFORMATIONS ##########
~ a (a b PUNISH) MEET = a b 010
"""

DISCARDS = """\
# story discards start with '+'
+HORSE RACE
DUCK SOUP
OPERA_   # a stopped phrase: no plural
1999
WORLD WAR II
"""


def _folder(tmp_path: Path, **files: str) -> Path:
    names = {"actors": "Test.actors.txt", "agents": "Test.agents.txt",
             "verbs": "CAMEO.test.txt", "discards": "Test.discards.txt"}
    tmp_path.mkdir(parents=True, exist_ok=True)
    for role, text in files.items():
        (tmp_path / names[role]).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def petrarch(tmp_path: Path) -> Dictionaries:
    return load_petrarch(_folder(tmp_path, actors=ACTORS, agents=AGENTS, verbs=VERBS,
                                 discards=DISCARDS))


def _extended(tmp_path: Path, *, actors: str = "", agents: str = "", verbs: str = ""
              ) -> Dictionaries:
    """The test dictionaries (without discards) plus extra actor, agent and verb lines."""
    return load_petrarch(_folder(tmp_path, actors=ACTORS + actors, agents=AGENTS + agents,
                                 verbs=VERBS + verbs))


def _block(name: str, code: str, *lines: str) -> str:
    """A PETRARCH verb block: its header, then its lines (the verb alone by default)."""
    return f"\n---  {name}   [{code}]  ---\n" + "\n".join(lines or (name,)) + "\n"


def _entry(d: Dictionaries, text: str):
    matches = d.actors.find(text)
    assert len(matches) == 1, matches
    assert matches[0].text == text
    return matches[0].entries[0]


def test_petrarch_loads_cleanly(petrarch):
    assert petrarch.errors == ()
    assert petrarch.summary()["actor_phrases"] > 10
    assert petrarch.name.startswith("petrarch:")
    assert len(petrarch.version) == 12


def test_loading_leaves_the_collector_as_it_was_and_the_loaded_objects_frozen():
    # Loaded dictionaries live as long as the process: later collections need not scan them.
    import gc

    from eventwatch.dictionaries.petrarch import gc_paused

    before = gc.get_freeze_count()
    try:
        with gc_paused():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_petrarch_date_restriction_forms():
    assert parse_code("FRD").start is None and parse_code("FRD").end is None
    after = parse_code("FRDELI >340101")
    assert (after.code, after.start, after.end) == ("FRDELI", dt.date(1934, 1, 1), None)
    before = parse_code("SYLGOV <350601")  # before the day: the day itself is excluded
    assert (before.start, before.end) == (None, dt.date(1935, 5, 31))
    ranged = parse_code("FRDGOV 330101-331231")  # from A through B, both included
    assert (ranged.start, ranged.end) == (dt.date(1933, 1, 1), dt.date(1933, 12, 31))
    spaced = parse_code("SYLELI 19350601 - 19401231")
    assert (spaced.start, spaced.end) == (dt.date(1935, 6, 1), dt.date(1940, 12, 31))
    # Two-digit years as PETRARCH reads them: 00-30 are 20xx, 31-99 are 19xx.
    assert parse_code("X >300101").start == dt.date(2030, 1, 1)
    assert parse_code("X >310101").start == dt.date(1931, 1, 1)
    assert parse_code("X < 990101").end == dt.date(1998, 12, 31)
    with pytest.raises(ValueError):
        parse_code("X 990231-991231")  # no 31 February
    with pytest.raises(ValueError):
        parse_code("X 991231-990101")  # ends before it starts


def test_petrarch_dated_codes_resolve_by_event_date(petrarch):
    firefly = _entry(petrarch, "Rufus T. Firefly")
    assert firefly.kind == NAMED
    assert firefly.code_on(dt.date(1933, 6, 1)) == "FRDGOV"
    assert firefly.code_on(dt.date(1936, 6, 1)) == "FRDELI"
    assert firefly.code_on(dt.date(1920, 1, 1)) == "FRD"  # the undated code is the fallback
    assert _entry(petrarch, "Firefly") is firefly  # a '+' synonym is the same actor
    trentino = _entry(petrarch, "Ambassador Trentino")
    assert trentino is _entry(petrarch, "Trentino")
    assert trentino.code_on(dt.date(1934, 1, 1)) == "SYLGOV"
    assert trentino.code_on(dt.date(1938, 1, 1)) == "SYLELI"
    assert trentino.code_on(dt.date(1950, 1, 1)) is None
    chicolini = _entry(petrarch, "Chicolini")
    assert chicolini.code_on(dt.date(2000, 6, 1)) == "FRDREB"  # 99 → 1999, 01 → 2001
    pinky = _entry(petrarch, "Pinky")  # two brackets on one line
    assert [c.code for c in pinky.codes] == ["FRDCRM", "FRDOPP"]


def test_petrarch_actor_names_synonyms_and_kinds(petrarch):
    freedonia = _entry(petrarch, "Freedonia")
    assert freedonia.kind == COUNTRY  # three letters: composes with agents
    assert _entry(petrarch, "Freedonian") is freedonia
    assert _entry(petrarch, "Free State of Freedonia") is freedonia
    assert freedonia.id == "Test.actors:freedonia"
    assert freedonia.source == "Test.actors.txt:4"
    assert _entry(petrarch, "Marx Brothers Fan Club").kind == NAMED
    # PETRARCH names are all capitals; only everyday words must match in capitals.
    assert _entry(petrarch, "WHO").codes[0].code == "IGOWHO"
    # Two-letter names too: "UN" is the United Nations, the "Un" of a name is not.
    assert _entry(petrarch, "UN").codes[0].code == "IGOUNO"
    assert petrarch.actors.find("Kim Jong Un") == []
    assert petrarch.actors.find("those who came") == []


def test_petrarch_bracketed_note_in_a_name_is_read_also_without_it(tmp_path):
    actors = ("GRAND_FENWICK_LIBERATION_FRONT_(GFLF)_ [FRDREB]\n"
              "PEOPLES_ARMY_(FREEDONIA)_ [FRDREB]\nPEOPLES_ARMY_(SYLVANIA)_ [SYLREB]\n"
              "DUCKS_(DUCK_UNION)_ [FRDOPP]\n")
    d = load_petrarch(_folder(tmp_path, actors=ACTORS + actors, agents=AGENTS, verbs=VERBS))
    assert _entry(d, "Grand Fenwick Liberation Front").codes[0].code == "FRDREB"
    # An acronym of the name's initials is a name too, in capitals only.
    assert _entry(d, "GFLF").codes[0].code == "FRDREB"
    assert d.actors.find("gflf") == []
    # Two entries share the bare name: it stays unread rather than pick one.
    assert [m.text for m in d.actors.find("the Peoples Army")] == ["Army"]
    other = tmp_path / "more"
    other.mkdir()
    (other / "Other.actors.txt").write_text("DUCKS_ [SYLAGR]\n", encoding="utf-8")
    (other / "Test.actors.txt").write_text(actors, encoding="utf-8")
    # A name of another file is not taken over by a bracketed one.
    assert _entry(load_petrarch(other), "Ducks").codes[0].code == "SYLAGR"


def test_petrarch_agents_prefix_suffix_plurals_and_substitutions(petrarch):
    minister = _entry(petrarch, "minister")
    assert minister.kind == AGENT
    assert minister.codes[0].code == "GOV" and minister.codes[0].role == "~GOV"
    assert _entry(petrarch, "ministers") is minister  # regular plural made automatically
    assert _entry(petrarch, "army").codes[0].code == "MIL"
    assert petrarch.actors.find("armies") == []  # {} means: no plural
    secretary = _entry(petrarch, "Secretary of State")
    assert _entry(petrarch, "Secretaries of State") is secretary  # the plural given in {...}
    charity = _entry(petrarch, "charity")
    assert charity.codes[0].code == "NGO" and charity.codes[0].role == "NGO~"
    assert _entry(petrarch, "charities") is charity
    assert _entry(petrarch, "spokesman").codes[0].code == "GOV"  # !PERSON! substitution
    assert _entry(petrarch, "spokeswoman").codes[0].code == "GOV"
    assert petrarch.actors.find("spokesmen") == []  # substitutions get no further plurals


def test_petrarch_verb_blocks_forms_and_shared_patterns(petrarch):
    punish = petrarch.verbs.get("punish")
    penalize = petrarch.verbs.get("penalize")
    # Every verb of a block has the block's patterns; each keeps its own bare code.
    assert [p.words for p in punish[:-1]] == [p.words for p in penalize[:-1]]
    assert (punish[-1].words, punish[-1].code) == ((), "170")
    assert (penalize[-1].words, penalize[-1].code) == ((), "172")
    # Lemmas are the base verbs, lowercase; a form the dictionary spells out (MET) finds its
    # verb's patterns even when the tagger's lemma is wrong.
    assert "confer" in petrarch.verbs
    assert petrarch.verbs.spelt("met") is petrarch.verbs.get("meet")
    assert petrarch.verbs.spelt("cracked") == petrarch.verbs.get("crack")
    # ... also when the tagger gives the form itself as the lemma ("overran" stays "overran").
    from eventwatch.events.matching import lookup
    assert lookup(petrarch.verbs, "met", "met") is petrarch.verbs.get("meet")
    assert petrarch.verbs.get("meet")[-1].code == "040"  # [040:040]: the active part


def test_petrarch_synonym_sets_expand_and_markers_translate(petrarch):
    punish = {p.words: p for p in petrarch.verbs.get("punish")}
    for member in (("sanction",), ("embargo",), ("trade", "ban")):
        pattern = punish[(*member, "on")]
        assert (pattern.code, pattern.target_after, pattern.source_after) == ("163", "on", None)
        assert pattern.text.startswith("- * &PENALTY (ON +)")
        assert pattern.id == "CAMEO.test:16"
    assert punish[("warning",)].code == "---"  # the null code blocks the verb's default
    # Words before '*' must come before the verb (the subject): marked with '<'.
    army = punish[("from", "<troops")]
    assert (army.code, army.source_after) == ("1822", "from")
    assert ("from", "<soldiers") in punish
    # '+' before '*': the subject is the target, so the source is the direct object.
    fine = punish[("fine",)]
    assert (fine.code, fine.target_after, fine.source_after) == ("---", None, "punish")


def test_petrarch_compound_verbs_require_their_particle(petrarch):
    crack = petrarch.verbs.get("crack")
    assert all("down" in p.words for p in crack)
    assert (crack[-1].words, crack[-1].code) == (("down",), "170")
    on = next(p for p in crack if "sanction" in p.words)
    assert on.words == ("down", "sanction", "on") and on.target_after == "on"


def test_petrarch_compound_subject_patterns_rank_after_plain_ones(petrarch):
    talks = [p for p in petrarch.verbs.get("meet") if p.words == ("talks",)]
    assert [p.code for p in talks] == ["046", "043"]  # '% * TALKS' cannot require a compound
    with_in = next(p for p in petrarch.verbs.get("meet") if "in" in p.words)
    assert with_in.words == ("talks", "with", "in")  # (IN ^) before '*' is still a prep
    assert with_in.target_after == "with"


def test_petrarch_transformations_and_passive_codes_are_kept(tmp_path):
    path = tmp_path / "CAMEO.test.txt"
    path.write_text(VERBS, encoding="utf-8")
    errors: list[DictionaryError] = []
    parsed = read_verbs(path, errors)
    assert errors == []
    assert [t.right for t in parsed.transformations] == [("a", "b", "010")]
    assert parsed.synsets["ARMY"].plurals is False and parsed.synsets["PENALTY"].plurals
    punish = parsed.blocks[0]
    assert [(p.code, p.passive) for p in punish.patterns][-2:] == [("1822", "173"),
                                                                   ("---", "173")]
    assert punish.verbs[1].forms == ("PENALIZES", "PENALIZED", "PENALIZING")
    assert (punish.verbs[2].lemma, punish.verbs[2].particles) == ("crack", ("down",))


def test_petrarch_discards(petrarch):
    assert petrarch.story_discards.find("They watched the horse race.")
    assert petrarch.story_discards.find("They watched the horse races.")  # stems match
    assert petrarch.sentence_discards.find("A scene from Duck Soup.")
    assert petrarch.sentence_discards.find("The opera began.")
    assert not petrarch.sentence_discards.find("The operas began.")  # OPERA_ is stopped
    assert not petrarch.sentence_discards.find("They watched the horse race.")


def test_petrarch_discards_count_only_between_blanks_in_the_coder(petrarch, nlp):
    # PETRARCH-2 compares the raw sentence's whitespace tokens: "Duck Soup." (with its full
    # stop) is no discard, "Duck Soup opened" is; our own convention matches words.
    assert _code(petrarch, nlp, "Freedonia penalized Sylvania after Duck Soup opened.") == set()
    assert _code(petrarch, nlp, "Freedonia penalized Sylvania over a scene in Duck Soup.") == {
        ("FRD", "SYL", "172")}
    own_words = replace(petrarch, convention=EVENTWATCH)
    assert _code(own_words, nlp, "Freedonia penalized Sylvania over a scene in Duck Soup.") \
        == set()


def test_a_discard_in_a_phrase_that_says_when_drops_nothing(petrarch, nlp):
    assert _code(petrarch, nlp, "Freedonia penalized Sylvania on Monday, hours before the "
                 "opera began in the capital.") == {("FRD", "SYL", "172")}
    assert _code(petrarch, nlp, "Freedonia penalized Sylvania at the opera on Monday.") == set()


def test_a_discard_naming_a_time_drops_only_the_events_it_dates(petrarch, nlp):
    # Phoenix lists every year as a sentence discard, which in PETRARCH-2 drops the current
    # news with the background: here a past year dates only the verb it hangs from.
    def code(text: str) -> set[tuple[str, str | None, str]]:
        return _code(petrarch, nlp, text, day=dt.date(2008, 8, 1))

    assert code("Freedonia penalized Sylvania in 1999 after a dispute.") == set()
    assert code("Freedonia penalized Sylvania in August 1999 after a dispute.") == set()
    assert code("Freedonia penalized Sylvania on Monday for breaking a 1999 truce.") == {
        ("FRD", "SYL", "172")}
    assert code("Freedonia, which annexed a province in 1999 and lost it, penalized Sylvania "
                "on Monday.") == {("FRD", "SYL", "172")}
    assert code("Freedonia penalized Sylvania during World War II and after.") == set()
    assert code("Freedonia penalized Sylvania on the anniversary of its World War II "
                "surrender.") == {("FRD", "SYL", "172")}
    # A dated thing can be the verb's time; "since" runs up to now.
    assert code("Freedonia penalized Sylvania after the 1999 dispute over water.") == set()
    assert code("Freedonia penalized Sylvania in a 1998-1999 war.") == set()
    assert code("Freedonia penalized Sylvania for the first time since 1999 on Monday.") == {
        ("FRD", "SYL", "172")}
    # A year is a word wherever it stands, unlike PETRARCH-2's blank-bounded discards; a year
    # still to come is a plan, not history.
    assert code("Freedonia penalized Sylvania in 1999.") == set()
    assert _code(petrarch, nlp, "Freedonia penalized Sylvania in 1999 after a dispute.") == {
        ("FRD", "SYL", "172")}


def test_petrarch_malformed_lines_are_reported_and_rest_loads(tmp_path):
    folder = _folder(
        tmp_path,
        actors="FREEDONIA [FRD]\nSYLVANIA [SYL 991301-000101]\n+BROKEN]\nPINKY [FRDCRM]\n",
        agents="MINISTER [~GOV]\nDEPUTY [~GOV}\nCLERK\nCOOK [COK]\nBAKER [~BAK]\n",
        verbs="--- MEET [040] ---\nMEET\n- * TALKS (WITH + [046]\n- * &NOSUCHSET [043]\n"
              "( WITH + ) [040]\n- * VISIT [042]\n",
        discards="+HORSE RACE\n[?]\n",
    )
    loaded = load_petrarch(folder)
    where = {(Path(e.path).name, e.line) for e in loaded.errors}
    assert where == {("Test.actors.txt", 2), ("Test.actors.txt", 3), ("Test.agents.txt", 2),
                     ("Test.agents.txt", 3), ("Test.agents.txt", 4), ("CAMEO.test.txt", 3),
                     ("CAMEO.test.txt", 4), ("CAMEO.test.txt", 5), ("Test.discards.txt", 2)}
    assert all(str(e).startswith(e.path + ":") for e in loaded.errors)  # "file:line: reason"
    assert _entry(loaded, "Pinky").codes[0].code == "FRDCRM"
    assert _entry(loaded, "baker").codes[0].code == "BAK"
    assert [p.words for p in loaded.verbs.get("meet")] == [("visit",), ()]
    assert loaded.story_discards.find("a horse race")


def test_petrarch_files_found_by_name(tmp_path):
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt",
                 "PETR_Validate_verbs_2_02.txt", "Phoenix.discards.txt",
                 "PETR.Internal.Coding.Ontology.txt", "Phoenix.IssueCoding.txt", "notes.md"):
        (tmp_path / name).write_text("", encoding="utf-8")
    files = find_files(tmp_path)
    assert [p.name for p in files.actors] == ["Phoenix.Countries.actors.txt"]
    assert [p.name for p in files.verbs] == ["CAMEO.2.0.txt", "PETR_Validate_verbs_2_02.txt"]
    assert [p.name for p in files.ontology] == ["PETR.Internal.Coding.Ontology.txt"]
    assert len(files.all()) == 6  # the issue-coding file and notes.md are not dictionaries
    with pytest.raises(DictionaryError):
        find_files(tmp_path / "missing")


def test_petrarch_compact_round_trip(tmp_path, petrarch):
    folder = tmp_path / "dicts"
    folder.mkdir()
    _folder(folder, actors=ACTORS, agents=AGENTS, verbs=VERBS, discards=DISCARDS)
    out = tmp_path / "test.ewdict"
    save_compact(read_petrarch(folder), out)
    loaded = load_dictionaries(str(out))
    assert loaded.summary() == load_petrarch(folder).summary()
    assert loaded.verbs.get("punish") == load_petrarch(folder).verbs.get("punish")
    firefly = _entry(loaded, "Rufus T. Firefly")
    assert firefly.code_on(dt.date(1933, 6, 1)) == "FRDGOV"
    assert loaded.story_discards.find("a horse race")


def test_petrarch_compact_refuses_code_and_foreign_files(tmp_path):
    evil = tmp_path / "evil.ewdict"
    evil.write_bytes(pickle.dumps(dt.date(2020, 1, 1)))  # any global is refused
    with pytest.raises(DictionaryError):
        load_compact(evil)
    other = tmp_path / "other.ewdict"
    other.write_bytes(pickle.dumps({"format": "something else"}))
    with pytest.raises(DictionaryError):
        load_compact(other)


def test_petrarch_cli_import_and_check(tmp_path):
    folder = tmp_path / "dicts"
    folder.mkdir()
    _folder(folder, actors=ACTORS + "FREEDONIA [XXX]\n", agents=AGENTS,
            verbs=VERBS + "--- TEST [999] ---\nTEST\n", discards=DISCARDS)
    runner = CliRunner()
    out = tmp_path / "x.ewdict"
    result = runner.invoke(sub_app, ["import", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "wrote" in result.output
    assert runner.invoke(sub_app, ["import", str(folder), "--out", str(tmp_path / "x.pkl")]
                         ).exit_code != 0
    result = runner.invoke(sub_app, ["check", str(folder)])
    assert result.exit_code == 0, result.output  # warnings only
    actor_line, block_line = ACTORS.count("\n") + 1, VERBS.count("\n") + 1
    assert f"Test.actors.txt:{actor_line}: warning: actor name 'freedonia' is also at " \
           "Test.actors.txt:4" in result.output
    assert f"CAMEO.test.txt:{block_line}: warning: unknown CAMEO code '999'" in result.output
    (folder / "Test.discards.txt").write_text("[?]\n", encoding="utf-8")
    result = runner.invoke(sub_app, ["check", str(folder)])
    assert result.exit_code == 1
    assert "Test.discards.txt:1: error:" in result.output


def _events(petrarch: Dictionaries, nlp, text: str, day=dt.date(1933, 6, 1)):
    from eventwatch.events import code_article
    from eventwatch.parse import parse_articles
    from eventwatch.records import Article

    article = Article(id="p", text=text, published=day)
    parsed = next(parse_articles([article], nlp, petrarch.actors.has_candidate))
    return code_article(parsed, petrarch)


def _code(petrarch: Dictionaries, nlp, text: str, day=dt.date(1933, 6, 1)):
    return {(e.source.code, e.target.code if e.target else None, e.code)
            for e in _events(petrarch, nlp, text, day)}


def test_petrarch_convention_in_the_coder(petrarch, nlp):
    # [040:040] on the block: both directions; a dated actor code in force that day.
    assert _code(petrarch, nlp, "Firefly met Sylvania on Monday.") == {
        ("FRDGOV", "SYL", "040"), ("SYL", "FRDGOV", "040")}
    # Prefix agents go before the country, suffix agents after it.
    assert _code(petrarch, nlp, "A Freedonian charity minister met Sylvania.") == {
        ("NGOFRDGOV", "SYL", "040"), ("SYL", "NGOFRDGOV", "040")}
    # PETRARCH keeps codes as written: no intent recoding of future events.
    assert _code(petrarch, nlp, "Freedonia will penalize Sylvania.") == {("FRD", "SYL", "172")}


def test_petrarch_coding_ontology_gives_negation_codes(tmp_path):
    from eventwatch.dictionaries.petrarch.ontology import read_negations

    path = tmp_path / "Test_Internal_Coding_Ontology.txt"
    path.write_text("# header\n010:0x1000#Say\n011:0x1000-0xFFFF\n050:0x0080#Coop\n"
                    "110:0x1007f#0xFFFF+0x0080\n120:-0xFFFF#Reject\nnonsense line\n"
                    "bad:zz\n---:0\n", encoding="utf-8")
    errors: list[DictionaryError] = []
    negations = read_negations(path, errors)
    assert dict(negations) == {"010": "011", "011": "010", "050": "110", "110": "050"}
    assert [e.line for e in errors] == [8]


SAY_BLOCK = """
---  SAY   [010]  ---
SAY {SAYS SAID SAYING}
"""


def test_petrarch_trailing_speaker_is_not_coded_against_the_clause(tmp_path, nlp):
    # "X will do Y, an official said": the clause is what was said, not an addressee.
    d = _extended(tmp_path, verbs=SAY_BLOCK)
    assert _code(d, nlp, "Freedonia will penalize Sylvania, a Sylvanian minister said.") == {
        ("FRD", "SYL", "172")}


def test_petrarch_trailing_speaker_names_no_target_after_it(tmp_path, nlp):
    # "..., ministers said in a statement on Marxonia's radio": a phrase after the saying
    # says how or where it was said, not whom it was said to.
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=SAY_BLOCK)
    assert _code(d, nlp, "Freedonia penalized Sylvania on Tuesday, Freedonian ministers said "
                 "in a statement on Marxonia's radio.") == {("FRD", "SYL", "172")}


def test_a_participle_on_a_reported_clause_is_the_speakers(tmp_path, nlp):
    # "it" is the speaker, also for the participle tacked on the reported clause.
    d = _extended(tmp_path, verbs=SAY_BLOCK + _block("ACCUSE", "112") + _block("STOP", "---"))
    assert ("SYL", "FRD", "112") in _code(d, nlp, "Sylvania said on Tuesday it had stopped "
                                          "its work on the dam, accusing Freedonia of lying.")


def test_petrarch_agentless_passive_takes_its_source_from_the_verb_phrase(petrarch, nlp):
    # No "by" agent: PETRARCH takes the source from the verb's phrases.
    assert _code(petrarch, nlp, "Sylvania was penalized over its dispute with Freedonia.") == {
        ("FRD", "SYL", "172")}
    # A place or a recipient is not who did it.
    assert _code(petrarch, nlp, "Sylvania was penalized outside Freedonia.") == set()
    assert _code(petrarch, nlp, "Sylvania was penalized near Freedonia on Monday.") == set()


def test_petrarch_agentless_passive_source_is_never_in_the_subject_or_a_place(petrarch, nlp):
    # "including" names more victims; a place under "during" is where, not who.
    assert _code(petrarch, nlp, "Sylvania's ministers, including a Freedonian minister, were "
                 "penalized during a crackdown in Freedonia.") == set()
    assert _code(petrarch, nlp, "Sylvania's ministers were penalized during a crackdown in "
                 "Freedonia.") == set()


NEWS_BLOCKS = """
---  PROTEST   [140]  ---
PROTEST

---  TELL   [010]  ---
TELL {TELLS TOLD TELLING}
QUOTE

---  PUSH   [---]  ---
PUSH
- * ON                                  [190]
- * (INTO)                              [192]

---  REJECT   [---]  ---
REJECT
- * PROPOSAL                            [125]

---  RESTORE   [---]  ---
RESTORE
- * RELATIONS                           [050]

---  DEPLOY   [---]  ---
DEPLOY
- * ARMY                                [154]

---  IMPOSE   [---]  ---
IMPOSE
- * TARIFFS                             [163]

---  STORM   [190]  ---
STORM
- * HEADQUARTERS                        [192]

---  SIGN   [---]  ---
SIGN
- * DEAL                                [057]

---  WELCOME   [---]  ---
WELCOME
- * WITHDRAWAL                          [:0874]

---  ATTACK   [190]  ---
ATTACK

---  WARN   [130]  ---
WARN

---  CALL   [041:041]  ---
CALL
- * (FOR)                               [020]

---  RETALIATE   [190]  ---
RETALIATE

---  AGREE   [030]  ---
AGREE

---  DIE   [190]  ---
DIE

---  FIND   [---]  ---
FIND {FINDS FOUND FINDING}
- * GUILTY                              [173]

---  FOUND   [060]  ---
FOUND

---  GO   [040]  ---
+GO_TO
GO
- * POLL                                [---]
"""

# A country whose code changed (PETRARCH's Georgia was USRGEO until 1991): a name with
# dated codes, yet a plain country on the day.
NEWS_ACTORS = """MARXONIA_
+MARXONIAN
    [USRMRX <311231]
    [MRX]
HASSAN_
    [MRXELI]
KING_GROUCHO_
    [JORGOV]
GAZA_STRIP_
    [PSEGZA]
GAZETTE_ [MED]
"""


@pytest.fixture
def news(tmp_path: Path) -> Dictionaries:
    return _extended(tmp_path, actors=NEWS_ACTORS, verbs=NEWS_BLOCKS + SAY_BLOCK)


@pytest.mark.parametrize(("text", "expected"), [
    # "on Monday" says when: it is not PUSH's "- * ON" (pressed on), so "(INTO)" fires.
    ("The Freedonian army pushed deeper into Sylvania on Monday.", {("FRDMIL", "SYL", "192")}),
    # A pattern's named object: whose it is says who, before any later phrase ("in Sylvania"
    # would be the rejecter itself, and no event).
    ("Sylvania rejected the Freedonian proposal during talks in Sylvania.",
     {("SYL", "FRD", "125")}),
    # ... and who made it, before to whom it went.
    ("Sylvania rejected a proposal by Freedonia to the UN.", {("SYL", "FRD", "125")}),
    # "army" is the pattern's own word: the army deployed is no target, though placed near
    # Sylvania (SYLMIL) ...
    ("Freedonia deployed a large army near Sylvania.", {("FRD", "SYL", "154")}),
    # ... while headquarters stormed are the army's (placed in Freedonia).
    ("Sylvania stormed a regional army headquarters in Freedonia.", {("SYL", "FRDMIL", "192")}),
    # The files list "Freedonian"; news writes "thousands of Freedonians".
    ("Thousands of Freedonians penalized Sylvania.", {("FRD", "SYL", "172")}),
    # A passive with an agent, no slot in the pattern, no actor in the subject.
    ("Tariffs were imposed on Sylvania by Freedonia.", {("FRD", "SYL", "163")}),
    # "according to" names who reported it, never a party.
    ("Sylvania was penalized, according to Freedonia.", set()),
    ("A Freedonia-led army penalized Sylvania.", {("FRDMIL", "SYL", "172")}),
    # Coordinated parties of one side do not act on each other; two sectors of one country do.
    ("Freedonia and the Freedonian army met on Monday.", set()),
    # "its army" in the speaker's clause is the speaker's, whatever place the sentence names.
    ("Sylvania said its army penalized Freedonia.", {("SYLMIL", "FRD", "172")}),
    ("Sylvania said its army penalized a minister in Freedonia.", {("SYLMIL", "FRDGOV", "172")}),
    # A body with a full code of its own speaks of its army as itself.
    ("The UN said its army penalized Freedonia.", {("IGOUNO", "FRD", "172")}),
    # Parties who said something together did not say it to each other.
    ("Freedonia and Sylvania said on Monday that the talks would resume.", set()),
    ("Freedonian ministers and the Freedonian army met on Monday.",
     {("FRDGOV", "FRDMIL", "040"), ("FRDMIL", "FRDGOV", "040")}),
    # Who brokered a deal is no party to it (PETRARCH's parser keeps "UN-brokered" one word).
    ("Freedonia and Sylvania signed a UN-brokered deal.",
     {("FRD", "SYL", "057"), ("SYL", "FRD", "057")}),
    # Nor is whoever brokered it with a "by".
    ("Freedonia and Sylvania agreed to a truce brokered by Marxonia.",
     {("FRD", "SYL", "030"), ("SYL", "FRD", "030")}),
    # Where parties did something together is not whom they did it to.
    ("Freedonia and Sylvania signed a deal in Marxonia.",
     {("FRD", "SYL", "057"), ("SYL", "FRD", "057")}),
    ("Freedonia and Sylvania signed a deal with Marxonia.",
     {("FRD", "MRX", "057"), ("SYL", "MRX", "057")}),
    # Whose withdrawal was welcomed, not whence: the reverse code runs from the one withdrawing.
    ("Sylvania welcomed the withdrawal of the Freedonian army from Marxonia.",
     {("FRDMIL", "SYL", "0874")}),
    # A spokesman for someone speaks as them.
    ("A spokesman for the Freedonian army penalized Sylvania.", {("FRDMIL", "SYL", "172")}),
    # A country with dated codes composes like any other: two armies, not one.
    ("Freedonian and Marxonian army units penalized Sylvania.",
     {("FRDMIL", "SYL", "172"), ("MRXMIL", "SYL", "172")}),
    # ... and places a bare sector like any other country.
    ("Sylvania penalized an army camp in Marxonia.", {("SYL", "MRXMIL", "172")}),
    # An army word modifying an act says what kind of act it is: the act is the country's
    # ("Russia's military action", "the military coup in Mauritania") ...
    ("Sylvania penalized Marxonia's army offensive.", {("SYL", "MRX", "172")}),
    ("Sylvania penalized the army coup in Marxonia.", {("SYL", "MRX", "172")}),
    # ... while one whose the act is still does it ("the military's brutal crackdown").
    ("Sylvania penalized the Freedonian army's crackdown.", {("SYL", "FRDMIL", "172")}),
    # A region the files code in full within a real country sets the sentence there too.
    ("Sylvania penalized an army camp in the Gaza Strip.", {("SYL", "PSEMIL", "172")}),
    # Not from another clause when the sentence names another country: the talks are in
    # Marxonia, the army units (penalized at home, root 17) are Freedonia's.
    ("A Freedonian minister penalized army units, a day before talks scheduled in Marxonia.",
     {("FRDGOV", "FRDMIL", "172")}),
    # A candidate naming no actor says whose it is by its "of" phrase, before later phrases.
    ("Sylvania penalized the movement of the Freedonian army from Marxonia.",
     {("SYL", "FRDMIL", "172")}),
    # "X were wounded when Y attacked their convoy": the attack was aimed at X ...
    ("Two ministers of Sylvania were wounded when the Freedonian army attacked their convoy.",
     {("FRDMIL", "SYLGOV", "190")}),
    # ... unless the clause names a target of its own.
    ("Two ministers of Sylvania were wounded when the Freedonian army attacked a Marxonian "
     "convoy.", {("FRDMIL", "MRX", "190")}),
    # A lowercase "march" is a noun, not the month: "(FOR)" fires, not the block's phone call.
    ("Sylvania called for a march to the Freedonian capital.", {("SYL", "FRD", "020")}),
    # "retaliated by penalizing": the gerund is the retaliation, done by the subject.
    ("Sylvania retaliated by penalizing Freedonia.", {("SYL", "FRD", "172")}),
    # PETRARCH's suites code no gerund after "after" ("after leaving Eriador").
    ("Freedonia penalized Sylvania after meeting Marxonia.", {("FRD", "SYL", "172")}),
    # A meeting at home is no meeting with one's own country; abroad, the host is met.
    ("A Freedonian minister met a delegation in Freedonia.", set()),
    # A proposal that someone act is no act: only the rejection is coded.
    ("Sylvania rejected a Marxonian proposal that Freedonia penalize Marxonia.",
     {("SYL", "MRX", "125")}),
    # A title naming another body than the files' code for the person is newer than the
    # files: Firefly is Freedonia's in 1933, but as the UN's envoy he acts for the UN.
    ("UN Secretary-General Rufus T. Firefly penalized Sylvania.", {("IGOUNO", "SYL", "172")}),
    ("Freedonian Secretary-General Rufus T. Firefly penalized Sylvania.",
     {("FRDGOV", "SYL", "172")}),
    # A one-word name is not the first name of somebody else.
    ("The Freedonian minister Hassan Ghashghavi penalized Sylvania.", {("FRDGOV", "SYL", "172")}),
    ("Hassan penalized Sylvania.", {("MRXELI", "SYL", "172")}),
    # A country before a name with a role keeps the role, not the name's country ("Saudi King
    # Abdullah" is no Jordanian).
    ("Freedonian King Groucho penalized Sylvania.", {("FRDGOV", "SYL", "172")}),
    # Unnamed forces that coordinated parties agree to move are their own.
    ("Freedonia and Sylvania agreed to withdraw army units.",
     {("FRD", "SYL", "030"), ("SYL", "FRD", "030")}),
    ("Freedonia and Sylvania agreed to withdraw army units from Marxonia.",
     {("FRD", "MRX", "030"), ("SYL", "MRX", "030")}),
    ("A Freedonian minister met a delegation in Sylvania.",
     {("FRDGOV", "SYL", "040"), ("SYL", "FRDGOV", "040")}),
    # ... but a named person met there, whom no dictionary knows, is not the host.
    ("A Freedonian minister met Jonathan Smith in Sylvania.", set()),
    # Any lone source's home is where it happened, also as "the capital of X" ...
    ("A Freedonian minister died at his home in the capital of Freedonia.", set()),
    # ... but force used on someone there is used on that country's people.
    ("The Freedonian army attacked a camp in Freedonia.", {("FRDMIL", "FRD", "190")}),
    # "according to X" says who reports it: X is no party.
    ("A Freedonian minister died, according to Sylvania.", set()),
    # A block's pattern beats the bare compound verb's own code: "went to the polls" is
    # ``- * POLL`` (nothing), not ``+GO_TO`` (a visit).
    ("Freedonian ministers went to the polls of Sylvania.", set()),
    # An ally, rival or counterpart is somebody else than the possessor.
    ("Freedonia's ally Sylvania penalized Marxonia.", {("SYL", "MRX", "172")}),
    ("Freedonia penalized its old rival, Sylvania.", {("FRD", "SYL", "172")}),
    # Telling the press that someone did something is a statement about them; telling
    # someone else is a statement to them.
    ("Sylvania told the Gazette that Marxonia had penalized Freedonia.",
     {("SYL", "MRX", "010")}),
    ("Sylvania told Marxonia that Freedonia had penalized the Gazette.",
     {("SYL", "MRX", "010")}),
    # "The Gazette quoted X as saying": X says it, the Gazette tells nobody anything.
    ("The Gazette quoted a Freedonian minister as saying that Marxonia was awful.",
     {("FRDGOV", "MRX", "010")}),
    # A protest at home is against its state (a meeting at home is with nobody).
    ("Freedonian ministers protested in the capital of Freedonia.", {("FRDGOV", "FRD", "140")}),
    # "inside X", like "in X", says whose a bare sector is.
    ("Freedonia penalized ministers inside Sylvania.", {("FRD", "SYLGOV", "172")}),
    # "in the northern region of X" sets the sentence in X as "in X" does.
    ("The army penalized Marxonia in the northern region of Sylvania.",
     {("SYLMIL", "MRX", "172")}),
    # A name inside a river's or delta's name is no actor ("the Niger Delta" is Nigeria's).
    ("Freedonia penalized farmers in the Sylvania Delta.", set()),
    ("Freedonia penalized farmers in Sylvania.", {("FRD", "SYL", "172")}),
    # ... but only after the verb: a phrase before it sets the scene.
    ("In Sylvania, Freedonia penalized farmers on Monday.", set()),
    # A sector word on what a sector does ("military mission") names no actor.
    ("Freedonia penalized the army mission in Sylvania.", {("FRD", "SYL", "172")}),
    ("Freedonia penalized farmers with a long army sentence.", set()),
    # Who does what a relative clause says is no party to the verb it hangs under.
    ("Freedonia penalized the farmers, a move Sylvania called awful.", set()),
    # A past participle tacked on a clause is passive: its subject suffered it.
    ("The Freedonian army retreated on Monday, penalized by Sylvania.",
     {("SYL", "FRDMIL", "172")}),
    # What was done "without" did not happen, and names no target of the verb.
    ("The Freedonian army penalized farmers without meeting Sylvania.", set()),
    # Where a meeting is held is nobody met.
    ("Freedonian ministers will meet in Sylvania next month.", set()),
    # ... nor a name before money ("invested nine billion US dollars").
    ("Freedonia penalized farmers nine million Sylvania dollars.", set()),
    # A sector word on a thing stands for the sector, unless the thing is against it.
    ("Army protests penalized Sylvania on Monday.", {("MIL", "SYL", "172")}),
    ("Anti-army protests penalized Sylvania on Monday.", set()),
    ("A Freedonian minister was quoted by the Gazette as saying that Marxonia was awful.",
     {("FRDGOV", "MRX", "010")}),
    # Telling the press about one's own country: the press stays the one told.
    ("A Freedonian minister told the Gazette that Freedonia was awful.",
     {("FRDGOV", "MED", "010")}),
    # A name in lower case is a common word ("pardoned a Thanksgiving turkey").
    ("Freedonia penalized a sylvania farmer.", set()),
    # Everything in a reported clause is said, its participles too (PETRARCH nests it).
    ("Sylvania said Marxonia had penalized Freedonia, attacking Freedonian ministers.",
     {("SYL", "MRX", "010")}),
    # ... but a clause with its own subject that the parser hung there is no part of it.
    ("Sylvania says Freedonia attacked Marxonia, while Marxonia penalizes Sylvania.",
     {("SYL", "FRD", "010"), ("MRX", "SYL", "172")}),
    # "Attacked X's army, penalizing the army": the same army, not one of no country.
    ("Marxonia attacked the Freedonian army, penalizing the army.",
     {("MRX", "FRDMIL", "190"), ("MRX", "FRDMIL", "172")}),
    # A country and a body coordinated before one noun: both act.
    ("Freedonian and UN forces penalized Sylvania.",
     {("FRD", "SYL", "172"), ("IGOUNO", "SYL", "172")}),
    # An army operation is no army: the place is the target.
    ("Sylvania penalized an army operation in Marxonia.", {("SYL", "MRX", "172")}),
    # "In the Sylvania tribal area" sets the sentence there; a border is no setting.
    ("The army penalized ministers in the Sylvania tribal area near the Freedonian border.",
     {("SYLMIL", "SYLGOV", "172")}),
    # A name inside a town's name is no actor ("the town of Dera Ismail Khan").
    ("Freedonia penalized farmers in the town of Abu Hassan.", set()),
    # A counterpart holds the subject's office.
    ("A Freedonian minister met his Marxonian counterpart.",
     {("FRDGOV", "MRXGOV", "040"), ("MRXGOV", "FRDGOV", "040")}),
    # A thing a country's name modifies is no place: the ministers are no Sylvanians.
    ("Freedonia penalized ministers in a Marxonian air raid.", {("FRD", "MRX", "172")}),
    # A "despite" phrase is an aside: its words match no pattern (PUNISH's ``- * WARNING``).
    ("Freedonia penalized Sylvania despite a warning from Marxonia.", {("FRD", "SYL", "172")}),
    # ... and holds no target, also where PETRARCH takes the first actor after the verb.
    ("Freedonia penalized the farmers on Monday despite objections from Marxonia.", set()),
    # An agentless passive's doer is no place one phrase deeper.
    ("Two ministers of Sylvania were penalized in an attack in Freedonia.", set()),
    # "After" says how the passive's subject came to harm, as "when" does.
    ("Two ministers of Sylvania were wounded after the Freedonian army attacked their convoy.",
     {("FRDMIL", "SYLGOV", "190")}),
    # ... also where the place is named as "the district of X".
    ("Two ministers of Sylvania were wounded when the Freedonian army attacked their convoy "
     "in the district of Marxonia.", {("FRDMIL", "SYLGOV", "190")}),
])
def test_petrarch_reads_news_phrasing(news, nlp, text, expected):
    assert _code(news, nlp, text) == expected


def test_petrarch_threat_is_aimed_at_whom_its_clause_names(news, nlp):
    # PETRARCH: the first actor after the verb, inside the clause the threat nests (the
    # threatener's own country aside), or in its condition.
    assert _code(news, nlp, "Sylvania warned that it would penalize Freedonia.") == {
        ("SYL", "FRD", "130")}
    assert _code(news, nlp, "Sylvania warned that it would respond if Freedonia attacked "
                 "Marxonia.") == {("SYL", "FRD", "130")}
    assert _code(news, nlp, "Sylvania warned Marxonia that Freedonia would respond.") == {
        ("SYL", "MRX", "130")}


def test_petrarch_form_spelt_out_by_an_earlier_block_is_that_blocks(news):
    # FIND {FINDS FOUND FINDING} comes before the block of FOUND (to establish): "found
    # guilty" is FIND's pattern, as PETRARCH's first definition wins.
    assert [(p.lemma, p.code) for p in news.verbs.spelt("found")] == [
        ("find", "173"), ("find", "---")]
    assert [(p.lemma, p.code) for p in news.verbs.get("found")] == [("found", "060")]


def test_spokesman_speaks_as_whom_he_speaks_for(petrarch, nlp):
    from eventwatch.actors import ArticleMemory, find_actors, names_someone

    def spokesman(text: str):
        doc = nlp(text)
        found = find_actors(doc, 0, petrarch, dt.date(1933, 6, 1), ArticleMemory())
        (actor,) = found.by_head[1]
        return actor

    named = spokesman("A spokesman for the Freedonian army penalized Sylvania.")
    assert (named.code, names_someone(named)) == ("FRDMIL", True)
    # For a bare army he is a bare sector too: no dictionary entry names him.
    bare = spokesman("A spokesman for the army penalized Sylvania.")
    assert (bare.code, names_someone(bare)) == ("MIL", False)


def test_petrarch_target_search_passes_over_the_source(petrarch, nlp):
    # "with Sylvania" comes first but is the source itself: the target is the charity.
    assert _code(petrarch, nlp, "Sylvania penalized the leader of a Freedonian charity over a "
                 "dispute with Sylvania.") == {("SYL", "NGOFRD", "172")}
    # "its" marks the source's own forces, not a rival it names.
    assert _code(petrarch, nlp, "Freedonia penalized its rival Sylvania.") == {
        ("FRD", "SYL", "172")}


def test_an_apposed_title_and_name_are_one_actor(tmp_path, nlp):
    # "the minister" (GOV) and the named minister (USAGOV) are one source, the specific one.
    d = _extended(tmp_path, actors="MARTHA_SNOW [USAGOV]\n")
    assert _code(d, nlp, "The minister, Martha Snow, penalized Sylvania.") == {
        ("USAGOV", "SYL", "172")}


def test_an_identity_is_a_target_before_a_place(tmp_path, nlp):
    # "Buddhist guerrillas" (an identity, not a bare sector) beat the place after them.
    d = _extended(tmp_path, agents="BUDDHIST_GUERRILLA [~REBBUD]\n")
    assert _code(d, nlp, "The Freedonian army penalized Buddhist guerrillas on the island of "
                 "Sylvania.") == {("FRDMIL", "FRDREBBUD", "172")}  # 17x: the source's own


def test_coordinated_sources_against_their_own_places(news, nlp):
    # Parties that restored relations near one of their own places did it to each other ...
    assert _code(news, nlp, "Freedonia and Sylvania restored relations near Sylvania.") == {
        ("FRD", "SYL", "050"), ("SYL", "FRD", "050")}
    # ... but two of a country's actors hitting their own country is domestic, and kept.
    assert _code(news, nlp, "Freedonian ministers and the army penalized Freedonia.") == {
        ("FRDGOV", "FRD", "172"), ("FRDMIL", "FRD", "172")}


def test_a_go_between_is_no_party(news, nlp):
    # Who mediates or sponsors a meeting is not met; the parties meet each other.
    assert _code(news, nlp, "Freedonia and Sylvania met in Geneva under UN mediation.") == {
        ("FRD", "SYL", "040"), ("SYL", "FRD", "040")}
    assert _code(news, nlp, "Freedonia conferred under the auspices of the UN.") == set()
    # Mediation offered is what one agrees to: the mediator is the target.
    assert _code(news, nlp, "Freedonia agreed to UN mediation on Monday.") == {
        ("FRD", "IGOUNO", "030")}


def test_a_name_before_brokered_brokered_it(tmp_path, nlp):
    # The match "the UN" takes the deal's article; the UN is still the broker, no party.
    d = _extended(tmp_path, actors="THE_UN_ [IGOUNO]\n", verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Sylvania signed the UN-brokered deal on Monday.") == set()
    assert _code(d, nlp, "Sylvania signed the UN-brokered deal with Freedonia.") == {
        ("SYL", "FRD", "057")}


def test_whose_named_object_it_is_comes_before_the_verbs_later_phrases(tmp_path, nlp):
    # The prisoners are Freedonians, whoever the gesture was made to.
    d = _extended(tmp_path, verbs=_block("FREE", "080", "FREE", "- * PRISONERS   [0841]"))
    assert _code(d, nlp, "Sylvania freed 198 Freedonian prisoners on Monday in a goodwill "
                 "gesture to Firefly.") == {("SYL", "FRD", "0841")}


def test_a_group_an_agent_describes_is_what_its_named_apposition_names(tmp_path, nlp):
    d = _extended(tmp_path, actors="NIGERIA_ [NGA]\n+NIGERIAN\n"
                  "MOVEMENT_FOR_THE_EMANCIPATION_OF_THE_NIGER_DELTA_ [NGAREB]\n",
                  agents="MILITANT_GROUP [~UAF]\n", verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Nigeria's main militant group, the Movement for the Emancipation of "
                 "the Niger Delta, penalized Sylvania on Friday.", day=dt.date(2008, 8, 1)) \
        == {("NGAREB", "SYL", "172")}


def test_two_named_parties_of_one_code_speak_against_each_other(tmp_path, nlp):
    # Same-code pairs are one side acting together, except words said by one party the
    # dictionaries name against another: an accusation, not a penalty.
    d = _extended(tmp_path, actors="CHICOLINI_ [FRDGOV]\n",
                  verbs=NEWS_BLOCKS + _block("ACCUSE", "112", "ACCUSE"))
    assert _code(d, nlp, "Rufus T. Firefly accused Chicolini of treason on Monday.") == {
        ("FRDGOV", "FRDGOV", "112")}
    assert _code(d, nlp, "Rufus T. Firefly penalized Chicolini on Monday.") == set()


def test_a_bare_sector_loyal_to_someone_is_of_his_country(tmp_path, nlp):
    d = _extended(tmp_path, actors="RIEK_MACHAR_ [SSDELI]\n", agents="FIGHTER [~UAF]\n",
                  verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Fighters loyal to Riek Machar penalized Sylvania on Monday.") == {
        ("SSDUAF", "SYL", "172")}


def test_people_who_act_for_a_body_no_dictionary_codes_are_the_body(tmp_path, nlp):
    d = _extended(tmp_path, actors="SOUTHERN_AFRICAN_DEVELOPMENT_COMMUNITY_ [IGOSAFDEVSAD]\n",
                  verbs=_block("CALL", "---", "CALL", "- * (ON)   [020]"))
    assert _code(d, nlp, "Leaders of the Southern African Development Community called on "
                 "Freedonia on Sunday to conclude a deal.") == {("IGOSAFDEVSAD", "FRD", "020")}
    # A family is no body the country acts through.
    assert _code(d, nlp, "Family members of the Freedonian hostages called on Sylvania on "
                 "Sunday to conclude a deal.") == set()
    # Its means act as the body too: "light aircraft of the Tamil Tigers bombed a base".
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block("BOMB", "195"))
    assert _code(d, nlp, "Light aircraft of Marxonia bombed a base in Sylvania late on "
                 "Tuesday, the ministry said.") == {("MRX", "SYL", "195")}
    # Nor is a part of a body: "both houses of the parliament" act as the parliament.
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="PARLIAMENT [~LEG]\n",
                  verbs=_block("APPEAL", "020"))
    assert _code(d, nlp, "Both houses of the Freedonian parliament appealed to Sylvania on "
                 "Monday to recognise the independence of the region.") == {
        ("FRDLEG", "SYL", "020")}


def test_a_paired_code_codes_the_reverse_only_in_the_active(tmp_path, nlp):
    # PETRARCH-2 reads "[193:193]" as "and the other did it back" in the active voice; a
    # passive sentence gets only the act, from the doer to the one it was done to.
    d = _extended(tmp_path, verbs=_block("ROUT", "190", "ROUT", "- * (IN SHOOTOUT)   [193:193]"))
    assert _code(d, nlp, "Sylvania routed the Freedonian army in a shootout on Monday.") == {
        ("SYL", "FRDMIL", "193"), ("FRDMIL", "SYL", "193")}
    assert _code(d, nlp, "The Freedonian army was routed by Sylvania in a shootout on "
                 "Monday.") == {("SYL", "FRDMIL", "193")}
    # A coordinated or governed verb phrase has no subject of its own in PETRARCH-2's
    # parse, so the reverse is not coded there; an auxiliary keeps it (the suites' DEMO-11).
    assert _code(d, nlp, "Sylvania crossed the river and routed the Freedonian army in a "
                 "shootout on Monday.") == {("SYL", "FRDMIL", "193")}
    assert _code(d, nlp, "Sylvania tried to rout the Freedonian army in a shootout on "
                 "Monday.") == {("SYL", "FRDMIL", "193")}
    assert _code(d, nlp, "Sylvania will rout the Freedonian army in a shootout on "
                 "Monday.") == {("SYL", "FRDMIL", "193"), ("FRDMIL", "SYL", "193")}
    # A verb phrase followed by another verb phrase nests in PETRARCH-2's parse ...
    assert _code(d, nlp, "Sylvania routed the Freedonian army in a shootout on Monday and "
                 "crossed the river.") == {("SYL", "FRDMIL", "193")}
    # ... but a clause followed by another clause with a subject of its own stands alone.
    assert _code(d, nlp, "Sylvania routed the Freedonian army in a shootout on Monday, and "
                 "the two sides later agreed on a truce.") == {
        ("SYL", "FRDMIL", "193"), ("FRDMIL", "SYL", "193")}


def test_a_person_no_dictionary_knows_ends_the_target_search(news, nlp):
    # The one penalized is named, though not coded: no later actor stands in for him ...
    assert _code(news, nlp, "Freedonia penalized Harpo Marx after talks with Sylvania.") == set()
    # ... unless his title says whose he is.
    assert _code(news, nlp, "Freedonia penalized Harpo Marx, a minister of Sylvania, after "
                 "talks with Marxonia.") == {("FRD", "SYLGOV", "172")}


def test_asking_ones_own_side_is_asking_but_insisting_is_not(tmp_path, nlp):
    # A that-clause's subject of the source's own country is what was said ("said
    # Freedonia would ..."), but one asked to do something is asked, own side or not.
    d = _extended(tmp_path, verbs=_block("DEMAND", "100", "DEMAND", "INSIST"))
    assert _code(d, nlp, "The Freedonian army demanded that Firefly step down.") == {
        ("FRDMIL", "FRDGOV", "100")}
    assert _code(d, nlp, "Firefly insisted that Freedonia would never give up.") == set()


def test_according_to_is_no_verb_wherever_it_hangs(nlp):
    from eventwatch.lexicon import attribution

    # The parser joins this "according" to "killing" as a verb; it is still an attribution.
    doc = nlp("Freedonian troops attacked the town of Gori on Saturday, killing dozens of "
              "people, according to Sylvanian officials.")
    according = next(t for t in doc if t.lower_ == "according")
    assert according.dep_ != "prep" and attribution(according)


def test_a_clause_of_its_own_deep_in_the_phrase_names_no_target(news, nlp):
    # "since it won independence from Marxonia" tells another story than the agreement.
    assert _code(news, nlp, "Freedonia penalized the farmers for the first time since they "
                 "attacked Marxonia.") == set()


def test_a_condition_deep_in_the_phrase_still_names_the_target(tmp_path, nlp):
    d = _extended(tmp_path, verbs=NEWS_BLOCKS + _block("THREATEN", "130"))
    assert _code(d, nlp, "Sylvania threatened to attack the farmers if Freedonia did not "
                 "pay.") == {("SYL", "FRD", "130")}


PRONOUN_BLOCKS = (_block("ACCUSE", "112") + _block("ARREST", "173") + _block("KILL", "190")
                  + _block("AMBUSH", "190"))


@pytest.mark.parametrize(("text", "expected"), [
    # "him" as an object: the last person named before it, though no dictionary marks him.
    ("The Freedonian army arrested Hassan Ali Khan, accusing him of treason.",
     ("FRDMIL", "MRXELI", "112")),
    # "them": the last group before it that is neither a place nor a subject.
    ("Marxonia arrested dozens of Freedonians in Sylvania, accusing them of looting.",
     ("MRX", "FRD", "112")),
    ("Marxonian troops ambushed a unit of Freedonian soldiers near Sylvania, killing ten "
     "of them.", ("MRX", "FRD", "190")),
])
def test_object_pronouns_name_who_was_named_before(tmp_path, nlp, text, expected):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=NEWS_BLOCKS + PRONOUN_BLOCKS)
    assert expected in _code(d, nlp, text)


def test_a_makers_name_with_a_model_number_is_a_machine(tmp_path, nlp):
    d = _extended(tmp_path, actors="BOEING_ [MNCUSA]\n",
                  verbs=_block("FLY", "---", "FLY", "- * (TO)  [036]"))
    assert _code(d, nlp, "A Boeing 737 chartered to fly to Sylvania crashed on Sunday.") == set()
    assert _code(d, nlp, "Boeing agreed to fly to Sylvania on Sunday.") == {
        ("MNCUSA", "SYL", "036")}


def test_a_name_glued_to_a_prefix_is_a_stance_not_a_party(news, nlp):
    # "anti-Freedonian" fighters fight Freedonia; a "post-Freedonian" order is nobody's.
    assert _code(news, nlp, "Anti-Freedonian fighters penalized Sylvania.") == set()
    assert _code(news, nlp, "Sylvania penalized the post-Freedonian government.") == set()
    assert _code(news, nlp, "Freedonian ministers penalized Sylvania.") == {
        ("FRDGOV", "SYL", "172")}


def test_no_word_of_a_relative_clause_subject_is_a_target(news, nlp):
    # "UN" modifies the subject of "called": the critics of the move, not its target.
    assert _code(news, nlp, "Sylvania penalized the farmers on Monday, a move that UN "
                 "officials called harsh.") == set()


def test_the_toll_of_an_act_is_no_second_event(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=NEWS_BLOCKS + _block("KILL", "190"))
    # The dead of the country the act hit are its toll ...
    assert _code(d, nlp, "Marxonia stormed Freedonia on Monday, killing two Freedonian "
                 "ministers.") == {("MRX", "FRD", "190")}
    # ... the dead named as of another country are news of their own ...
    assert _code(d, nlp, "Marxonia stormed Sylvania on Monday, killing two Freedonian "
                 "ministers.") == {("MRX", "SYL", "190"), ("MRX", "FRDGOV", "190")}

    # The dead who only took a country from where they died ("killing dozens of militants"
    # in Bajaur: PAKUAF by the place) are the act's toll, whatever that country.
    from eventwatch.events.nesting import _placed_only
    from eventwatch.records import Actor

    located = Actor("PAKUAF", "militants", "PAK", "UAF", 0, 9, "agents:militant+located:PAK")
    named = Actor("UGAMIL", "Ugandan soldiers", "UGA", "MIL", 0, 16,
                  "countries:uganda+agents:soldier")
    assert _placed_only(located) and not _placed_only(named)


def test_petrarch_an_agent_after_anti_composes_nothing(tmp_path, nlp):
    d = _extended(tmp_path, agents="PROTESTER [~OPP]\nGOVERNMENT [~GOV]\n",
                  verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Freedonian anti-government protesters penalized Sylvania.") == {
        ("FRDOPP", "SYL", "172")}


def test_a_name_is_what_its_bracketed_abbreviation_names(tmp_path, nlp):
    # The files know "WHO", not the long name, whose last word is a bare agent.
    d = _extended(tmp_path, agents="ORGANIZATION [~NGO]\n", verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Sylvania penalized the World Health Organization (WHO) on "
                 "Monday.") == {("SYL", "IGOWHO", "172")}


def test_a_bare_sector_is_what_the_name_right_after_it_names(tmp_path, nlp):
    d = _extended(tmp_path, actors="ETA_ [ESPREB]\nHAMAS_ [PSEREBHMS]\n",
                  agents="SEPARATIST_GROUP [~REB]\nREBELS [~REB]\n", verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Sylvania penalized the Basque separatist group ETA on "
                 "Monday.") == {("SYL", "ESPREB", "172")}
    # After a comma, a name may be the next item of a list.
    assert ("SYL", "PSEREBHMS", "172") in _code(
        d, nlp, "Sylvania penalized the rebels, Hamas and ETA on Monday.")
    # Coordinated names are each what the word names.
    d = _extended(tmp_path, actors="PALESTINIAN_ [PSE]\nHAMAS_ [PSEREBHMS]\nFATAH_ [PSE]\n",
                  verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Sylvania penalized the rival Palestinian movements Hamas and Fatah "
                 "on Monday.") == {("SYL", "PSEREBHMS", "172"), ("SYL", "PSE", "172")}
    # ... and a broad body what its name right after it says more closely.
    d = _extended(tmp_path, actors="UN_ [IGOUNO]\nUNHCR_ [IGOUNOREFHCR]\n",
                  verbs=_block("CALL", "---", "CALL", "- * (ON)   [020]"))
    assert _code(d, nlp, "The UN refugee agency UNHCR called on Sylvania on Thursday to give "
                 "aid workers access.") == {("IGOUNOREFHCR", "SYL", "020")}


def test_coordinated_subjects_acting_on_uncoded_people_do_not_act_on_each_other(tmp_path,
                                                                                 nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=NEWS_BLOCKS + _block("JOIN", "040"))
    assert _code(d, nlp, "Freedonia and Sylvania joined Baltic leaders at a rally on "
                 "Tuesday.") == set()
    assert _code(d, nlp, "Freedonia and Sylvania joined forces on Tuesday.") == {
        ("FRD", "SYL", "040"), ("SYL", "FRD", "040")}


VOW_BLOCK = """
---  VOW   [030]  ---
VOW
- * WAR   [190]
"""


def test_petrarch_plain_infinitive_complement_joins_the_verb_phrase(tmp_path, nlp):
    # "wage" is no dictionary verb: "vowed to wage war on X" is matched as one phrase ...
    d = _extended(tmp_path, verbs=VOW_BLOCK)
    assert _code(d, nlp, "Freedonia vowed to wage war on Sylvania.") == {("FRD", "SYL", "190")}
    # ... while a coded verb's complement is nested in it: a vow to penalize is a vow (030),
    # not a penalty; "threatened to shell" is likewise a threat, not shelling.
    assert _code(d, nlp, "Freedonia vowed to penalize Sylvania.") == {("FRD", "SYL", "030")}


def test_petrarch_target_is_the_first_actor_in_the_verb_phrase(petrarch, nlp):
    # No actor in the object or a target preposition: the first actor after the verb.
    assert _code(petrarch, nlp, "Freedonia penalized a group supporting Sylvania.") == {
        ("FRD", "SYL", "172")}


def test_names_coordinated_with_a_misparsed_apposition_are_subjects_too(tmp_path, nlp):
    # "Sylvania, the Firefly, Pinky and Marxland": spaCy hangs the list on an apposition.
    d = _extended(tmp_path, actors="MARXLAND [MRX]\n")
    coded = _code(d, nlp, "Sylvania, the Firefly, Pinky and Marxland penalized Freedonia.")
    assert ("MRX", "FRD", "172") in coded and ("SYL", "FRD", "172") in coded


CELEBRATE_BLOCK = """
---  CELEBRATE   [051]  ---
CELEBRATE
- * FESTIVAL (IN ^) +   [017]
- * HOLIDAY ^ $         [017]
"""


def test_petrarch_skip_marker_names_the_phrase_after_the_skipped_one(tmp_path, nlp):
    from eventwatch.events import code_article
    from eventwatch.parse import parse_articles
    from eventwatch.records import Article

    d = _extended(tmp_path, actors="MARXLAND [MRX]\n", verbs=CELEBRATE_BLOCK)
    festival, holiday = (p for p in d.verbs.get("celebrate") if p.words)
    assert (festival.target_after, holiday.source_after) == ("^in", "^holiday")
    # "(IN ^) +": not Sylvania (the skipped phrase) but the next actor.
    assert _code(d, nlp, "Freedonia celebrated a festival in Sylvania with Marxland.") == {
        ("FRD", "MRX", "017")}
    # Made-up three-letter country codes are countries too.
    article = Article(id="p", text="Freedonia celebrated a festival in Sylvania with Marxland.",
                      published=dt.date(1933, 6, 1))
    parsed = next(parse_articles([article], nlp, d.actors.has_candidate))
    assert {e.target.country for e in code_article(parsed, d)} == {"MRX"}


def test_petrarch_skip_after_a_noun_skips_the_next_phrase(tmp_path, nlp):
    d = _extended(tmp_path, actors="MARXLAND [MRX]\n", verbs=CELEBRATE_BLOCK)
    # "HOLIDAY ^ $": the phrase after the holiday is skipped, the next one is the source.
    text = "Freedonia celebrated the holiday with Sylvania last week in Marxland."
    assert _code(d, nlp, text) == {("MRX", "FRD", "017")}


CRITICIZE_BLOCK = """
---  CRITICIZE   [111]  ---
CRITICIZE
- HEAVILY *   [122]
"""


def test_petrarch_adverbs_before_the_verb_do_not_match(tmp_path, nlp):
    # PETRARCH-2 codes "heavily criticized" with the verb's default code.
    d = _extended(tmp_path, verbs=CRITICIZE_BLOCK)
    assert _code(d, nlp, "Freedonia heavily criticized Sylvania.") == {("FRD", "SYL", "111")}


def test_sector_of_coordinated_countries_goes_to_each(tmp_path, nlp):
    d = _extended(tmp_path, actors="MARXLAND [MRX]\n")
    text = "The ministers of Freedonia, Marxland and Sylvania penalized Trentino."
    assert _code(d, nlp, text) == {("FRDGOV", "SYLGOV", "172"), ("MRXGOV", "SYLGOV", "172")}


def test_conjoined_sectors_take_every_country_of_the_first(tmp_path, nlp):
    d = _extended(tmp_path, actors="MARXLAND [MRX]\n")
    text = "The ministers and army in Freedonia and Marxland penalized Sylvania."
    assert {s for s, _, _ in _code(d, nlp, text)} == {"FRDGOV", "MRXGOV", "FRDMIL", "MRXMIL"}


def test_a_name_right_after_its_title_is_no_second_subject(tmp_path, nlp):
    # "minister Groucho": one actor, not a misparsed coordination of two.
    d = _extended(tmp_path, actors="GROUCHO [MRX]\n")
    text = "Sylvania's awful and evil minister Groucho penalized Freedonia."
    assert _code(d, nlp, text) == {("SYLGOV", "FRD", "172")}


def test_petrarch_event_in_a_coded_that_clause_is_nested_not_coded(tmp_path, nlp):
    # PETRARCH nests "Freedonia penalized Sylvania" in the saying: only the saying is coded.
    d = _extended(tmp_path, verbs=SAY_BLOCK)
    assert _code(d, nlp, "Trentino said that Freedonia penalized Sylvania.") == {
        ("SYLGOV", "FRD", "010")}


TRANSFORMATIONS = """
---  SAY   [010]  ---
SAY {SAYS SAID SAYING}

---  WANT  [030]  ---
WANT

---  TRY  [---]  ---
TRY

######## TRANSFORMATIONS ##########
~ a (a b PUNISH) SAY = a b 015
~ a (b . PUNISH) SAY = a b 112
~ a (a b Q) SAY = a b Q
~ a (_ b PUNISH) WANT = a b 138
~ a (_ b PUNISH) TRY = a b 138
~ a (_ b PUNISH) HOPE = a b 138
~ a (b . PUNISH) SAY = a c 112
"""


def test_petrarch_transformations_become_rules_or_errors(tmp_path):
    d = load_petrarch(_folder(tmp_path, actors=ACTORS, verbs=VERBS + TRANSFORMATIONS))
    rules = {t.text.split("=")[0].strip(): t for t in d.transformations}
    # Verbs stand for their codes: PUNISH is its block's 170, SAY 010; "_" is a role.
    said_it = rules["~ a (a b PUNISH) SAY"]
    assert (said_it.governor, said_it.source, said_it.nested, said_it.result) == (
        "010", "a", ("a", "b", "170"), ("a", "b", "015"))
    assert rules["~ a (_ b PUNISH) WANT"].nested == ("_", "b", "170")
    assert rules["~ a (a b Q) SAY"].nested[2] == "Q"
    assert rules["~ a (a b PUNISH) MEET"].governor == "040"
    # Tried in order, a written nested code before Q (the Q line is not last in the file).
    assert [t.nested[2] == "Q" for t in d.transformations] == [False] * 4 + [True]
    first = VERBS.count("\n") + TRANSFORMATIONS.count("\n") - 2
    reasons = {e.line: e.reason for e in d.errors}
    assert set(reasons) == {first, first + 1, first + 2}
    assert "TRY has no event code" in reasons[first]
    assert "HOPE is no verb" in reasons[first + 1]
    assert "'c'" in reasons[first + 2]
    # The lint names them too, and counts only the rules that can apply.
    from eventwatch.dictionaries.petrarch.check import check_petrarch

    report = check_petrarch(tmp_path)
    assert report.counts["transformations"] == len(d.transformations) == 5
    assert {e.line for e in report.errors} >= {first, first + 1, first + 2}


def test_transformation_roles_bind_one_actor_each():
    from eventwatch.dictionaries.model import Transformation

    accuse = Transformation("t:1", "", "010", "a", ("b", ".", "190"), ("a", "b", "112"))
    claim = Transformation("t:2", "", "010", "a", ("a", "b", "190"), ("a", "b", "015"))
    intend = Transformation("t:3", "", "030", "a", ("_", "b", "190"), ("a", "b", "138"))
    # Codes name their family: SAY's 010 covers 012, ATTACK's 190 covers 193.
    assert accuse.match("012", "193", ("ISR", "HMS", "EGY")) == {"a": 0, "b": 1}
    assert accuse.match("012", "173", ("ISR", "HMS", "EGY")) is None
    assert accuse.match("040", "193", ("ISR", "HMS", "EGY")) is None
    # The same actor cannot fill two variables; "_" wants no actor, "." any.
    assert accuse.match("010", "190", ("ISR", "ISR", "EGY")) is None
    assert claim.match("010", "190", ("ISR", "ISR", "EGY")) == {"a": 0, "b": 2}
    assert claim.match("010", "190", ("ISR", "HMS", "EGY")) is None
    assert intend.match("030", "190", ("TUR", None, "SYR")) == {"a": 0, "b": 2}
    assert intend.match("030", "190", ("TUR", "TUR", "SYR")) is None
    # An attack on no actor the dictionaries name is still one ("bombed the town of Gori");
    # "." is no empty source, nor is a variable ever empty.
    assert accuse.match("010", "190", ("ISR", "HMS", None)) == {"a": 0, "b": 1}
    assert claim.match("010", "190", ("ISR", "ISR", None)) is None


def test_petrarch_transformations_rewrite_nested_events(tmp_path, nlp):
    d = _extended(tmp_path, verbs=TRANSFORMATIONS)
    # Someone else did it: the speaker accuses them (and the punishment is not coded).
    assert _code(d, nlp, "Trentino said that Freedonia penalized Sylvania.") == {
        ("SYLGOV", "FRD", "112")}
    # The speaker did it: a claim of responsibility, against the punished ...
    assert _code(d, nlp, "Freedonia said it penalized Sylvania.") == {("FRD", "SYL", "015")}
    # ... also when its own ministers did it.
    assert _code(d, nlp, "Freedonia said its ministers penalized Sylvania.") == {
        ("FRD", "SYL", "015")}
    # A state speaking of its own forces claims what they did.
    assert _code(d, nlp, "Freedonia said the Freedonian army penalized Sylvania.") == {
        ("FRD", "SYL", "015")}
    # A bare sector the speaker belongs to is the speaker's own: a minister speaking of
    # ministers claims it (it had been a minister accusing GOV).
    assert _code(d, nlp, "A Freedonian minister said ministers penalized Sylvania.") == {
        ("FRDGOV", "SYL", "015")}
    # A body with a code of its own (the UN, a group) is its own ministers or fighters.
    assert _code(d, nlp, "The UN said its ministers penalized Sylvania.") == {
        ("IGOUNO", "SYL", "015")}
    # Wanting to do it, with no subject of its own: an intent (and no bare 030).
    assert _code(d, nlp, "Freedonia wants to penalize Sylvania.") == {("FRD", "SYL", "138")}
    # "said in a statement that …": the parser hangs the clause on "statement"; it is still
    # what was said.
    assert _code(d, nlp, "Trentino said in a statement that Freedonia had penalized "
                 "Sylvania.") == {("SYLGOV", "FRD", "112")}
    # Punishing nobody the dictionaries name is still punishing: an accusation.
    assert _code(d, nlp, "Trentino said that Freedonia penalized the town.") == {
        ("SYLGOV", "FRD", "112")}
    # ... but not when nobody is named as its doer, only the place of an agentless passive.
    assert not any(code == "112" for _, _, code in _code(
        d, nlp, "Trentino said that the town was penalized in Freedonia."))
    # A clause no rule rewrites names the saying's target, whether it says what Freedonia did
    # or what it is (the 2_02 suite's "X noted that Y regretted Z" is X → Y 010).
    assert _code(d, nlp, "Trentino said that Freedonia conferred.") == {("SYLGOV", "FRD", "010")}
    assert _code(d, nlp, "Trentino said that Freedonia was awful.") == {("SYLGOV", "FRD", "010")}
    # Whoever dies is no doer to accuse (DIE is in the accused class in Phoenix).
    (tmp_path / "die").mkdir()
    died = _extended(tmp_path / "die", verbs=TRANSFORMATIONS.replace(
        "######## TRANSFORMATIONS ##########", "---  DIE  [190]  ---\nDIE {DIES DIED DYING}\n\n"
        "######## TRANSFORMATIONS ##########\n~ a (b . DIE) SAY = a b 112"))
    assert _code(died, nlp, "Trentino said that two Freedonian ministers had died.") == {
        ("SYLGOV", "FRDGOV", "010")}
    # A negated saying rewrites nothing.
    assert not any(code == "112" for _, _, code in _code(
        d, nlp, "Trentino did not say that Freedonia penalized Sylvania."))
    # Provenance names the rule, the governing verb's entry and the nested pattern's.
    (event,) = _events(d, nlp, "Trentino said that Freedonia penalized Sylvania.")
    assert event.rule.startswith("CAMEO.test:")
    assert "~ a (b . PUNISH) SAY = a b 112" in event.rule and "PENALIZE" in event.rule
    assert event.trigger == "penalized"


RISEN_BLOCK = """
---  RISEN  [---]  ---
RISEN
- {DEATH TOLL} *   [190]
"""


def test_petrarch_subject_noun_modifiers_match_words_before_the_verb(tmp_path, nlp):
    # "death and injury toll": spaCy makes "death" an nmod of the subject head.
    d = _extended(tmp_path, verbs=RISEN_BLOCK)
    text = "Freedonia's death and injury toll has risen in the dispute with Sylvania."
    assert _code(d, nlp, text) == {("FRD", "SYL", "190")}


BARGAIN_BLOCK = """
---  BARGAIN  [031]  ---
BARGAIN
- * (FOR ASYLUM)   [1032]
- * ASYLUM         [1033]
"""


def test_petrarch_prepositional_group_words_stand_side_by_side(tmp_path, nlp):
    d = _extended(tmp_path, verbs=BARGAIN_BLOCK)
    group = next(p for p in d.verbs.get("bargain") if p.code == "1032")
    assert group.chains == (("for", "asylum"),)
    # Articles may stand between; an adjective breaks "(FOR ASYLUM)" and leaves "ASYLUM".
    assert _code(d, nlp, "Firefly will bargain for the asylum in Sylvania.") == {
        ("FRDGOV", "SYL", "1032")}
    assert _code(d, nlp, "Firefly will bargain for political asylum in Sylvania.") == {
        ("FRDGOV", "SYL", "1033")}


BEGIN_BLOCK = """
---  BEGIN  [---]  ---
BEGIN {BEGINS BEGINNING BEGAN BEGUN}
* (TO QUESTION)   [110]
"""


def test_petrarch_dashless_pattern_is_read_with_a_warning(tmp_path, nlp):
    from eventwatch.dictionaries.petrarch.check import check_petrarch

    folder = _folder(tmp_path, actors=ACTORS, agents=AGENTS, verbs=VERBS + BEGIN_BLOCK)
    d = load_petrarch(folder)
    assert d.errors == ()
    assert [w.reason for w in check_petrarch(folder).warnings if "leading" in w.reason] == [
        "pattern without its leading '-': read as a pattern"]
    # The infinitive complement's own words ("to question") belong to the verb phrase.
    text = "Freedonia has begun to question whether it has a future with Sylvania."
    assert _code(d, nlp, text) == {("FRD", "SYL", "110")}


def test_petrarch_narrowest_date_range_wins(tmp_path):
    actors = ("GROUCHO [MRX]\n    [MRXMIL 19300101-19391231]\n"
              "    [MRXGOV 19330601-19330610]  # the exception inside the longer range\n")
    d = load_petrarch(_folder(tmp_path, actors=actors, agents=AGENTS, verbs=VERBS))
    groucho = _entry(d, "Groucho")
    assert groucho.code_on(dt.date(1933, 6, 10)) == "MRXGOV"  # the last day is included
    assert groucho.code_on(dt.date(1933, 6, 11)) == "MRXMIL"
    assert groucho.code_on(dt.date(1939, 12, 31)) == "MRXMIL"


DEPART_BLOCK = """
---  DEPART  [040]  ---
DEPART
"""


def test_petrarch_misspelt_verb_forms_are_not_coded(tmp_path, nlp):
    from eventwatch.dictionaries.words import regular_verb_form

    assert all(regular_verb_form(f, lemma) for f, lemma in [
        ("departs", "depart"), ("departed", "depart"), ("marches", "march"),
        ("planned", "plan"), ("tries", "try"), ("tried", "try"), ("taken", "take"),
        ("went", "go"), ("closing", "close")])
    assert not regular_verb_form("departes", "depart")
    assert not regular_verb_form("departted", "depart")
    d = _extended(tmp_path, verbs=DEPART_BLOCK)
    assert _code(d, nlp, "Freedonia departed from Sylvania.") == {("FRD", "SYL", "040")}
    assert _code(d, nlp, "Freedonia departes from Sylvania.") == set()


def test_an_inflected_verb_the_tagger_left_unlemmatized_is_still_found(tmp_path, nlp):
    from eventwatch.dictionaries.words import verb_stems

    assert verb_stems("jeered")[0] == "jeer"
    assert "plan" in verb_stems("planned") and "carry" in verb_stems("carried")
    assert "use" in verb_stems("used") and verb_stems("agrees") == ["agree"]
    # The small model tags "jeered" VBP in "Opposition MPs jeered Robert Mugabe on Tuesday"
    # and leaves the lemma "jeered"; PETRARCH generates JEER's forms and matches it.
    from eventwatch.events.matching import lookup

    d = _extended(tmp_path, verbs=_block("JEER", "111"))
    found = lookup(d.verbs, "jeered", "jeered")
    assert [p.code for p in found] == ["111"] and found[0].lemma == "jeer"
    assert lookup(d.verbs, "jeers", "jeers") and not lookup(d.verbs, "jeerx", "jeerx")


def test_petrarch_passive_subject_hung_on_the_auxiliary(petrarch, nlp):
    # spaCy attaches "Sylvania" to "was" as nsubj when adverbs are coordinated.
    text = "Sylvania was heavily and unjustly penalized over its dispute with Freedonia."
    assert _code(petrarch, nlp, text) == {("FRD", "SYL", "172")}


DEPLORE_BLOCK = """
---  DEPLORE  [111]  ---
DEPLORE
- INDICATED *   [123]
"""


def test_petrarch_governing_verb_is_no_pre_verb_word_across_a_subject(tmp_path, nlp):
    d = _extended(tmp_path, verbs=DEPLORE_BLOCK)
    # "indicated it deplored": "deplored" has its own subject, so INDICATED * does not apply.
    assert _code(d, nlp, "Freedonia indicated it deplored Sylvania.") == {("FRD", "SYL", "111")}


CLASH_BLOCK = """
---  CLASH  [190]  ---
CLASH
- * (OVER EFFORTS)   [110]
"""
CLASH_NEGATIONS = "110:0x1007f#0xFFFF+0x0080\n050:0x0080#Coop\n"


def test_petrarch_negation_reaches_the_verb_but_not_its_complement(tmp_path, nlp):
    folder = _folder(tmp_path, actors=ACTORS, agents=AGENTS, verbs=VERBS + CLASH_BLOCK)
    (folder / "Test_Internal_Coding_Ontology.txt").write_text(CLASH_NEGATIONS, encoding="utf-8")
    d = load_petrarch(folder)
    assert d.negations.get("110") == "050"
    # "not" hung on an adverb still negates the verb: 110 becomes its negation, 050.
    text = "Freedonia did not even ever clash over the efforts of Sylvania."
    assert _code(d, nlp, text) == {("FRD", "SYL", "050")}
    # A negated governing verb leaves its complement alone, as the 2_02 validation expects.
    text = "Freedonia won't try to clash over the efforts of Sylvania."
    assert _code(d, nlp, text) == {("FRD", "SYL", "110")}


WIRETAP_BLOCK = """
---  CONFISCATE  [170]  ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
WIRE
TAP {TAPS TAPPED TAPPING}
"""


def test_petrarch_compound_verb_split_by_the_parser_is_one_event(tmp_path, nlp):
    d = _extended(tmp_path, verbs=WIRETAP_BLOCK)
    from eventwatch.events import code_article
    from eventwatch.parse import parse_articles
    from eventwatch.records import Article

    # spaCy reads "wire tap" as the verb "wire" with the complement "tap": one event.
    text = "Freedonia will wire tap the telephone links of Sylvania."
    parsed = next(parse_articles([Article(id="w", text=text, published=dt.date(1933, 6, 1))],
                                 nlp, d.actors.has_candidate))
    events = code_article(parsed, d)
    assert [(e.source.code, e.target.code, e.code, e.trigger) for e in events] == [
        ("FRD", "SYL", "170", "wire")]


BELIEVE_RECEIVE_BLOCKS = """
---  BELIEVE  [012]  ---
BELIEVE
- * LINKED   [111]

---  RECEIVE  [033]  ---
RECEIVE
- + * MONEY $   [071]
"""


def test_petrarch_participle_complement_joins_the_verb_phrase(tmp_path, nlp):
    d = _extended(tmp_path, verbs=BELIEVE_RECEIVE_BLOCKS)
    text = ("The Freedonian minister believed linked to Sylvania who fled the capital was "
            "arrested on Monday, police said.")
    assert ("FRDGOV", "SYL", "111") in _code(d, nlp, text)


def test_petrarch_marker_after_a_noun_names_the_phrase_after_it(tmp_path, nlp):
    # "+ * MONEY $": the subject is the target, the source follows the noun "money".
    d = _extended(tmp_path, verbs=BELIEVE_RECEIVE_BLOCKS)
    assert _code(d, nlp, "Sylvania has received by courier money from Freedonia.") == {
        ("FRD", "SYL", "071")}


def test_subject_of_a_passive_governor_acts_in_its_complement(petrarch, nlp):
    # "X was seen to penalize Y": X penalizes; the passive belongs to "seen".
    assert _code(petrarch, nlp, "Firefly was seen to penalize Sylvania.") == {
        ("FRDGOV", "SYL", "172")}


def test_cut_off_fragment_belongs_to_the_verb_before_it(nlp):
    from spacy.tokens import Doc

    from eventwatch.events.frame import cut_off_fragment

    # The parse spaCy gives "X broke into an anti- Y parade": "Y parade" a root of its own.
    words = ["Firefly", "broke", "into", "an", "anti-", "Sylvania", "parade", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 4, 2, 6, 6, 6],
              deps=["nsubj", "ROOT", "prep", "det", "pobj", "compound", "ROOT", "punct"],
              pos=["PROPN", "VERB", "ADP", "DET", "NOUN", "PROPN", "NOUN", "PUNCT"])
    assert [t.text for t in cut_off_fragment(doc[1])] == ["Sylvania", "parade", "."]
    whole = Doc(nlp.vocab, words=["Firefly", "broke", "the", "law", "."],
                heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "det", "dobj", "punct"],
                pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT"])
    assert cut_off_fragment(whole[1]) == []


def test_his_counterpart_is_the_other_party(petrarch, nlp):
    # "its armed forces" are the source's own, but "his counterpart" is the other side.
    text = "Ambassador Trentino met his Freedonian counterpart in Sylvania on Monday."
    assert ("SYLGOV", "FRD", "040") in _code(petrarch, nlp, text)


def test_petrarch_own_country_in_a_said_clause_is_not_the_addressee(tmp_path, nlp):
    d = _extended(tmp_path, verbs=SAY_BLOCK)
    # Freedonia is what Firefly talked about, not whom he told: no FRDGOV → FRD saying.
    assert _code(d, nlp, "Firefly said Freedonia would penalize Sylvania.") == {
        ("FRD", "SYL", "172")}


def test_petrarch_conjoined_agents_share_all_modifiers_of_the_first(tmp_path, nlp):
    d = _extended(tmp_path, agents="ISLAMIST [~MUS]\nMEDIA {} [~MED]\n")
    text = "The Freedonian Islamist media and army penalized Sylvania."
    assert {s for s, _, _ in _code(d, nlp, text)} == {"FRDMUSMED", "FRDMUSMIL"}


ACCLAIM_BLOCK = """
---  ACCLAIM   [051]  ---
ACCLAIM
PRAISE
- * (TO)                   [043:042]

---  CALL   [---]  ---
CALL
- * FOR TALKS WITH +       [036]
"""


def test_petrarch_preposition_inside_a_prepositional_phrase_is_that_phrases(
        tmp_path, nlp):
    # "to peace" belongs to "commitment", so ACCLAIM's ``- * (TO)`` (a welcome to a visit)
    # does not fire: a plain praise. PETRARCH matches a verb's own phrases only.
    d = _extended(tmp_path, verbs=ACCLAIM_BLOCK)
    assert _code(d, nlp, "Freedonia praised Sylvania for its commitment to peace.") == {
        ("FRD", "SYL", "051")}
    # A pattern that names the phrase it sits in still reaches it.
    assert _code(d, nlp, "Freedonia called for talks with Sylvania.") == {
        ("FRD", "SYL", "036")}


BREAK_BLOCK = """
---  BREAK   [---]  ---
BREAK {BREAKS BROKE BROKEN BREAKING}
- ARMY *                   [180]
- * (WITH)                 [130]
- * OFF                    [130]
- * RELATIONS              [161]
"""


def test_petrarch_object_pattern_beats_an_equally_long_particle_or_preposition(
        tmp_path, nlp):
    # PETRARCH tries a verb's noun phrases before its prepositional phrases and particles.
    d = _extended(tmp_path, verbs=BREAK_BLOCK)
    assert _code(d, nlp, "Freedonia broke off relations with Sylvania.") == {
        ("FRD", "SYL", "161")}
    assert _code(d, nlp, "Freedonia broke with Sylvania.") == {("FRD", "SYL", "130")}
    # Words before the verb are no particle: the subject pattern listed first keeps its turn.
    assert _code(d, nlp, "The Freedonian army broke off relations with Sylvania.") == {
        ("FRDMIL", "SYL", "180")}



ASSAIL_BLOCK = """
---  ASSAIL   [190]  ---
ASSAIL
- * GOVERNMENT             [111]
- * RELIEF                 [0233]
"""


def test_petrarch_pattern_word_inside_an_actors_name_does_not_fire(tmp_path, nlp):
    # "government forces" are troops: GOVERNMENT says whose, not what was assailed.
    d = _extended(tmp_path, verbs=ASSAIL_BLOCK,
                  agents="GOVERNMENT [~GOV]\nFORCE [~MIL]\nPROTESTER [~OPP]\n")
    assert _code(d, nlp, "Sylvania assailed the Freedonian government forces on Monday.") == {
        ("SYL", "FRDGOVMIL", "190")}
    # As the head of the object the word fits: the government itself was assailed.
    assert _code(d, nlp, "Sylvania assailed the Freedonian government on Monday.") == {
        ("SYL", "FRDGOV", "111")}
    # A modifier that is no dictionary word still fits: "relief forces" bring relief.
    assert _code(d, nlp, "Sylvania assailed the Freedonian relief forces on Monday.") == {
        ("SYL", "FRDMIL", "0233")}
    # Nor does it fire as the first word of a proper name ("Government House").
    assert _code(d, nlp, "Protesters assailed the grounds of Government House in "
                 "Freedonia on Tuesday.") == {("FRDOPP", "FRDGOV", "190")}


THREATEN_BLOCK = """
---  THREATEN   [130]  ---
THREATEN

---  KILL   [190]  ---
KILL

---  CALL   [020]  ---
CALL
"""


def test_petrarch_threatened_infinitive_before_a_condition_is_a_threat(tmp_path, nlp):
    # With an "unless" clause after it, the small model reads the infinitive as a purpose
    # (advcl); the parse repair makes it the complement again: a threat, not a killing.
    d = _extended(tmp_path, verbs=THREATEN_BLOCK, agents="ENGINEER [~CVL]\nJUNTA [~GOV]\n")
    text = ("The Freedonian army threatened on Sunday to kill two kidnapped Sylvanian "
            "engineers unless their demands were met.")
    assert _code(d, nlp, text) == {("FRDMIL", "CVL", "130")}
    # So after an appeal: the killing is asked for, not done.
    assert _code(d, nlp, "Freedonia called on the junta on Monday to kill two engineers "
                         "unless Sylvania paid.") == {("FRD", "GOV", "020")}


TELL_BLOCK = SAY_BLOCK + """
---  TELL   [010]  ---
TELL {TELLS TOLD TELLING}

---  ANNOUNCE   [010]  ---
ANNOUNCE
"""


def test_where_something_was_said_is_nobody_it_was_said_to(tmp_path, nlp):
    d = _extended(tmp_path, verbs=TELL_BLOCK)
    assert _code(d, nlp, "Firefly told journalists in Sylvania on Monday that the talks "
                         "had failed.") == set()
    assert _code(d, nlp, "The Freedonian minister told a news conference in Sylvania that "
                         "the talks had failed.") == set()
    assert _code(d, nlp, "Firefly told Sylvania that the talks had failed.") == {
        ("FRDGOV", "SYL", "010")}
    # What is announced may happen where it is announced.
    assert _code(d, nlp, "Firefly announced a truce in Sylvania on Monday.") == {
        ("FRDGOV", "SYL", "010")}


SCUFFLE_BLOCK = """
---  SCUFFLE  [190]  ---
SCUFFLE
- * COURT              [111]
- * (ALONG BORDER)     [195]
"""


def test_petrarch_words_of_a_place_phrase_match_only_with_its_preposition(tmp_path, nlp):
    # "outside a court" says where: COURT (a clash in court) does not fit it.
    d = _extended(tmp_path, verbs=SCUFFLE_BLOCK, agents="POLICE [~COP]\n")
    assert _code(d, nlp, "The Freedonian army scuffled with Sylvanian police outside a "
                         "court on Tuesday.") == {("FRDMIL", "COP", "190")}
    assert _code(d, nlp, "The Freedonian army scuffled with Sylvania in court on "
                         "Tuesday.") == {("FRDMIL", "SYL", "111")}
    # A pattern that names the preposition still reaches its words.
    assert _code(d, nlp, "The Freedonian army scuffled with Sylvania along the border on "
                         "Tuesday.") == {("FRDMIL", "SYL", "195")}


FIGHT_BLOCK = """
---  FIGHT   [190]  ---
FIGHT

---  DISPLACE   [---]  ---
DISPLACE
"""


def test_petrarch_gerund_under_a_passives_by_is_not_done_by_its_subject(tmp_path, nlp):
    # The displaced did not fight; "retaliated by expelling" is still the subject's doing.
    d = _extended(tmp_path, verbs=FIGHT_BLOCK, agents="VILLAGER [~CVL]\n")
    assert _code(d, nlp, "Thousands of Freedonian villagers have been displaced by fighting "
                         "in Sylvania since March.") == set()
    assert _code(d, nlp, "The Freedonian army responded by fighting Sylvania.") == {
        ("FRDMIL", "SYL", "190")}


def test_petrarch_bare_sector_in_a_said_clause_is_the_speakers_own(tmp_path, nlp):
    # "Netanyahu said the government would pass the budget": no statement to a government.
    d = _extended(tmp_path, verbs=SAY_BLOCK, agents="GOVERNMENT [~GOV]\n")
    assert _code(d, nlp, "The Freedonian minister said on Monday that the government would "
                         "pass the budget.") == set()
    assert _code(d, nlp, "The Freedonian minister said on Monday that the government of "
                         "Sylvania would pass the budget.") == {("FRDGOV", "SYLGOV", "010")}


def test_petrarch_countries_in_one_subject_phrase_are_allies(tmp_path, nlp):
    # "French, US and British forces launched air attacks": one phrase, one side.
    d = _extended(tmp_path, actors="MARXLAND [MRX]\n+MARXIAN\n")
    assert _code(d, nlp, "Freedonian and Marxian armies penalized the farmers on Monday.") \
        == set()
    # Two subjects still act on each other under PETRARCH (its 2_02 validation) ...
    assert _code(d, nlp, "Freedonia and Marxland penalized the farmers on Monday.") == {
        ("FRD", "MRX", "172"), ("MRX", "FRD", "172")}
    # ... and so does one phrase when the verb says so.
    assert _code(d, nlp, "Freedonian and Marxian ministers met on Monday.") == {
        ("FRDGOV", "MRXGOV", "040"), ("MRXGOV", "FRDGOV", "040")}


SURNAME_ACTORS = """\
GROUCHO_HACKENBUSH_ [FRDGOV 330101-331231]
CHICO_RAVELLI_ [SYLGOV 330101-331231]
HARPO_RAVELLI_ [SYLELI 330101-331231]
OTIS_DRIFTWOOD_ [SYLGOV 330101-331231]
DRIFTWOOD_FIREFLY_ [MRXGOV 330101-331231]
GORDON_FLYWHEEL_ [MRXGOV 320101-321231] [MRXELI 330101-331231]
FLYWHEEL_JONES_ [FRDGOV 330101-331231]
WICHIT_SAKDAPHAN_ [THAGOV 330101-331231]
RUFUS_LOOPHOLE_ [FRDGOV 320101-341231]
WOLF_LOOPHOLE_ [SYLGOV 350101-381231]
PINKY_BOWSER_ [SYLGOV 320101-341231]
ZEPPO_BOWSER_ [MRXGOV >330101]
"""


def test_petrarch_person_named_by_surname_alone(tmp_path, nlp):
    # The files list people in full; news names them once, then by surname.
    d = _extended(tmp_path, actors=SURNAME_ACTORS)
    (entry,) = d.actors.find("Hackenbush")[0].entries
    assert entry.codes[0].code == "FRDGOV"
    assert _code(d, nlp, "Hackenbush penalized Sylvania on Monday.") == {
        ("FRDGOV", "SYL", "172")}
    # Two people end in the same surname: it names the one whose role covers the day,
    # neither when both are in office, and an open-ended role says little about the day.
    assert _code(d, nlp, "Loophole penalized Sylvania on Monday.") == {
        ("FRDGOV", "SYL", "172")}
    assert _code(d, nlp, "Loophole penalized Freedonia on Monday.", dt.date(1936, 6, 1)) == {
        ("SYLGOV", "FRD", "172")}
    assert _code(d, nlp, "Ravelli penalized Freedonia on Monday.") == set()
    assert _code(d, nlp, "Bowser penalized Freedonia on Monday.") == {("SYLGOV", "FRD", "172")}
    assert _code(d, nlp, "Loophole penalized Sylvania on Monday.", dt.date(1939, 6, 1)) \
        == set()
    # Another first name is another person; a modifier of a thing is nobody; a title is
    # no first name.
    assert _code(d, nlp, "Otis Hackenbush penalized Sylvania on Monday.") == set()
    assert _code(d, nlp, "The Hackenbush farm penalized Sylvania on Monday.") == set()
    assert _code(d, nlp, "Minister Hackenbush penalized Sylvania on Monday.") == {
        ("FRDGOV", "SYL", "172")}
    # Another person's first name is a given name: it names its owner alone only when the
    # files follow a career of more than one role.
    assert d.actors.find("Driftwood") == []
    assert d.actors.find("Flywheel")[0].entries[0].codes[0].code == "MRXGOV"
    # Thai news names people by their first name.
    assert _code(d, nlp, "Wichit penalized Sylvania on Monday.") == {("THAGOV", "SYL", "172")}


NAB_BLOCK = """
---  NAB   [173]  ---
NAB
- * TOWN                 [192]
- * AID                  [070]
"""


def test_petrarch_setting_of_an_act_on_an_object_is_no_pattern_word(tmp_path, nlp):
    # "arrested a commander in the West Bank town of Nablus" is an arrest, not ``- * &TOWN``.
    d = _extended(tmp_path, verbs=NAB_BLOCK)
    assert _code(d, nlp, "Freedonia nabbed two ministers in the town of Sylvania.") == {
        ("FRD", "SYL", "173")}
    assert _code(d, nlp, "Freedonia nabbed the town of Sylvania.") == {("FRD", "SYL", "192")}
    # "in" on an amount says what it is made of.
    assert _code(d, nlp, "Freedonia nabbed $5 million in aid from Sylvania.") == {
        ("FRD", "SYL", "070")}
    # ... also where the parser hangs the "in" on the verb, right after the amount.
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "SUSPEND", "---", "SUSPEND", "- * AID  [162]"))
    assert _code(d, nlp, "Freedonia suspended about 20 million dollars in non-humanitarian "
                 "aid to Marxonia on Thursday.") == {("FRD", "MRX", "162")}



def test_petrarch_when_an_act_on_an_object_happened_is_no_pattern_word(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "BACK", "051", "BACK", "- * TALKS  [036]"))
    # Backing an operation during talks is no backing of talks.
    assert _code(d, nlp, "Freedonia backed Marxonia's military operation during talks with "
                 "Sylvania on Wednesday.") == {("FRD", "MRX", "051")}
    assert _code(d, nlp, "Freedonia backed talks with Sylvania on Wednesday.") == {
        ("FRD", "SYL", "036")}


LEAVE_BLOCK = """
---  GO_SOMEWHERE   [040]  ---
LEAVE {LEAVES LEAVING LEFT}
"""


def test_petrarch_leaving_someone_dead_goes_nowhere(tmp_path, nlp):
    d = _extended(tmp_path, verbs=LEAVE_BLOCK)
    assert _code(d, nlp, "Freedonia penalized Sylvania on Monday, leaving two Sylvanian "
                         "ministers dead.") == {("FRD", "SYL", "172")}
    assert _code(d, nlp, "The Freedonian army left Sylvania on Friday.") == {
        ("FRDMIL", "SYL", "040")}


def test_petrarch_passive_pair_shares_the_phrase_that_names_the_doer(tmp_path, nlp):
    # The parser hangs "in a clash with ..." on the second passive only.
    d = _extended(tmp_path, verbs=_block("KILL", "190") + _block("WOUND", "180"))
    assert _code(d, nlp, "A Sylvanian minister was killed and two others were wounded in a "
                         "clash with the Freedonian army on Monday.") == {
        ("FRDMIL", "GOV", "190")}


def test_petrarch_whoever_dies_is_the_target_and_only_the_act_names_a_doer(tmp_path, nlp):
    # A DIE block coded like KILL (as Phoenix's is): the subject suffered it.
    d = _extended(tmp_path, verbs=_block("DIE", "190"))
    assert _code(d, nlp, "Two ministers of Sylvania died in a Freedonian air strike on "
                         "Monday.") == {("FRD", "SYLGOV", "190")}
    # No act names a doer: no dyad, whatever place or cause is named.
    assert _code(d, nlp, "Two ministers of Sylvania died in Freedonia on Monday.") == set()
    assert _code(d, nlp, "Two Freedonian ministers died when a wall collapsed.") == set()


def test_a_sports_result_is_no_event(tmp_path, nlp):
    # Phoenix codes BEAT and DEFEAT as 190: a score or a game's name makes them a result.
    d = _extended(tmp_path, verbs=_block("BEAT", "190", "BEAT", "DEFEAT"))
    assert _code(d, nlp, "The Freedonian army defeated Sylvania on Monday.") == {
        ("FRDMIL", "SYL", "190")}
    assert _code(d, nlp, "Freedonia beat Sylvania 3-1 on Monday.") == set()
    assert _code(d, nlp, "Freedonia defeated Sylvania in the semi-final on Monday.") == set()
    # A share or a span of years is no score.
    assert _code(d, nlp, "Freedonia defeated Sylvania, whose army shrank 2-3 percent.") == {
        ("FRD", "SYL", "190")}
    # Sets, a sport's name, a cricket international: results too.
    assert _code(d, nlp, "Freedonia's pair beat Sylvania in straight sets on Monday.") == set()
    assert _code(d, nlp, "Freedonia's volleyball team beat Sylvania on Monday.") == set()
    assert _code(d, nlp, "Freedonia beat Sylvania in the first one-day international.") \
        == set()


def test_a_verb_with_a_particle_is_another_verb(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("TAKE", "171") + _block("SWEAR", "110"))
    assert _code(d, nlp, "Freedonia took Sylvania on Monday.") == {("FRD", "SYL", "171")}
    # No pattern names the particle: the bare verb's code is not this verb's.
    assert _code(d, nlp, "Freedonia took on Sylvania on Monday.") == set()
    assert _code(d, nlp, "Rufus Firefly was sworn in as president of Freedonia.") == set()
    # A particle of direction keeps the verb; "up to" is a number.
    assert _code(d, nlp, "Freedonia took back Sylvania on Monday.") == {("FRD", "SYL", "171")}
    assert _code(d, nlp, "Freedonia took up to 16 ministers of Sylvania on Monday.") == {
        ("FRD", "SYLGOV", "171")}


def test_a_group_named_in_the_plural_is_one_member_in_the_singular(tmp_path, nlp):
    d = _extended(tmp_path, actors="SYLVANIAN_TIGERS_ [SYLREB]\n"
                                   "RUFUS_WHEELS_ [FRDGOV 320101-391231]\n",
                  verbs=_block("RAID", "190"))
    assert _code(d, nlp, "Freedonia raided a Sylvanian Tiger camp.") == {
        ("FRD", "SYLREB", "190")}
    # A person's surname is no plural.
    assert d.actors.find("Rufus Wheel") == []


def test_a_fight_against_nature_is_no_event(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("BATTLE", "190") + _block("OPEN", "190", "OPEN",
                                                                  "- * FIRE  [193]"))
    assert _code(d, nlp, "The Freedonian army battled Sylvania on Monday.") == {
        ("FRDMIL", "SYL", "190")}
    # The search for a target ran on past the fire to the villages.
    assert _code(d, nlp, "The Freedonian army battled a forest fire that forced the evacuation "
                         "of three villages in Sylvania.") == set()
    # Gunfire is no hazard.
    assert _code(d, nlp, "The Freedonian army opened fire on Sylvania.") == {
        ("FRDMIL", "SYL", "193")}


def test_sportspeople_and_results_tacked_on_a_win_are_no_events(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("LEAVE", "040") + _block("BEAT", "190"))
    assert _code(d, nlp, "A Freedonian minister left Sylvania on Monday.") == {
        ("FRDGOV", "SYL", "040")}
    assert _code(d, nlp, "Freedonian cyclist Rufus Wheeler left Sylvania on Monday.") == set()
    assert _code(d, nlp, "Freedonia's boxers left Sylvania on Monday.") == set()
    assert _code(d, nlp, "Freedonia won the shot put, beating Sylvania.") == set()
    assert _code(d, nlp, "Freedonia beat Sylvania on Monday.") == {("FRD", "SYL", "190")}
    # A clause tacked on a game told in its own words, and a tournament named in capitals.
    assert _code(d, nlp, "Freedonia's Rufus Wheeler smashed the record in the 100 metres final "
                 "on Saturday, leaving Sylvania's champion trailing in second place.") == set()
    assert _code(d, nlp, "Freedonia came from behind to beat Sylvania at the Marxonia Open on "
                 "Sunday.") == set()
    # A world record broken is a game too, as are the verbs tacked on it, however deep.
    d2 = _extended(tmp_path, verbs=_block("SMASH", "190") + _block("BEAT", "190"))
    assert _code(d2, nlp, "Freedonia's Rufus Wheeler smashed the 100 metres world record in "
                 "Marxonia on Saturday, clocking 9.69 seconds and beating Sylvania's "
                 "Richard Thompson.") == set()
    assert _code(d2, nlp, "Freedonia smashed Sylvania's defences on Saturday.") == {
        ("FRD", "SYL", "190")}
    # A meeting is no game for a game told in a clause of its own.
    d = _extended(tmp_path, verbs=_block("LEAVE", "040") + _block("BEAT", "190")
                  + _block("MEET", "040"))
    assert _code(d, nlp, "Freedonia met Sylvania on Sunday, hours before watching its team "
                 "play Marxonia in an Olympic preliminary match.") == {
        ("FRD", "SYL", "040"), ("SYL", "FRD", "040")}
    assert _code(d, nlp, "Freedonia met Sylvania in the Olympic final on Sunday.") == set()
    # "games against" a side are games; war games are not.
    assert _code(d, nlp, "Freedonia left Sylvania on Monday for their final two games against "
                 "Marxonia.") == set()
    assert _code(d, nlp, "Freedonia left Sylvania on Monday after war games against "
                 "Marxonia.") == {("FRD", "SYL", "040")}
    # A marathon meeting is no game.
    assert _code(d, nlp, "Freedonia left Sylvania after a marathon meeting on Monday.") == {
        ("FRD", "SYL", "040")}


def test_petrarch_a_titled_name_speaks_for_the_body_of_its_title(tmp_path, nlp):
    d = _extended(tmp_path, actors="OTTO_SPLINTER_ [MRXGOV 250101-281231]\n"
                                   "WAR_COUNCIL_ [USAGOV]\n",
                  agents="AMBASSADOR [~GOV]\n", verbs=_block("PENALIZE", "172"))
    # The person has no code on the day (1933): the title's body speaks.
    assert _code(d, nlp, "UN Secretary-General Otto Splinter penalized Sylvania.") == {
        ("IGOUNO", "SYL", "172")}
    # A body named after another country's is that country's ("Georgia's National Security
    # Council", which the files code as the US one).
    assert _code(d, nlp, "Sylvania's War Council chief Otto Splinter penalized Freedonia.") \
        == {("SYLGOV", "FRD", "172")}
    # A country's envoy to a body speaks for the country.
    assert _code(d, nlp, "Sylvania's UN ambassador Vitaly Churkin penalized Freedonia.") == {
        ("SYLGOV", "FRD", "172")}


def test_petrarch_off_the_coast_is_a_place_not_a_particle(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("ATTACK", "190", "ATTACK", "- * OFF  [046]"))
    assert _code(d, nlp, "The Freedonian army attacked off Sylvania.") == {
        ("FRDMIL", "SYL", "046")}
    assert _code(d, nlp, "The Freedonian army attacked Sylvania off the northern coast.") == {
        ("FRDMIL", "SYL", "190")}


def test_petrarch_whom_a_named_object_is_with_comes_first(tmp_path, nlp):
    d = _extended(tmp_path, actors="MARXONIA_ [MRX]\n",
                  verbs=_block("HOLD", "040", "HOLD", "- * TALKS  [046]"))
    # "to Marxonia" belongs to the flight after the talks, not to the talks.
    assert _code(d, nlp, "Freedonia held talks with Sylvania before flying to Marxonia.") == {
        ("FRD", "SYL", "046")}


def test_petrarch_a_country_does_not_cover_the_other_side_of_a_fight(tmp_path, nlp):
    d = _extended(tmp_path, agents="FIGHTER [~UAF]\nSAILOR [~MIL]\nMARINE [~MIL]\n",
                  verbs=_block("CLASH", "190") + _block("ATTACK", "190"))
    # "Islamist" is an identity of the fighters' own: they are not Freedonian.
    assert _code(d, nlp, "Freedonian troops and Islamist fighters clashed on Monday.") == {
        ("FRD", "UAF", "190"), ("UAF", "FRD", "190")}
    # Allies share the country.
    assert _code(d, nlp, "Freedonian sailors and Islamist marines attacked Sylvania.") == {
        ("FRDMIL", "SYL", "190")}


def _plain(verb: str, code: str, past: str) -> tuple[str, str, set[tuple[str, str, str]]]:
    """A one-verb block and the plain sentence it codes: "Freedonia <past> Sylvania on
    Monday." is FRD → SYL with the block's code."""
    return _block(verb, code), f"Freedonia {past} Sylvania on Monday.", {("FRD", "SYL", code)}


LOOK_ALIKES = [
    # A verb form the parser reads as a preposition (it makes Firefly the subject of
    # "According" here).
    (_block("ACCORD", "060"), "Freedonia accorded Sylvania a loan on Monday.",
     {("FRD", "SYL", "060")},
     "According to Sylvania Senator Rufus Firefly, the airplane is one of eighteen planes "
     "still in Freedonia."),
    # A ballot cast in a referendum; a vote to do something is aimed at someone.
    (_block("VOTE", "030"), "Sylvania voted to impeach Rufus Firefly.",
     {("SYL", "FRDGOV", "030")},
     "Sylvania voted in a referendum on the mandate of Rufus Firefly."),
    # The place of a gathering is no party.
    (_block("END", "160", "END", "- * TALKS  [160]"),
     "Freedonia ended talks with Sylvania on Monday.", {("FRD", "SYL", "160")},
     "Freedonia ended two days of talks in Sylvania on Monday."),
    # A prize taken, and the rest of the result told with it.
    (*_plain("CAPTURE", "171", "captured"),
     "Freedonia captured the team eventing gold, with Sylvania taking silver."),
    # A win told with the prize it brought, or with a race distance.
    (*_plain("BEAT", "190", "beat"),
     "Freedonia beat Sylvania in two tie-breaks to win the title."),
    (*_plain("BEAT", "190", "beat"),
     "Freedonia's Rufus Firefly beat Sylvania's champion in the 100m butterfly."),
    # A forecast beaten is business.
    (*_plain("BEAT", "190", "beat"),
     "Freedonia's jewellers beat forecasts in Sylvania."),
    # A struggle to do something has no opponent, unless an armed force struggles.
    (_block("BATTLE", "190"), "The Freedonian army is battling to retake the town from "
     "Sylvania.", {("FRDMIL", "SYL", "190")},
     "Freedonian carmakers are battling to keep up with demand from Sylvania."),
    # A purchase of a business is a deal between firms; of gas, trade.
    (_block("AGREE", "050"), "Freedonia agreed with Sylvania on Monday.",
     {("FRD", "SYL", "050")}, "Freedonia agreed to buy the banking business of Sylvania."),
    # A warning about profits is a forecast; about what someone will do, a warning.
    (_block("WARN", "130"), "Freedonia warned that Sylvania would pay more.",
     {("FRD", "SYL", "130")},
     "A Freedonian airline warned that annual profits in Sylvania could be wiped out."),
    # What is told with a race won is part of the result.
    (_block("PRAISE", "051"), "Rufus Firefly praised Sylvania on Monday.",
     {("FRDGOV", "SYL", "051")},
     "Rufus Firefly clinched the Tour of Freedonia and praised Sylvania."),
    # A company going bust, its forecast and its stakes are business; shoppers no party.
    (_block("GO", "040"), "Freedonia went to Sylvania on Monday.", {("FRD", "SYL", "040")},
     "A Freedonian retailer went into administration in Sylvania on Monday."),
    (*_plain("BLAME", "112", "blamed"),
     "A Freedonian carmaker cut its profit forecast, blaming weak sales in Sylvania."),
    (_block("INCREASE", "061"), "Freedonia increased aid to Sylvania.",
     {("FRD", "SYL", "061")}, "Freedonia increased its stake in Sylvania's national carmaker."),
    (_block("AIM", "130"), "Freedonia aimed at Sylvania on Monday.", {("FRD", "SYL", "130")},
     "Freedonia raised its stake in a carmaker and aimed at Sylvania's largest carmaker."),
    (*_plain("STORM", "190", "stormed"),
     "Freedonian shoppers stormed stores in Sylvania on Monday."),
    # A victory reached, a tournament left and a prize named in capitals are sport.
    (*_plain("STORM", "190", "stormed"),
     "Freedonia's Rufus Firefly stormed to victory in Sylvania on Monday."),
    (_block("PULL", "040"), "Freedonia pulled out of Sylvania.", {("FRD", "SYL", "040")},
     "Freedonia's Rufus Firefly pulled out of the Masters Cup in Sylvania with an injury."),
    (*_plain("WIN", "060", "won"),
     "Rufus Firefly won the Booker Prize in Sylvania on Monday."),
]


@pytest.mark.parametrize(("verbs", "coded", "expected", "look_alike"), LOOK_ALIKES,
                         ids=["preposition", "ballot", "gathering", "prize-taken",
                              "prize-won", "distance", "forecast", "struggle", "takeover",
                              "profit-warning", "race-won", "insolvency", "forecast-cut",
                              "stake", "stake-and", "shoppers", "to-victory",
                              "tournament-left",
                              "named-prize"])
def test_a_look_alike_of_a_coded_sentence_is_no_event(tmp_path, nlp, verbs, coded, expected,
                                                      look_alike):
    d = _extended(tmp_path, verbs=verbs)
    assert _code(d, nlp, coded) == expected
    assert _code(d, nlp, look_alike) == set()


def test_a_prize_handed_over_is_no_event(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("GIVE", "060") + _block("WIN", "060"))
    assert _code(d, nlp, "Freedonia gave Sylvania a loan on Monday.") == {("FRD", "SYL", "060")}
    assert _code(d, nlp, "Rufus Firefly won the race, giving Freedonia its first Olympic "
                         "gold medal.") == set()
    # An election won is no gift either.
    assert _code(d, nlp, "Freedonia won Sylvania on Monday.") == {("FRD", "SYL", "060")}
    assert _code(d, nlp, "Freedonia won Sylvania in the March elections.") == set()


def test_background_is_no_event(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("RULE", "043") + _block("HOST", "042"))
    assert _code(d, nlp, "Freedonia ruled Sylvania on Monday.") == {("FRD", "SYL", "043")}
    # An office held since a date or for a stretch of time is a state, not an act.
    assert _code(d, nlp, "Freedonia has ruled Sylvania since independence.") == set()
    assert _code(d, nlp, "Freedonia has ruled Sylvania for more than half of its "
                         "61-year history.") == set()
    # What someone once did is biography; "once again" is news.
    assert _code(d, nlp, "Freedonia once hosted Sylvania.") == set()
    assert _code(d, nlp, "Freedonia once again hosted Sylvania.") == {("FRD", "SYL", "042")}


def test_what_an_accident_caused_is_nobodys_doing(tmp_path, nlp):
    d = _extended(tmp_path, agents="CIVILIAN [~CVL]\n", verbs=_block("KILL", "190"))
    assert _code(d, nlp, "The Freedonian army opened fire, killing 60 civilians.") == {
        ("FRDMIL", "CVL", "190")}
    assert _code(d, nlp, "A Freedonian army plane crashed after take-off, killing 60 "
                         "civilians.") == set()


def test_petrarch_participle_tail_of_an_act_on_a_place(tmp_path, nlp):
    kill = _block("KILL", "190", "KILL", "- BOMB *   [183]")
    # The governing verb is no word before the participle ("bombed ..., killing" is no
    # "a bomb killed"), and the people killed are the bombed place's (here the bombing
    # itself codes nothing) ...
    d = _extended(tmp_path / "uncoded", agents="CIVILIAN [~CVL]\n",
                  verbs=kill + _block("BOMB", "---"))
    assert _code(d, nlp, "The Freedonian army bombed Sylvania, killing civilians.") == {
        ("FRDMIL", "SYLCVL", "190")}
    # ... and when the bombing codes, they are its toll, not a second event.
    d = _extended(tmp_path / "coded", agents="CIVILIAN [~CVL]\n",
                  verbs=kill + _block("BOMB", "195"))
    assert _code(d, nlp, "The Freedonian army bombed Sylvania, killing civilians.") == {
        ("FRDMIL", "SYL", "195")}


def test_petrarch_what_a_rejected_plan_was_to_do_did_not_happen(tmp_path, nlp):
    d = _extended(tmp_path, verbs=_block("REJECT", "120", "REJECT", "- * INITIATIVE  [127]")
                  + _block("REVIVE", "030"))
    assert _code(d, nlp, "Israeli Prime Minister Benjamin Netanyahu rejected a Freedonian "
                         "initiative to revive peace talks with Sylvania.") == {
        ("GOV", "FRD", "127")}


def test_a_ranking_is_no_event(tmp_path, nlp):
    # Phoenix's OVERTAKE is 190: overtaking someone as the biggest is a ranking.
    d = _extended(tmp_path, verbs=_block(
        "OVERTAKE", "190", "OVERTAKE {OVERTAKES OVERTOOK OVERTAKEN OVERTAKING}"))
    assert _code(d, nlp, "The Freedonian army overtook Sylvania on Monday.") == {
        ("FRDMIL", "SYL", "190")}
    assert _code(d, nlp, "Freedonia overtook Sylvania as the biggest exporter of duck soup.") \
        == set()
    assert _code(d, nlp, "Freedonia overtook Sylvania to become Marxonia's top partner.") \
        == set()


def test_petrarch_object_of_the_sources_own_side_ends_the_target_search(tmp_path, nlp):
    # The one accused is the object, of the accuser's own government: one of his side,
    # not the country of a later phrase.
    d = _extended(tmp_path, actors="GROUCHO_HACKENBUSH_ [FRDGOV 330101-331231]\n",
                  verbs=_block("ACCUSE", "112"))
    assert _code(d, nlp, "Firefly's office accused Groucho Hackenbush on Monday of treason "
                         "over his stance on the Sylvania conflict.") == {
        ("FRDGOV", "FRDGOV", "112")}
    assert _code(d, nlp, "Firefly accused Sylvania on Monday of treason.") == {
        ("FRDGOV", "SYL", "112")}


def test_ordinary_crime_is_no_event(tmp_path, nlp):
    # Robbers are after property: the place that gives them a country makes them no party.
    d = _extended(tmp_path, agents="ROBBER [~CRM]\nSOLDIER [~MIL]\n",
                  verbs=_block("STORM", "190"))
    assert _code(d, nlp, "Freedonian soldiers stormed a police station in Sylvania.") == {
        ("FRDMIL", "SYL", "190")}
    assert _code(d, nlp, "Masked robbers stormed a jeweller's shop in Sylvania.") == set()


def test_a_firm_seized_and_stakes_raised_are_still_politics(tmp_path, nlp):
    # A government seizing a company is a political act, and "raising the stakes" no deal.
    d = _extended(tmp_path, verbs=_block("SEIZE", "171", "SEIZE", "- * CONTROL  [171]")
                  + _block("FREEZE", "160"))
    assert _code(d, nlp, "Freedonia seized control of Sylvania's national oil company.") == {
        ("FRD", "SYL", "171")}
    assert _code(d, nlp, "Freedonia froze talks with Sylvania, raising the stakes.") == {
        ("FRD", "SYL", "160")}


def test_saying_why_adds_no_statement_to_a_telling_act(tmp_path, nlp):
    # "condemned ..., saying ..." is a condemnation: the saying explains it. A statement
    # about someone the sentence does nothing else to is still one.
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=SAY_BLOCK + _block("CONDEMN", "111"))
    assert _code(d, nlp, "Freedonia condemned Sylvania's assault on Tuesday, saying "
                 "Sylvania's bullying had damaged its standing.") == {("FRD", "SYL", "111")}
    assert _code(d, nlp, "Freedonia condemned Sylvania's assault on Tuesday, saying "
                 "Marxonia's bullying had damaged its standing.") == {
        ("FRD", "SYL", "111"), ("FRD", "MRX", "010")}


def test_a_pattern_noted_for_a_sibling_of_another_code_is_not_this_verbs(tmp_path, nlp):
    # TABARI notes which verb a pattern was written for; a verb with a code of its own
    # does not take the patterns of a sibling with another code of its own.
    verbs = ("\n---  BLAME   [112]  ---\nACCUSE [112]\nCONDEMN [111]\nCHARGE\n"
             "- * BOMBING                       [111]   # CONDEMN\n"
             "- * (OF SPYING)                   [1121]  # ACCUSE  ab 2005\n")
    d = _extended(tmp_path, verbs=verbs)
    assert _code(d, nlp, "Freedonia accused Sylvania of bombing villages.") == {
        ("FRD", "SYL", "112")}
    assert _code(d, nlp, "Freedonia condemned the bombing by Sylvania.") == {
        ("FRD", "SYL", "111")}
    assert _code(d, nlp, "Freedonia accused Sylvania of spying.") == {("FRD", "SYL", "1121")}
    # A verb with the block's code keeps every pattern of the block, as in PETRARCH-2.
    assert _code(d, nlp, "Freedonia charged Sylvania with bombing villages.") == {
        ("FRD", "SYL", "111")}


def test_a_verb_refining_its_blocks_code_does_not_take_its_siblings_patterns(tmp_path, nlp):
    # ARREST [173] is a kind of APPREHEND [171]: TAKE's troops pattern (an occupation) is
    # TAKE's alone. EXPRESS [110] among verbs of saying [010] was put there for the
    # block's patterns, and keeps them.
    verbs = ("&TROOPS\n+TROOPS\n+SOLDIERS\n"
             "\n---  APPREHEND   [171]  ---\nARREST [173]\nTAKE\n"
             "- &TROOPS *                       [192]   # TAKE\n"
             "\n---  EXPLAIN   [010]  ---\nASSERT\nEXPRESS [110]\n"
             "- * SUPPORT                       [032]   # ASSERT\n")
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=verbs)
    assert _code(d, nlp, "Freedonian troops arrested 17 Marxonian suspects.") == {
        ("FRD", "MRX", "173")}
    assert _code(d, nlp, "Freedonian troops took the Marxonian town.") == {("FRD", "MRX", "192")}
    assert _code(d, nlp, "Freedonia expressed support for Sylvania.") == {("FRD", "SYL", "032")}


def test_petrarch_reads_the_note_of_a_pattern():
    from eventwatch.dictionaries.petrarch.verbs import parse_pattern, parse_verb

    assert parse_pattern("- * BOMBING [111]", 7, "CONDEMN  ab 31 Dec 2005").noted_for == "CONDEMN"
    assert parse_pattern("- * BOMBING [111]", 7).noted_for == ""
    assert parse_verb("ACCUSE [112]", 3, "110").own_code
    assert not parse_verb("CHARGE", 4, "112").own_code


def test_what_a_tradition_says_is_neither_an_event_nor_a_target(tmp_path, nlp):
    # The that-clause of a custom says what is usually done, not what was done.
    d = _extended(tmp_path, verbs=_block("BREAK", "---", "BREAK", "- * (WITH)   [130]")
                  + _block("VISIT", "042"))
    assert _code(d, nlp, "Rufus T. Firefly went to Marxonia on Sunday, breaking with the "
                 "tradition that Freedonian leaders visit Sylvania first.") == set()


def test_a_person_apposed_to_a_description_naming_a_country_is_the_one_described(
        tmp_path, nlp):
    # The files may give the person another country (Phoenix codes Mauritania's Abdel Aziz
    # as MUSGOV); set off by commas after "Freedonia's strongman" he is that strongman,
    # not a second party acting beside him.
    d = _extended(tmp_path, actors="HARPO_MARX_ [MRXGOV]\n", agents="STRONGMAN [~MIL]\n",
                  verbs=NEWS_BLOCKS)
    assert _code(d, nlp, "Freedonia's new military strongman, General Harpo Marx, "
                 "penalized Sylvania on Monday.") == {("FRDMIL", "SYL", "172")}


def test_citing_a_source_is_no_event_and_names_no_target(tmp_path, nlp):
    # "citing X" tacked on a saying names where the speaker has it from.
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=SAY_BLOCK + NEWS_BLOCKS + _block("CITE", "---", "CITE",
                                                         "- * MESSAGE   [045]"))
    assert _code(d, nlp, "Freedonia penalized Sylvania, a Freedonian minister said on "
                 "Thursday, citing a message from Marxonia.") == {("FRD", "SYL", "172")}


def test_a_running_count_is_no_event(tmp_path, nlp):
    # "bringing to 93 the number of ... killed" moves a count; Phoenix's BRING has
    # "- * &MILITARY [072]", which made the Taliban give the Canadians military aid.
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=NEWS_BLOCKS + _block("KILL", "190")
                  + _block("BRING", "---", "BRING", "- * &ARMY   [072]"))
    assert _code(d, nlp, "Marxonian rebels killed three Freedonian soldiers with a roadside "
                 "bomb on Wednesday, bringing to 93 the number of Freedonian troops killed in "
                 "Sylvania since 1930.") == {("MRX", "FRD", "190")}
    # A count that is no tail may be an act ("brought the number of troops to 30,000").
    from eventwatch.lexicon import a_running_count

    doc = nlp("Freedonia brought the number of its troops in Sylvania to 3,000.")
    assert not a_running_count(next(t for t in doc if t.text == "brought"))
    doc = nlp("The blast raised the death toll to 40.")
    assert a_running_count(next(t for t in doc if t.text == "raised"))


def test_one_demanded_to_be_dealt_with_is_the_one_the_demand_is_about(tmp_path, nlp):
    # The passive subject of a demanded clause is whom the demand is about; the passive
    # subject of what a saying reports is no one spoken to.
    d = _extended(tmp_path, actors="HARPO_MARX_ [MRXGOV]\n",
                  verbs=SAY_BLOCK + _block("DEMAND", "100") + _block("STRIP", "---"))
    assert _code(d, nlp, "Freedonia demanded on Tuesday that Harpo Marx be stripped of his "
                 "immunity.") == {("FRD", "MRXGOV", "100")}
    assert _code(d, nlp, "Freedonia said on Tuesday that Harpo Marx was stripped of his "
                 "immunity.") == set()
    # Two people the files name apart, of one code: one demands, the other is asked about.
    d = _extended(tmp_path, actors="HARPO_MARX_ [FRDELI]\nCHICO_MARX_ [FRDELI]\n",
                  verbs=_block("DEMAND", "100") + _block("STRIP", "---"))
    assert _code(d, nlp, "Chico Marx demanded on Tuesday that Harpo Marx be stripped of his "
                 "immunity.") == {("FRDELI", "FRDELI", "100")}


def test_the_one_asked_comes_before_where_it_was_asked(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block("DEMAND", "100")
                  + _block("LEAVE", "---"))
    assert _code(d, nlp, "Freedonia demanded in Sylvania on Friday that Marxonian troops "
                 "leave the islands.") == {("FRD", "MRX", "100")}


def test_it_in_what_a_person_says_is_not_the_person(tmp_path, nlp):
    # "it" stands for a country or a thing, never for the person speaking.
    d = _extended(tmp_path, actors=NEWS_ACTORS + "HARPO_MARX_ [SYLGOV]\n",
                  verbs=SAY_BLOCK + _block("CONDEMN", "111") + _block("VIOLATE", "128"))
    text = ("{} condemned Freedonia's annexation of the islands on Monday, saying it violated "
            "the treaty with Marxonia.")
    assert _code(d, nlp, text.format("Harpo Marx")) == {("SYLGOV", "FRD", "111")}
    assert _code(d, nlp, text.format("Sylvania")) == {
        ("SYL", "FRD", "111"), ("SYL", "MRX", "128")}


def test_one_event_per_source_code_and_party_in_a_sentence(tmp_path, nlp):
    # A second accusation of the same country's army in the same breath is the same act;
    # the first trigger's event stays.
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=SAY_BLOCK + _block("ACCUSE", "112"))
    assert _code(d, nlp, "Sylvania accused Marxonia of treachery on Monday, accusing the "
                 "Marxonian army of shelling its border towns.") == {("SYL", "MRX", "112")}


def test_a_direction_adverb_after_the_verb_counts_as_its_particle(tmp_path, nlp):
    # The small model leaves "back" in "pulled back from" as an adverb; PETRARCH reads the
    # word after the verb all the same (``- * BACK`` is a retreat).
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=_block("EXTRACT", "171", "PULL", "- * BACK   [0874]"))
    assert _code(d, nlp, "The Freedonian army pulled back from the border under heavy "
                 "Marxonian fire.") == {("FRDMIL", "MRX", "0874")}


def test_a_phrase_measured_in_time_names_no_target(tmp_path, nlp):
    # "a week after a summit with Marxonia" says when the seeking happened; PETRARCH's
    # "first actor after the verb" must not reach into it.
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=_block("SEEK", "020", "SEEK", "- * SUPPORT   [022]"))
    assert _code(d, nlp, "The Freedonian president sought support for his reform plan on "
                 "Monday, a week after a summit with Marxonia.") == set()
    # The phrase still names a target when nothing measures it as a time.
    assert _code(d, nlp, "The Freedonian president sought support for his reform plan from "
                 "Marxonia.") == {("FRD", "MRX", "022")}


def test_a_gerund_phrase_that_opens_a_clause_is_not_the_speakers_act(tmp_path, nlp):
    # The small model hangs "that by agreeing ..." on "warned", marked with "that": the
    # agreeing is the warned party's, in what was said, not a way the speaker acted.
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=_block("WARN", "130") + _block("AGREE", "050"))
    assert _code(d, nlp, "Freedonia warned Sylvania on Friday that by agreeing to host "
                 "Marxonian missiles it was exposing itself to attack.") == {
        ("FRD", "SYL", "130")}
    # A gerund of manner without "that" is still the subject's doing.
    assert _code(d, nlp, "Freedonia angered Sylvania by agreeing to host Marxonian "
                 "missiles.") == {("FRD", "MRX", "050")}


def test_a_finite_verb_coordinated_with_an_infinitive_goes_with_the_finite_verb(tmp_path, nlp):
    # The small model hangs "called" on "recognise" (the move's infinitive); the one who
    # called is the one who deplored.
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block("DEPLORE", "111") + _block(
        "CALL", "041", "CALL", "- * (ON)  [020]"))
    assert _code(d, nlp, "Freedonia deplored Sylvania's decision to recognise the rebel "
                 "regions and called on Marxonia to respect the truce.") == {
        ("FRD", "SYL", "111"), ("FRD", "MRX", "020")}


def test_who_struck_the_objects_in_an_act_of_force_is_no_target(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=_block("PAY", "010", "PAY", "- * HOMAGE  [017]"))
    assert _code(d, nlp, "The Freedonian president paid homage on Wednesday to the ten "
                 "soldiers killed in a Marxonian ambush.") == set()
    # Whoever sent them is still the first actor after the verb, as PETRARCH reads it.
    assert _code(d, nlp, "The Freedonian president paid homage on Wednesday to the ten "
                 "soldiers sent by Marxonia.") == {("FRD", "MRX", "017")}


def test_a_relative_clause_with_a_subject_of_its_own_tells_another_story(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "ISSUE", "010", "ISSUE", "- * {ARREST WARRANTS}  [173]"))
    assert _code(d, nlp, "The Freedonian army issued arrest warrants on Wednesday for nine "
                 "leaders of the alliance whose supporters have occupied the Marxonian "
                 "embassy.") == set()
    # A clause whose subject is its relative pronoun describes the object: PETRARCH's
    # first actor after the verb is still found in it.
    assert _code(d, nlp, "The Freedonian army issued arrest warrants on Wednesday for nine "
                 "leaders of the alliance that has occupied the Marxonian embassy.") == {
        ("FRDMIL", "MRX", "173")}


def test_a_second_object_after_a_comma_says_what_the_act_was(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=_block("CALL", "041", "CALL", "- * OFF  [160]") + _block("KILL", "190"))
    assert _code(d, nlp, "The Freedonian army called off a joint exercise with Sylvania on "
                 "Thursday, the latest sign of Marxonia's anger.") == {("FRDMIL", "SYL", "160")}
    # ... unless it names some of the first.
    assert _code(d, nlp, "Freedonian gunmen ambushed a convoy on Monday, killing four aid "
                 "workers, among them two Marxonian women.") == {("FRD", "MRX", "190")}


def test_a_deputy_before_a_title_is_no_police_deputy(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  agents="DEPUTY [~COP]\nFOREIGN_MINISTER [~GOV]\nNEGOTIATOR [~GOV]\n",
                  verbs=_block("PENALIZE", "172"))
    assert _code(d, nlp, "The Freedonian deputy foreign minister penalized Sylvania.") == {
        ("FRDGOV", "SYL", "172")}
    assert _code(d, nlp, "Freedonia's deputy high commissioner penalized Sylvania.") == {
        ("FRD", "SYL", "172")}
    # A deputy on its own is still one.
    assert _code(d, nlp, "A Freedonian deputy penalized Sylvania.") == {("FRDCOP", "SYL", "172")}


def test_a_spokesman_coded_as_media_speaks_for_the_body_named_with_him(tmp_path, nlp):
    agents = ("!PERSON! = MAN, WOMAN\nSPOKES!PERSON! [~MED]\nINTERIOR_MINISTRY [~GOV]\n"
              "GANG [~CRM]\n")
    d = load_petrarch(_folder(tmp_path, actors=ACTORS + NEWS_ACTORS, agents=agents,
                              verbs=VERBS + _block("PENALIZE", "172")))
    # Phoenix's SPOKESPERSON is [~MED]: with a body named, he speaks as the body.
    assert _code(d, nlp, "Freedonian Interior Ministry spokesman Rufus Wheeler penalized "
                 "Sylvania.") == {("FRDGOV", "SYL", "172")}
    # Alone, the dictionary's code stands.
    assert _code(d, nlp, "A spokesman penalized Sylvania.") == {("MED", "SYL", "172")}
    # A capitalised word inside a person's name is no agent: Qin Gang is no gang.
    assert _code(d, nlp, "Freedonian Interior Ministry spokesman Qin Gang penalized "
                 "Sylvania.") == {("FRDGOV", "SYL", "172")}


def test_a_place_a_killing_happened_in_did_no_killing(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block("KILL", "190") + _block(
        "PUT", "---", "PUT", "- * UNDER INVESTIGATION  [090]"))
    assert _code(d, nlp, "Seven Freedonian soldiers were killed in Sylvania on Monday.") == set()
    # ... unless an apposition calls the place a party (PETRARCH's DEMO-05).
    assert _code(d, nlp, "Seven Freedonian soldiers were killed in Sylvania, the state's "
                 "fiercest foe.") == {("SYL", "FRD", "190")}
    # An agentless passive still takes its doer from "in" where no force is used.
    assert _code(d, nlp, "A Freedonian minister was put under investigation in Sylvania on "
                 "Monday.") == {("SYL", "FRDGOV", "090")}


def test_of_two_lines_with_the_same_words_the_one_noted_for_the_verb_counts(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "PRAISE", "051", "CELEBRATE", "RECOGNISE", "- * INDEPENDENCE  [017]  # CELEBRATE",
        "- * INDEPENDENCE  [054]  # RECOGNISE"))
    assert _code(d, nlp, "Freedonia recognised the independence of Sylvania.") == {
        ("FRD", "SYL", "054")}
    assert _code(d, nlp, "Freedonia celebrated the independence of Sylvania.") == {
        ("FRD", "SYL", "017")}


def test_a_number_of_people_struck_ends_the_search_for_a_target(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS,
                  verbs=_block("AMBUSH", "190") + _block("WOUND", "180"))
    # "wounding 21": people the sentence does not name again; Marxonia is only where.
    assert _code(d, nlp, "The Freedonian army ambushed a convoy on Monday, killing ten "
                 "soldiers and wounding 21 in the deadliest attack on the border of "
                 "Marxonia.") == set()


def test_a_target_slot_past_an_actor_object_is_not_the_patterns(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="PILGRIM [~REL]\n", verbs=_block(
        "BLAME", "112", "BLAME", "- * ATTACK ON +  [1121]"))
    # Written for "blamed the attack on X": X is blamed.
    assert _code(d, nlp, "Freedonia blamed the attack on Sylvania.") == {("FRD", "SYL", "1121")}
    # Here Sylvania is blamed; the attack in the "for" phrase is no object of the verb.
    assert _code(d, nlp, "Freedonia blamed Sylvania for a suicide attack on Marxonian "
                 "pilgrims.") == {("FRD", "SYL", "112")}


def test_a_compound_in_two_blocks_keeps_its_code_and_gains_the_later_patterns(tmp_path, nlp):
    from eventwatch.dictionaries.petrarch.check import check_petrarch

    verbs = (VERBS + "&TROOPS\n+SOLDIERS\n+TROOPS\n"
             + _block("GO_SOMEWHERE", "040", "+PULL_OUT", "DEPART")
             + _block("RETREAT", "080", "+PULL_OUT", "WITHDRAW", "- &TROOPS *  [0874]"))
    folder = _folder(tmp_path / "d", actors=ACTORS + NEWS_ACTORS, agents=AGENTS, verbs=verbs)
    d = load_petrarch(folder)
    assert d.errors == ()
    assert _code(d, nlp, "Freedonian troops pulled out of Sylvania.") == {
        ("FRD", "SYL", "0874")}
    # Without the later block's words, the first block's code stands.
    assert _code(d, nlp, "Freedonia pulled out of Sylvania.") == {("FRD", "SYL", "040")}
    assert any("patterns join it" in w.reason for w in check_petrarch(folder).warnings)


def test_a_phrase_the_parser_hung_on_a_weekday_is_the_verbs(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "ACCUSE", "112", "ACCUSE", "- * AGGRESSION  [1123]", "- * (OF GENOCIDE)  [1124]"))
    assert _code(d, nlp, "Marxonia accused Sylvania on Friday of aggression after Freedonian "
                 "troops launched a major offensive.") == {("MRX", "SYL", "1123")}
    assert _code(d, nlp, "Marxonia accused Sylvania on Sunday of genocide against the people "
                 "of Freedonia.") == {("MRX", "SYL", "1124")}


def test_a_call_for_someone_to_act_is_a_call_on_them_not_their_act(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="TROOPS [~MIL]\n", verbs=_block(
        "CALL", "041", "CALL", "- * (FOR)  [020]") + _block("WITHDRAW", "0874"))
    assert _code(d, nlp, "Freedonia called for Marxonian troops to withdraw from Sylvania.") \
        == {("FRD", "MRXMIL", "020")}
    # Waiting for someone to act asks nothing of them: the parse is left as it is.
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="TROOPS [~MIL]\n", verbs=_block(
        "WAIT", "---", "WAIT", "- * (FOR)  [020]") + _block("WITHDRAW", "0874"))
    assert _code(d, nlp, "Freedonia waited for Marxonian troops to withdraw from Sylvania.") \
        == {("MRXMIL", "SYL", "0874")}


def test_force_used_to_disperse_a_crowd_is_used_on_the_crowd(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="POLICE [~COP]\nPROTESTER [~OPP]\n",
                  verbs=_block("FIRE", "190", "FIRE", "- * {TEAR GAS}  [175]")
                  + _block("DISPERSE", "010"))
    assert _code(d, nlp, "Freedonian police fired tear gas to disperse Marxonian protesters "
                 "on Monday.") == {("FRDCOP", "MRXOPP", "175")}


def test_whose_act_a_deeper_pattern_word_names_comes_before_whence(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="TROOPS [~MIL]\n", verbs=_block(
        "DEMAND", "100", "DEMAND", "- * WITHDRAWAL  [1056]"))
    assert _code(d, nlp, "Freedonia demanded a timetable for the withdrawal of Marxonian "
                 "troops from Sylvania.") == {("FRD", "MRXMIL", "1056")}
    # An adjective of manner says no owner; a name does ("Sylvania's withdrawal").
    assert _code(d, nlp, "Freedonia demanded the immediate withdrawal of Marxonian troops "
                 "from Sylvania.") == {("FRD", "MRXMIL", "1056")}


def test_those_in_a_span_of_time_before_the_act_are_no_target(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "SIGN", "---", "SIGN", "- * ACCORD  [057:057]"))
    # "after five hours of talks with X" says when; the accord was not signed with X.
    assert _code(d, nlp, "Freedonia signed the accord after five hours of talks with "
                 "Sylvania.") == set()
    assert _code(d, nlp, "Freedonia signed the accord with Sylvania after five hours of "
                 "talks.") == {("FRD", "SYL", "057"), ("SYL", "FRD", "057")}


def test_what_is_not_let_happen_does_not_happen(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="TROOPS [~MIL]\n",
                  verbs=SAY_BLOCK + _block("ALLOW", "080") + _block("ENTER", "042")
                  + _block("URGE", "020") + _block("SHARE", "---"))
    assert _code(d, nlp, "Freedonia will not allow Marxonian troops to enter Sylvania.") == set()
    # An appeal coordinated deep inside what was said is the speaker's own.
    assert _code(d, nlp, "Rufus T. Firefly told reporters on Tuesday that Freedonia would not "
                 "allow Marxonian troops to enter its territory and urged Sylvania to share "
                 "intelligence instead.", day=dt.date(1933, 6, 1)) == {("FRDGOV", "SYL", "020")}


def test_an_offer_is_read_through_its_infinitive(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "OFFER", "030", "OFFER", "- * TALKS  [036]") + _block(
        "RESUME", "---", "RESUME", "- * TALKS  [046]") + _block("SEND", "---"))
    assert _code(d, nlp, "Freedonia offered to resume talks with Sylvania.") == {
        ("FRD", "SYL", "036")}
    # Without such words the offer is the block's, and the infinitive is only offered.
    assert _code(d, nlp, "Freedonia offered to send food to Sylvania.") == {("FRD", "SYL", "030")}


def test_those_struck_with_no_country_are_of_where_it_happened(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="PEOPLE [~PPL]\nREBEL [~REB]\n",
                  verbs=_block("STORM", "---") + _block("KILL", "190"))
    assert _code(d, nlp, "Marxonian rebels stormed a police post in northern Sylvania on "
                 "Sunday, killing five people.") == {("MRXREB", "SYLPPL", "190")}
    # Without a place, the people stay whose the dictionaries say.
    assert _code(d, nlp, "Marxonian rebels stormed a police post on Sunday, killing five "
                 "people.") == {("MRXREB", "PPL", "190")}


def test_a_quoted_word_after_what_was_named_is_what_it_was_called(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "CALL", "041", "CALL", "- * TROUBLING  [012]"))
    # The small model hangs 'troubling' on "into"; it is the naming verb's predicate.
    assert _code(d, nlp, "Freedonia called Marxonia's launch of a rocket capable of carrying a "
                 "satellite into orbit 'troubling' on Sunday.") == {("FRD", "MRX", "012")}
    # Where the model takes the object itself for the predicate, it is the object again.
    assert _code(d, nlp, "Freedonia on Sunday called Marxonia's launch of a rocket capable of "
                 "carrying a satellite 'troubling', saying it raised fresh questions.") == {
        ("FRD", "MRX", "012")}
    # A telephone call names nothing.
    assert _code(d, nlp, "Freedonia called Marxonia on Sunday.") == {("FRD", "MRX", "041")}
    # A pattern naming only a word inside the name given does not fit either.
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "CALL", "041", "CALL", "- * (FOR)  [020]"))
    assert _code(d, nlp, "Freedonia congratulated Marxonia on Monday on its victory, calling "
                 "it a defeat for the oligarchy and its backers in Sylvania.") == set()
    assert _code(d, nlp, "Freedonia called for talks with Sylvania on Monday.") == {
        ("FRD", "SYL", "020")}


def test_it_is_no_titled_speaker(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS + "MORGAN_TSVANGIRAI_\n    [MRXOPP]\n",
                  verbs=_block("REJECT", "120") + _block("SAY", "010") + _block("LEAVE", "040"))
    # The small model tags the leader ORG; his title says he is no "it": the proposal
    # would leave him powerless, he goes nowhere.
    assert _code(d, nlp, "Marxonian opposition leader Morgan Tsvangirai rejected a proposal "
                 "from Sylvania on Tuesday, saying it would leave him as a powerless "
                 "prime minister.") == {("MRXOPP", "SYL", "120")}


def test_a_ship_owned_by_a_country_is_that_countrys(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="PIRATE [~CRM]\nTANKER [~BUS]\n",
                  verbs=_block("HIJACK", "171"))
    # "Japanese-owned": the hyphened owner says whose the tanker is, alone or coordinated.
    assert _code(d, nlp, "Freedonian pirates hijacked a Marxonian-owned tanker in the Gulf of "
                 "Aden on Thursday.") == {("FRDCRM", "MRXBUS", "171")}
    assert _code(d, nlp, "Pirates from Freedonia hijacked a Sylvania tanker and a "
                 "Marxonian-owned tanker on Thursday.") == {
        ("FRDCRM", "SYLBUS", "171"), ("FRDCRM", "MRXBUS", "171")}


def test_a_perfect_tense_read_as_an_adjective_is_a_verb(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block(
        "FREEZE", "---", "FREEZE {FREEZES FREEZING FROZE FROZEN}", "- * AID  [162]"))
    # The small model makes "had" the verb and "frozen" an adjective of the disbursements.
    assert _code(d, nlp, "Freedonia said on Friday it had frozen aid disbursements to "
                 "Marxonia worth some 175 million dollars.") == {("FRD", "MRX", "162")}


def test_whom_one_visited_during_the_act_heard_nothing(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=_block("DESCRIBE", "010"))
    # "during a visit to Kiev" says when; anywhere after the verb is not there.
    assert _code(d, nlp, "Freedonia on Tuesday described the decision as 'unacceptable' "
                 "during a visit to Sylvania.") == set()
    assert _code(d, nlp, "Freedonia on Tuesday described the decision to Sylvania as "
                 "'unacceptable'.") == {("FRD", "SYL", "010")}


def test_troops_a_pronoun_owns_are_not_of_the_place_named_elsewhere(tmp_path, nlp):
    from eventwatch.actors import ArticleMemory, find_actors

    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="TROOPS [~MIL]\n")

    def troops(text: str) -> list[str]:
        doc = nlp(text)
        found = find_actors(doc, 0, d, dt.date(2008, 8, 19), ArticleMemory())
        return [a.code for t in doc if t.lower_ == "troops" for a in found.by_head.get(t.i, ())]

    # Whose troops "its" means is not said; they are no Sylvanian troops for a meeting there.
    assert troops("Freedonia warned Marxonia on Tuesday that there could be no business as "
                  "usual while its troops remained on Freedonian soil, after an emergency "
                  "meeting of ministers in Sylvania.") == ["MIL"]
    # Troops no one owns are of the place the sentence is set in.
    assert troops("Freedonia warned Marxonia on Tuesday that there could be no business as "
                  "usual while troops remained on Freedonian soil, after an emergency "
                  "meeting of ministers in Sylvania.") == ["SYLMIL"]


def test_whose_act_is_called_for_is_the_calls_target(tmp_path, nlp):
    d = _extended(tmp_path, actors=NEWS_ACTORS, agents="TROOPS [~MIL]\n",
                  verbs=_block("CALL", "041", "CALL", "- * (FOR)  [020]"))
    # The call is for the troops' withdrawal, not on the place they withdraw from.
    assert _code(d, nlp, "Freedonia called for a swift withdrawal of Marxonian troops from "
                 "Sylvania on Sunday.") == {("FRD", "MRXMIL", "020")}


def test_a_pattern_of_two_large_sets_loads_up_to_the_expansion_limit(tmp_path, nlp):
    from eventwatch.dictionaries.petrarch.patterns import MAX_EXPANSION

    # Phoenix's "&AIRCRAFT * &WEAPON" is 75 aircraft by 115 weapons (8,625 patterns).
    aircraft = ["DRONE", *(f"JET{i}" for i in range(74))]
    weapons = ["MISSILES", *(f"GUN{i}" for i in range(114))]

    def synset(name: str, members: list[str]) -> str:
        return f"\n&{name}\n" + "".join(f"+{m}\n" for m in members) + "\n"

    verbs = (synset("AIRCRAFT", aircraft) + synset("WEAPON", weapons)
             + _block("FIRE", "190", "FIRE", "- &AIRCRAFT * &WEAPON  [195]"))
    d = _extended(tmp_path, actors=NEWS_ACTORS, verbs=verbs)
    assert d.errors == ()
    assert _code(d, nlp, "A Freedonian drone fired missiles at a house in Sylvania on "
                 "Wednesday.") == {("FRD", "SYL", "195")}
    # Past the limit the line is reported, named by file and line, and the rest loads.
    many = ["MISSILES", *(f"GUN{i}" for i in range(MAX_EXPANSION // len(aircraft) + 1))]
    verbs = (synset("AIRCRAFT", aircraft) + synset("WEAPON", many)
             + _block("FIRE", "190", "FIRE", "- &AIRCRAFT * &WEAPON  [195]"))
    d = _extended(tmp_path / "over", actors=NEWS_ACTORS, verbs=verbs)
    assert [e.reason for e in d.errors] == [
        f"pattern expands into {len(aircraft) * len(many)} patterns (limit {MAX_EXPANSION}): "
        "skipped"]
    assert _code(d, nlp, "A Freedonian drone fired missiles at a house in Sylvania on "
                 "Wednesday.") == {("FRD", "SYL", "190")}


def test_an_organisation_code_is_no_country(tmp_path, nlp):
    from eventwatch.actors import ArticleMemory, find_actors

    d = _extended(tmp_path, actors=NEWS_ACTORS + "AID_GROUP_  [NGO]\nNGO_  [NGO]\n",
                  agents="NGO [~NGO]\nGENERAL [~MIL]\n")

    def actors(text: str) -> dict[str, list[str]]:
        doc = nlp(text)
        found = find_actors(doc, 0, d, dt.date(2008, 8, 19), ArticleMemory())
        return {doc[i].text: [a.code for a in acts] for i, acts in found.by_head.items()}

    # "AID_GROUP_ [NGO]" names some aid group, not a country of its own: a Marxonian one
    # is one body, as Phoenix's [NGO~] agents compose.
    assert actors("The Marxonian aid group left Sylvania.")["group"] == ["NGOMRX"]
    # The word NGO names one only in capitals: General Ngo Xuan Lich is a general.
    assert actors("Marxonian General Ngo Xuan Lich visited Sylvania.")["Lich"] == ["MRXMIL"]
    assert actors("An NGO in Sylvania left.")["NGO"] == ["NGO"]
