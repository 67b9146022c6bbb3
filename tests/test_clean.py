"""eventwatch.clean: boilerplate goes, news sentences stay, title and paragraphs are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.clean import (
    CleanResult,
    clean_article,
    clean_text,
    dateline_date,
    find_dateline,
    load_rules,
)
from eventwatch.records import Article

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

TITLE = "Turkey Closes Second Border Crossing With Syria"
LEAD = (
    "KILIS, Turkey (Wire) – Turkey closed a second border crossing with Syria on Monday after "
    "fighting near the frontier intensified, the governor's office said."
)
MIDDLE = (
    "Thousands of civilians have gathered near the Oncupinar gate in recent days, according to "
    "aid groups working in the area, and the United Nations called for the border to stay open."
)
LAST = (
    "Ankara already hosts more than 3.5 million Syrian refugees and has said it cannot take in "
    "another wave, officials said on Tuesday."
)


def article_with(*extra: str, after: int = 1) -> str:
    """The model article with extra paragraphs inserted after paragraph ``after``."""
    paragraphs = [TITLE, LEAD, MIDDLE, LAST]
    return "\n\n".join([*paragraphs[: after + 1], *extra, *paragraphs[after + 1 :]])


def assert_clean_body(result: CleanResult) -> None:
    assert result.title == TITLE
    assert result.text == "\n\n".join([LEAD, MIDDLE, LAST])


# --- each boilerplate kind ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more", "read_more"),
        ("Read more: Erdogan vows to keep troops in Idlib", "read_more"),
        ("READ MORE: Russia and Turkey begin joint patrols", "read_more"),
        ("More stories like this are available on example.com", "more_stories"),
        ("© 2020 Border Wire", "copyright"),
        ("©2023 Example Media L.P.", "copyright"),
        ("Copyright 2020 Border Wire Ltd.", "copyright"),
        ("All rights reserved.", "copyright"),
        ("Photo: Turkish soldiers near the border. Jane Roe / Reuters", "caption"),
        ("Photo credit: Anadolu Agency", "caption"),
        ("Turkish armoured vehicles drive towards the border. Ivan Petrov / TASS", "caption"),
        ("Syrians wait at the Oncupinar crossing, Feb. 7, 2020. (AP Photo/Jane Roe)", "caption"),
        ("Trucks wait at the gate. John Smith / AGENCY", "caption"),
        ("Advertisement", "chrome"),
        ("ADVERTISEMENT", "chrome"),
        ("Share this article", "chrome"),
        ("Sign up for our daily newsletter", "chrome"),
        ("Subscribe", "chrome"),
        ("Subscribe now for unlimited access", "chrome"),
        ("Quantcast", "chrome"),
        ("We use cookies to improve your experience on our website.", "chrome"),
        ("paiment methods", "chrome"),
        ("Payment methods", "chrome"),
        ("Not ready to support today?", "chrome"),
        ("Remind me later.", "chrome"),
        ("(Writing by Jane Roe; Editing by John Doe)", "credit"),
        ("(Reporting by Jane Roe in Ankara; Additional reporting by John Doe)", "credit"),
        ("–With assistance from Jane Roe.", "credit"),
        ("Reuters contributed reporting to this article.", "credit"),
        ("(Bloomberg) —", "outlet_tag"),
        ("(Reuters) -", "outlet_tag"),
        ("By Jane Roe", "byline"),
        ("By Jane Roe and John Doe", "byline"),
        ("BY JANE ROE", "byline"),
        ("Support The Border Wire!", "appeal"),
    ],
)
def test_clean_removes_boilerplate_line(line: str, reason: str) -> None:
    result = clean_text(article_with(line))
    assert result.removed == ((line, reason),)
    assert_clean_body(result)


@pytest.mark.parametrize(
    "line",
    [
        "Quake Latest: Aid Convoys Reach Northwest Syria",
        "What’s at Stake in Idlib: QuickTake",
        "Erdogan Says Turkey Will Not Open Its Gates",
    ],
)
def test_clean_removes_teaser_between_body_paragraphs(line: str) -> None:
    result = clean_text(article_with(line))
    assert result.removed == ((line, "teaser"),)
    assert_clean_body(result)


def test_clean_removes_a_run_of_teasers() -> None:
    teasers = ("Kurds Fear New Offensive", "Russia Sends More Warships: Analysis")
    result = clean_text(article_with(*teasers))
    assert result.removed == tuple((t, "teaser") for t in teasers)
    assert_clean_body(result)


def test_clean_removes_site_name_duplicate_title() -> None:
    raw = f"Quantcast\n{TITLE} – Border Wire\n\n" + article_with()
    result = clean_text(raw)
    assert result.removed == (("Quantcast", "chrome"), (f"{TITLE} – Border Wire", "site_title"))
    assert_clean_body(result)


def test_clean_removes_appeal_block_to_its_end() -> None:
    appeal = [
        "… we have a small favor to ask. Our newsroom has been labelled by the authorities, and "
        "we depend on readers like you to keep reporting from the region.",
        "Every contribution counts. Please consider backing our reporting each month, "
        "from as little as $3. Thank you.",
        "Payment methods\nNot ready to support today?\nRemind me later.",
    ]
    result = clean_text(article_with(*appeal, after=3) + "\n\nRead more")
    reasons = [reason for _, reason in result.removed]
    assert reasons == ["appeal"] * 5 + ["read_more"]
    assert_clean_body(result)


def test_clean_removes_appeal_without_closing_line() -> None:
    appeal = [
        "Before you go: we have a small favor to ask. Independent reporting from the border costs "
        "money and we rely on our readers.",
        "Please consider supporting us with a monthly donation to keep our journalism free.",
    ]
    result = clean_text(article_with(*appeal, after=3))
    assert [reason for _, reason in result.removed] == ["appeal", "appeal"]
    assert_clean_body(result)


def test_clean_removes_repeated_lead_and_keeps_the_first() -> None:
    result = clean_text(article_with("(Wire) —", LEAD))
    assert result.removed == (("(Wire) —", "outlet_tag"), (LEAD, "repeated"))
    assert_clean_body(result)


def test_clean_repeat_ignores_whitespace_differences() -> None:
    middle = LEAD.index(" on Monday")
    rewrapped = LEAD[:middle].replace(" ", "  ", 3) + "\n" + LEAD[middle + 1 :]
    result = clean_text(article_with(rewrapped))
    assert [reason for _, reason in result.removed] == ["repeated"] * 2
    assert_clean_body(result)


# --- news kept ----------------------------------------------------------------------------

KEPT_SENTENCES = [
    "Copyright law in Turkey was changed by parliament on Tuesday, the justice ministry said.",
    "Russia said it would read more closely any proposal that Ankara submitted.",
    "Turkey supports the rebels, while Russia and Iran back Assad's government.",
    "By Tuesday, Turkish troops had taken control of three villages near the border.",
    "Ukraine's president asked allies to please support us with air defences, his office said.",
    "“Please support us, we need your help,” the mayor of Kilis told reporters.",
    "The photo agency said its reporter in Idlib had been detained.",
    "The ministry said the Su-24 was hit at 9:24 a.m. local time.",
    "“We will not open the gates,” Cavusoglu told reporters in Ankara.",
    "Subsidies for the border towns will rise by 20 percent, the governor said.",
    "Troops advanced",
]


@pytest.mark.parametrize("sentence", KEPT_SENTENCES)
def test_clean_keeps_real_news_sentences(sentence: str) -> None:
    result = clean_text(article_with(sentence))
    assert result.removed == ()
    assert f"\n\n{sentence}\n\n" in result.text


def test_clean_keeps_short_paragraph_that_is_not_between_body_paragraphs() -> None:
    raw = "\n\n".join([TITLE, LEAD, MIDDLE, "Ankara Responds"])
    assert clean_text(raw).text.endswith("\n\nAnkara Responds")


# --- title, dateline, structure -----------------------------------------------------------


def test_clean_title_is_first_headline_line() -> None:
    result = clean_text(article_with())
    assert result.title == TITLE
    assert not result.text.startswith(TITLE)


def test_clean_no_title_when_text_starts_with_a_sentence() -> None:
    raw = "\n\n".join([LEAD, MIDDLE])
    result = clean_text(raw)
    assert result.title is None
    assert result.text == raw


def test_clean_title_skips_date_line_and_dateline_is_not_a_title() -> None:
    result = clean_text("Feb 28, 2020\n\n" + article_with())
    assert result.title == TITLE
    assert result.text.startswith("Feb 28, 2020\n\nKILIS")
    assert clean_text(LEAD).title is None


def test_clean_keeps_dateline_and_exposes_it() -> None:
    result = clean_text(article_with())
    assert result.text.startswith("KILIS, Turkey (Wire) – Turkey closed")
    assert result.dateline == "KILIS, Turkey (Wire) – "
    assert find_dateline("ANKARA, Nov 24, 2015 (Agency) - Turkish jets") == (
        "ANKARA, Nov 24, 2015 (Agency) - "
    )
    assert find_dateline("Turkish jets shot down a plane (officials) - reports") is None
    assert dateline_date("ANKARA, Nov 24, 2015 (Agency) - Turkish jets") == "Nov 24, 2015"


def test_clean_keeps_paragraphs_and_normalises_spacing() -> None:
    raw = f"  {TITLE}  \r\n\r\n\r\n{LEAD}\u00a0\n\n\n\n{MIDDLE}\n   \n{LAST}\n"
    result = clean_text(raw)
    assert result.text == "\n\n".join([LEAD, MIDDLE, LAST])
    assert "\n\n\n" not in result.text


def test_clean_empty_and_boilerplate_only() -> None:
    assert clean_text("") == CleanResult("", None, ())
    result = clean_text("Advertisement\n\nRead more\n\n© 2020 Wire")
    assert result.text == "" and len(result.removed) == 3


def test_clean_article_keeps_title_and_counts_removed_lines() -> None:
    article = Article(
        id="a1",
        text=f"{TITLE}\n\n{LEAD}\n\nShare this article\n\n{MIDDLE}",
        title=TITLE,
        origin="dump.jsonl:1",
    )
    cleaned = clean_article(article)
    assert cleaned.title == TITLE
    assert cleaned.text == f"{LEAD}\n\n{MIDDLE}"
    assert cleaned.removed_lines == 2
    assert (cleaned.id, cleaned.origin) == ("a1", "dump.jsonl:1")


def test_clean_article_finds_title_when_missing() -> None:
    cleaned = clean_article(Article(id="a2", text=article_with()))
    assert cleaned.title == TITLE
    assert cleaned.removed_lines == 0


def test_clean_article_is_idempotent() -> None:
    raw = article_with("Advertisement", "Quake Latest: Aid Convoys Reach Northwest Syria", LEAD)
    once = clean_article(Article(id="a3", text=f"Quantcast\n{TITLE} – Border Wire\n\n{raw}"))
    assert once.removed_lines == 5
    assert clean_article(once) == once


def test_clean_custom_rules_file(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.tsv"
    rules_file.write_text("line\tpromo\t6\ti\t^listen to our podcast\\b\n", encoding="utf-8")
    result = clean_text(article_with("Listen to our podcast"), rules=load_rules(rules_file))
    assert result.removed == (("Listen to our podcast", "promo"),)
    rules_file.write_text("line\tpromo\tsix\ti\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules\.tsv:1"):
        load_rules(rules_file)


# --- the shared seed articles -------------------------------------------------------------

SEED_BOILERPLATE = [
    "More stories like this",
    "©",
    "Read more",
    "Remind me later",
    "Quantcast",
    "small favor to ask",
    "Vitaly Nevar / TASS",
    "Support The Moscow Times",
    "Metro US",
    "By Tulay Karadeniz",
    "Editing by",
    "With assistance from",
    "contributed reporting",
    "QuickTake",
    "Quake Latest",
    "paiment methods",
]
SEED_NEWS = [
    "Oncupinar",
    "Cavusoglu",
    "33 Turkish soldiers",
    "ALANYA, Turkey (Reuters) –",
    "Elena Suponina",
    "Bab al-Hawa",
    "Kalibr cruise missiles",
    "Jens Stoltenberg",
]


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_clean_seed_articles() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"no .txt seeds in {SEEDS}"
    found_news: set[str] = set()
    for seed in seeds:
        raw = seed.read_text(encoding="utf-8")
        result = clean_text(raw)
        assert result.title, seed.name
        for marker in SEED_BOILERPLATE:
            assert marker not in result.text, (seed.name, marker)
        for marker in SEED_NEWS:
            if marker in raw:
                assert marker in result.text, (seed.name, marker)
                found_news.add(marker)
        for paragraph in result.text.split("\n\n"):
            if len(paragraph.split()) >= 4:
                assert result.text.count(paragraph) == 1, (seed.name, paragraph[:60])
    assert found_news == set(SEED_NEWS)
