"""Built-in dictionary format: readers, indexes, dated codes, errors with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwatch.dictionaries import load_builtin
from eventwatch.dictionaries.builtin import parse_pattern
from eventwatch.dictionaries.model import PERSON


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_dictionaries_pattern_markers():
    assert parse_pattern("impose sanction on +") == ("impose", ("sanction", "on"), "on", None)
    assert parse_pattern("shoot down +") == ("shoot", ("down",), "down", None)
    assert parse_pattern("receive aid from $") == ("receive", ("aid", "from"), None, "from")
    assert parse_pattern("meet +") == ("meet", (), "meet", None)


def test_dictionaries_person_codes_follow_dates(mini):
    match = mini.actors.find("Cavusoglu spoke.")[0]
    entry = match.entries[0]
    assert entry.kind == PERSON
    assert entry.code_on(dt.date(2016, 11, 17)) == "TURGOV"
    # Between his two terms, and after them, he falls back to the plain country code.
    assert entry.code_on(dt.date(2015, 10, 1)) == "TUR"
    assert entry.code_on(dt.date(2024, 1, 1)) == "TUR"


def test_dictionaries_longest_match_and_accents(mini):
    matches = mini.actors.find("Türkiye and the Russian Federation met.")
    assert [m.text for m in matches] == ["Türkiye", "Russian Federation"]
    assert [m.entries[0].code_on(None) for m in matches] == ["TUR", "RUS"]


def test_dictionaries_acronyms_are_case_sensitive(mini):
    assert [m.text for m in mini.actors.find("The US and the UN talked to us.")] == ["US", "UN"]


def test_dictionaries_agent_plurals(mini):
    assert [m.text for m in mini.actors.find("Turkish soldiers and rebels")] == [
        "Turkish", "soldiers", "rebels"]


def test_dictionaries_bad_lines_are_reported_and_rest_loads(tmp_path):
    _write(tmp_path, "countries.tsv", "iso3\tnames\tadjectives\tcapitals\tcomment\n"
                                      "TUR\tTurkey\tTurkish\tAnkara\t\nturkey\tX\t\t\t\n")
    _write(tmp_path, "verbs.tsv", "code\tpattern\tfuture\tcomment\n040\tmeet +\t036\t\n"
                                  "999\tfly +\t\t\n040\t+ meet\t\t\n")
    _write(tmp_path, "actors/people.tsv", "id\tnames\tcode\tfrom\tuntil\trole\n"
                                         "a\tAl Pha\tTURGOV\t2020-13-01\t\t\n"
                                         "b\tBe Ta\tTURGOV\t2020-01-01\t2019-01-01\t\n")
    dicts = load_builtin(tmp_path)
    problems = {(Path(e.path).name, e.line) for e in dicts.errors}
    assert problems == {("countries.tsv", 3), ("verbs.tsv", 3), ("verbs.tsv", 4),
                        ("people.tsv", 2), ("people.tsv", 3)}
    assert len(dicts.verbs) == 1
    assert dicts.actors.find("Ankara")[0].entries[0].code_on(None) == "TURGOV"


def test_dictionaries_version_changes_with_content(tmp_path):
    _write(tmp_path, "verbs.tsv", "code\tpattern\tfuture\tcomment\n040\tmeet +\t\t\n")
    first = load_builtin(tmp_path).version
    _write(tmp_path, "verbs.tsv", "code\tpattern\tfuture\tcomment\n042\tvisit +\t\t\n")
    assert load_builtin(tmp_path).version != first


def test_dictionaries_builtin_loads_cleanly(builtin):
    summary = builtin.summary()
    assert summary["errors"] == 0, builtin.errors[:5]
    assert summary["verb_patterns"] >= 400
    roots = {p.code[:2] for lemma in builtin.verbs.lemmas() for p in builtin.verbs.get(lemma)}
    assert roots - {"--"} == {f"{r:02d}" for r in range(1, 21)}  # "---": no event
