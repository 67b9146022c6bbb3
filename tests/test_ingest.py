"""eventwatch.ingest: every input kind, stable ids, dates, and bad inputs as rejects."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import shutil
import tracemalloc
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwatch.errors import (
    E_BINARY,
    E_EMPTY,
    E_ENCODING,
    E_FEED,
    E_FIELDS,
    E_JSON,
    E_NO_TEXT,
    E_TOO_LARGE,
    E_UNREADABLE,
    E_UNSUPPORTED,
)
from eventwatch.ingest import (
    date_from_filename,
    date_from_text,
    make_article_id,
    parse_date_value,
    read_inputs,
)
from eventwatch.records import Article, Reject

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ALL_CODES = {f"E1{n:02d}" for n in range(1, 11)}
BODY = (
    "Turkish troops crossed into northern Syria on Wednesday, the defence ministry in Ankara "
    "said, in an operation against Kurdish militants along the border."
)


def run(*paths: str | Path, **kwargs: object) -> list[Article | Reject]:
    return list(read_inputs(list(paths), **kwargs))  # type: ignore[arg-type]


def articles(results: list[Article | Reject]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def rejects(results: list[Article | Reject]) -> list[Reject]:
    return [r for r in results if isinstance(r, Reject)]


def only(results: list[Article | Reject]) -> Article | Reject:
    assert len(results) == 1, results
    return results[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# --- plain text ---------------------------------------------------------------------------


def test_ingest_txt_is_cleaned_titled_and_dated_from_file_name() -> None:
    path = FIXTURES / "2015-11-24-shootdown.txt"
    article = only(run(path))
    assert isinstance(article, Article)
    assert article.title == "Turkey Shoots Down Russian Warplane Near Syrian Border"
    assert article.published == dt.date(2015, 11, 24)
    assert article.origin == str(path)
    assert article.text.startswith("ANKARA, Nov 24 (Agency) – Turkey shot down")
    assert "By Jane Roe" not in article.text
    assert "Advertisement" not in article.text
    assert "Editing by" not in article.text
    assert "\n\nMoscow said the Su-24 jet" in article.text
    assert article.removed_lines == 3


def test_ingest_txt_date_from_dateline(tmp_path: Path) -> None:
    text = f"Jet Downed Near Border\n\nANKARA, Nov 24, 2015 (Agency) - {BODY}\n"
    article = only(run(write(tmp_path / "shootdown.txt", text)))
    assert isinstance(article, Article)
    assert article.published == dt.date(2015, 11, 24)
    assert article.text.startswith("ANKARA, Nov 24, 2015 (Agency) - Turkish troops")


def test_ingest_txt_date_from_date_line(tmp_path: Path) -> None:
    article = only(run(write(tmp_path / "note.txt", f"Feb 28, 2020\n\n{BODY}\n")))
    assert isinstance(article, Article)
    assert article.published == dt.date(2020, 2, 28)


def test_ingest_txt_without_date_is_none_not_today(tmp_path: Path) -> None:
    article = only(run(write(tmp_path / "undated.txt", BODY)))
    assert isinstance(article, Article)
    assert article.published is None
    assert article.title is None
    assert article.text == BODY


def test_ingest_extensionless_file_is_text(tmp_path: Path) -> None:
    article = only(run(write(tmp_path / "README", BODY)))
    assert isinstance(article, Article) and article.text == BODY


def test_ingest_text_with_bom_decodes(tmp_path: Path) -> None:
    utf8 = write(tmp_path / "bom8.txt", b"\xef\xbb\xbf" + BODY.encode())
    utf16 = write(tmp_path / "bom16.txt", BODY.encode("utf-16"))
    for result in run(utf8, utf16):
        assert isinstance(result, Article) and result.text == BODY


# --- HTML ---------------------------------------------------------------------------------


def test_ingest_html_text_title_date_outlet() -> None:
    article = only(run(FIXTURES / "page.html"))
    assert isinstance(article, Article)
    assert article.title == "Turkey and Russia agree Idlib ceasefire"
    assert article.published == dt.date(2020, 3, 5)
    assert article.outlet == "Border Wire"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("MOSCOW (Border Wire) – Turkey and Russia agreed")
    assert any(p.startswith("Nearly a million people") for p in paragraphs)
    for chrome in ("Advertisement", "Subscribe", "All rights reserved", "Home"):
        assert chrome not in article.text
    assert article.text.count("agree Idlib ceasefire") == 0  # the repeated <h1> is gone


def test_ingest_html_falls_back_to_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Caf\xe9 talks</title></head><body><article><p>"
        f"{BODY} Officials met at a caf\xe9 in Kilis.</p></article></body></html>"
    ).encode("cp1252")
    article = only(run(write(tmp_path / "legacy.htm", page)))
    assert isinstance(article, Article)
    assert "café in Kilis" in article.text


def test_ingest_html_date_from_file_name_when_page_has_none(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p><p>{BODY}!</p></article></body></html>"
    article = only(run(write(tmp_path / "2019-10-09-peace-spring.html", page)))
    assert isinstance(article, Article)
    assert article.published == dt.date(2019, 10, 9)


def test_ingest_html_without_article_text_is_e108(tmp_path: Path) -> None:
    path = write(tmp_path / "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    reject = only(run(path))
    assert isinstance(reject, Reject) and reject.code == E_NO_TEXT
    assert str(path) in reject.reason


# --- JSON Lines ---------------------------------------------------------------------------


def test_ingest_jsonl_field_variants() -> None:
    path = FIXTURES / "articles.jsonl"
    results = run(path)
    assert rejects(results) == []
    by_origin = {a.origin: a for a in articles(results)}
    assert sorted(by_origin) == [f"{path}:{n}" for n in (1, 2, 4, 5)]  # line 3 is blank

    first = by_origin[f"{path}:1"]
    assert (first.id, first.title, first.outlet) == (
        "42",
        "Erdogan and Putin meet in Sochi",
        "Wire One",
    )
    assert first.published == dt.date(2019, 10, 22)
    assert first.text.startswith("SOCHI, Russia (Wire One) – ")  # repeated title dropped
    assert "Share this article" not in first.text
    assert first.removed_lines == 2

    second = by_origin[f"{path}:2"]
    url = "https://news.example.org/2020/02/28/idlib"
    assert second.url == url and second.outlet == "Example News"
    assert second.id == hashlib.sha1(url.encode()).hexdigest()[:16]
    assert second.published == dt.date(2020, 2, 28)

    third = by_origin[f"{path}:4"]
    assert third.published == dt.date(2021, 3, 1)
    assert third.url is None and third.outlet is None

    fourth = by_origin[f"{path}:5"]
    assert fourth.id == "wire-7"
    assert fourth.title == "Kremlin comments on talks"
    assert fourth.outlet == "Wire Seven"
    assert fourth.published == dt.date(2016, 12, 1)
    assert fourth.text.startswith("The Kremlin said on Thursday")
    assert "Subscribe" not in fourth.text


def test_ingest_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "a", "text": BODY}) + "\n")
        stream.write(json.dumps({"id": "b", "text": BODY + " More later."}) + "\n")
    assert [a.id for a in articles(run(path))] == ["a", "b"]


def test_ingest_jsonl_bad_lines_are_rejected_and_good_lines_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "good-1", "text": BODY}),
        '{"id": "broken", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-body", "title": "Headline only"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "good-2", "text": BODY + " Ankara denied it."}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    results = run(path)
    assert [a.id for a in articles(results)] == ["good-1", "good-2"]
    assert [(r.item, r.code) for r in rejects(results)] == [
        (f"{path}:2", E_JSON),
        (f"{path}:3", E_JSON),
        (f"{path}:4", E_FIELDS),
        (f"{path}:5", E_EMPTY),
    ]
    assert all(r.reason.startswith(f"{r.item}: ") for r in rejects(results))


def test_ingest_jsonl_long_line_is_skipped_without_losing_the_rest(tmp_path: Path) -> None:
    long_line = json.dumps({"id": "huge", "text": "x " * 5000})
    good = json.dumps({"id": "small", "text": BODY})
    path = write(tmp_path / "long.jsonl", f"{long_line}\n{good}\n")
    results = run(path, max_bytes=1000)
    assert [(r.item, r.code) for r in rejects(results)] == [(f"{path}:1", E_TOO_LARGE)]
    assert [a.id for a in articles(results)] == ["small"]


def test_ingest_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": BODY}).encode()
    path = write(tmp_path / "enc.jsonl", b'{"text": "caf\xe9"}\n' + good + b"\n")
    results = run(path)
    assert [(r.item, r.code) for r in rejects(results)] == [(f"{path}:1", E_ENCODING)]
    assert [a.id for a in articles(results)] == ["ok"]


# --- folders ------------------------------------------------------------------------------


def test_ingest_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    shutil.copy(FIXTURES / "2015-11-24-shootdown.txt", write(root / "b.txt", "").parent)
    write(root / "a.txt", BODY)
    write(root / "nested" / "deeper" / "c.txt", BODY + " Damascus objected.")
    write(root / "nested" / "d.jsonl", json.dumps({"id": "d1", "text": BODY + " Moscow agreed."}))
    write(root / ".hidden.txt", BODY + " hidden file")
    write(root / ".git" / "e.txt", BODY + " hidden folder")
    write(root / "notes.pdf", b"%PDF-1.4")
    results = run(root)
    items = [r.origin if isinstance(r, Article) else r.item for r in results]
    assert items == [
        str(root / "2015-11-24-shootdown.txt"),
        str(root / "a.txt"),
        str(root / "b.txt"),
        str(root / "nested" / "d.jsonl") + ":1",
        str(root / "nested" / "deeper" / "c.txt"),
        str(root / "notes.pdf"),
    ]
    codes = {r.item: r.code for r in rejects(results)}
    assert codes == {str(root / "b.txt"): E_EMPTY, str(root / "notes.pdf"): E_UNSUPPORTED}
    assert "'.pdf'" in rejects(results)[-1].reason
    assert not any("hidden" in a.text for a in articles(results))


# --- stdin --------------------------------------------------------------------------------


def test_ingest_stdin_plain_text() -> None:
    text = f"Turkey Closes Border Crossing\n\n{BODY}\n"
    article = only(run("-", stdin=io.StringIO(text)))
    assert isinstance(article, Article)
    assert (article.origin, article.title, article.text) == (
        "<stdin>",
        "Turkey Closes Border Crossing",
        BODY,
    )


def test_ingest_stdin_jsonl_text_and_binary_streams() -> None:
    data = "\n".join(
        [json.dumps({"id": "s1", "text": BODY}), "", "{bad", json.dumps({"id": "s2", "text": BODY})]
    )
    for stream in (io.StringIO(data), io.BytesIO(data.encode())):
        results = run("-", stdin=stream)
        assert [(a.id, a.origin) for a in articles(results)] == [
            ("s1", "<stdin>:1"),
            ("s2", "<stdin>:4"),
        ]
        assert [(r.item, r.code) for r in rejects(results)] == [("<stdin>:3", E_JSON)]


def test_ingest_stdin_bad_inputs() -> None:
    assert only(run("-", stdin=io.BytesIO(b""))).code == E_EMPTY  # type: ignore[union-attr]
    assert only(run("-", stdin=io.BytesIO(b"\xff\xfe\xfa"))).code == E_ENCODING  # type: ignore[union-attr]
    big = only(run("-", stdin=io.StringIO("x" * 200), max_bytes=100))
    assert isinstance(big, Reject) and (big.item, big.code) == ("<stdin>", E_TOO_LARGE)


# --- feeds --------------------------------------------------------------------------------


def feed_client() -> httpx.Client:
    rss = (FIXTURES / "feed.rss").read_bytes()
    page = (FIXTURES / "page.html").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.rss":
            return httpx.Response(200, content=rss, headers={"content-type": "application/rss+xml"})
        if request.url.path == "/story":
            return httpx.Response(200, content=page, headers={"content-type": "text/html"})
        if request.url.path == "/garbage":
            return httpx.Response(
                200, content=b"this is not a feed", headers={"content-type": "text/plain"}
            )
        if request.url.path == "/huge":
            return httpx.Response(200, content=b"<rss>" + b" " * 5000)
        if request.url.host == "down.example.org":
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(404)

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_ingest_feed_url_through_mock_transport() -> None:
    with feed_client() as client:
        results = run("https://border.example.org/feed.rss", client=client)
    first, second = articles(results)
    assert first.url == first.origin == "https://border.example.org/2020/03/05/idlib-ceasefire"
    assert first.id == hashlib.sha1(first.url.encode()).hexdigest()[:16]
    assert first.title == "Turkey and Russia agree Idlib ceasefire"
    assert first.published == dt.date(2020, 3, 5)
    assert first.outlet == "Border Wire"
    assert first.text.startswith("MOSCOW (Border Wire) – Turkey and Russia agreed")
    assert "Read more" not in first.text
    assert second.published == dt.date(2023, 2, 10)
    assert second.text.startswith("A United Nations aid convoy crossed")
    (empty,) = rejects(results)
    assert (empty.item, empty.code) == (
        "https://border.example.org/2023/02/11/headline-only",
        E_NO_TEXT,
    )


def test_ingest_url_failures_are_rejects() -> None:
    urls = [
        "https://border.example.org/missing",
        "https://down.example.org/feed",
        "https://border.example.org/garbage",
        "https://border.example.org/huge",
    ]
    with feed_client() as client:
        results = run(*urls, client=client, max_bytes=1000)
    assert [(r.item, r.code) for r in rejects(results)] == [
        (urls[0], E_FEED),
        (urls[1], E_FEED),
        (urls[2], E_FEED),
        (urls[3], E_TOO_LARGE),
    ]
    assert "404" in results[0].reason  # type: ignore[union-attr]


def test_ingest_url_serving_html_is_one_article() -> None:
    with feed_client() as client:
        article = only(run("https://border.example.org/story", client=client))
    assert isinstance(article, Article)
    assert article.url == article.origin == "https://border.example.org/story"
    assert article.title == "Turkey and Russia agree Idlib ceasefire"


def test_ingest_local_rss_and_atom_files() -> None:
    rss = run(FIXTURES / "feed.rss")
    assert len(articles(rss)) == 2 and len(rejects(rss)) == 1
    atom = only(run(FIXTURES / "feed.atom"))
    assert isinstance(atom, Article)
    assert atom.origin == "https://ankara.example.org/2016/12/01/alanya"
    assert atom.published == dt.date(2016, 12, 1)
    assert atom.outlet == "Ankara Desk"
    assert "Cavusoglu" in atom.text


def test_ingest_broken_local_feed_is_e110(tmp_path: Path) -> None:
    reject = only(run(write(tmp_path / "broken.xml", "Turkey news export, not XML at all")))
    assert isinstance(reject, Reject) and reject.code == E_FEED
    assert reject.reason.startswith(f"{reject.item}: not a readable RSS/Atom feed")


# --- ids ----------------------------------------------------------------------------------


def test_ingest_ids_are_stable(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", BODY)
    once, twice = run(path, path)
    assert isinstance(once, Article) and isinstance(twice, Article)
    assert once.id == twice.id == hashlib.sha1(BODY.encode()).hexdigest()[:16]
    reflowed = write(tmp_path / "reflowed.txt", BODY.replace(" ", "  \n", 3))
    assert only(run(reflowed)).id == once.id  # type: ignore[union-attr]


def test_make_article_id_precedence() -> None:
    assert make_article_id(17, "https://a.example/x", BODY) == "17"
    by_url = make_article_id(None, "https://a.example/x", BODY)
    assert by_url == hashlib.sha1(b"https://a.example/x").hexdigest()[:16]
    assert make_article_id("", None, f"  {BODY} ") == make_article_id(None, None, BODY)


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-11-24", dt.date(2015, 11, 24)),
        ("2015-11-24T23:30:00-05:00", dt.date(2015, 11, 24)),
        ("Nov 24, 2015", dt.date(2015, 11, 24)),
        ("24 November 2015", dt.date(2015, 11, 24)),
        ("Tue, 24 Nov 2015 10:00:00 GMT", dt.date(2015, 11, 24)),
        (1448359200, dt.date(2015, 11, 24)),
        (1448359200000, dt.date(2015, 11, 24)),
        ("November 2015", None),
        ("Nov 24", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_date_value(value: object, expected: dt.date | None) -> None:
    assert parse_date_value(value) == expected


def test_date_from_filename_and_text() -> None:
    assert date_from_filename("2015-11-24-shootdown.txt") == dt.date(2015, 11, 24)
    assert date_from_filename("2015-13-45-bad.txt") is None
    assert date_from_filename("shootdown.txt") is None
    assert date_from_text(f"Title\n\nANKARA, Nov 24, 2015 (Agency) - {BODY}") == dt.date(
        2015, 11, 24
    )
    assert date_from_text("Updated: Feb 28, 2020 10:45 GMT\n\nBody.") == dt.date(2020, 2, 28)
    assert date_from_text(f"{BODY} It followed the Nov 24, 2015 downing of a jet.") is None


# --- bad inputs ---------------------------------------------------------------------------


def test_ingest_bad_files_give_codes_and_names(tmp_path: Path) -> None:
    cases = {
        write(tmp_path / "empty.txt", b""): E_EMPTY,
        write(tmp_path / "blank.txt", b"  \n\n\t\n"): E_EMPTY,
        write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"): E_BINARY,
        write(tmp_path / "controls.txt", bytes(range(1, 9)) * 50): E_BINARY,
        write(tmp_path / "latin1.txt", "Caf\xe9 in Ankara".encode("latin-1")): E_ENCODING,
        write(tmp_path / "boilerplate.txt", "Advertisement\n\nRead more\n\n© 2020 Wire"): E_NO_TEXT,
        write(tmp_path / "data.csv", b"a,b\n1,2\n"): E_UNSUPPORTED,
        tmp_path / "missing.txt": E_UNREADABLE,
    }
    results = run(*cases)
    assert [(r.item, r.code) for r in results] == [(str(p), c) for p, c in cases.items()]
    for result in results:
        assert isinstance(result, Reject) and result.item in result.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_ingest_special_file_is_unreadable(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    reject = only(run(fifo))
    assert isinstance(reject, Reject) and (reject.item, reject.code) == (str(fifo), E_UNREADABLE)


def test_ingest_too_large_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: instant, no disk use
    tracemalloc.start()
    try:
        reject = only(run(path, write(tmp_path / "fine.txt", BODY))[:1])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(reject, Reject)
    assert (reject.item, reject.code) == (str(path), E_TOO_LARGE)
    assert "50000000 bytes" in reject.reason
    assert peak < 5_000_000


def test_ingest_keeps_going_after_bad_items(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"\x00\x01")
    good = write(tmp_path / "good.txt", BODY)
    results = run(bad, tmp_path / "nowhere", good)
    assert [type(r).__name__ for r in results] == ["Reject", "Reject", "Article"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(["txt", "html", "jsonl", "xml", ""]))
def test_ingest_never_raises_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / (f"fuzz.{suffix}" if suffix else "fuzz")
    path.write_bytes(data)
    for result in read_inputs([path]):
        assert isinstance(result, Article | Reject)
        if isinstance(result, Reject):
            assert result.code in ALL_CODES
        else:
            assert result.text.strip()


def test_ingest_reads_gzip_compressed_html_and_text(tmp_path):
    import gzip as gz

    from eventwatch.records import Article, Reject

    html = ("<html><head><title>Ankara and Moscow agree on Idlib patrols</title></head><body>"
            "<article><h1>Ankara and Moscow agree on Idlib patrols</h1>"
            "<p>Turkey and Russia agreed on Thursday to run joint patrols along the M4 highway "
            "in Syria's Idlib province, officials in both capitals said.</p>"
            "<p>The patrols are meant to shore up a ceasefire that has held since early March, "
            "the Turkish defence ministry said in a statement.</p></article></body></html>")
    (tmp_path / "2020-03-12-patrols.html.gz").write_bytes(gz.compress(html.encode()))
    (tmp_path / "note.txt.gz").write_bytes(gz.compress(
        b"Russia and Turkey held talks in Moscow on Friday about the situation in Idlib."))
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08 not really gzip")
    items = list(read_inputs([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert sorted(Path(a.origin).name for a in articles) == [
        "2020-03-12-patrols.html.gz", "note.txt.gz"]
    assert any("joint patrols" in a.text for a in articles)
    assert [(Path(r.item).name, r.code) for r in rejects] == [("broken.html.gz", "E107")]
