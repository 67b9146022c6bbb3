"""Throughput: the whole pipeline against bare spaCy parsing of the same texts, in one run.

Takes the first N articles (default 2,000) of Reuters-21578 from ../shared and measures
1. plain ``nlp.pipe`` over the article texts (one process, the baseline every coder pays);
2. the eventwatch pipeline (clean → sentence split → skip sentences without an actor
   candidate → parse → actors → events → DuckDB in memory) with ``--workers`` processes.
Prints articles/s, words/s, peak RSS and the ratio pipeline/plain (target ≥ 1.0). Ratios,
not absolute numbers, are comparable across these noisy machines.

    python bench/throughput.py [--limit 2000] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "news_articles" / "reuters21578.jsonl.gz"


def load_articles(limit: int):
    from eventwatch.clean import clean_article
    from eventwatch.records import Article

    articles = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            published = dt.date.fromisoformat(record["date"][:10]) if record.get("date") else None
            articles.append(clean_article(Article(id=record["id"], text=record["text"],
                                                  title=record.get("title"),
                                                  published=published)))
            if len(articles) >= limit:
                break
    return articles


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not present: {CORPUS} is missing (it lives in ../shared); nothing to do")
        return 2

    from eventwatch.engine import EngineSettings, run_batches
    from eventwatch.parse import load_model
    from eventwatch.store import Store

    articles = load_articles(args.limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words (Reuters-21578)")

    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=64):
        pass
    plain = time.perf_counter() - started
    print(f"plain nlp.pipe:  {plain:7.1f}s  {len(articles) / plain:7.1f} articles/s  "
          f"{words / plain:9.0f} words/s")

    settings = EngineSettings(workers=args.workers, batch_size=args.batch_size)
    counts = {"events": 0}
    store = Store(":memory:")
    started = time.perf_counter()

    def on_batch(batch) -> None:
        store.add_coded(batch.articles, batch.events, "bench")
        counts["events"] += len(batch.events)

    run_batches(articles, settings, on_batch)
    pipeline = time.perf_counter() - started
    own, children = peak_rss_mb()
    print(f"eventwatch:      {pipeline:7.1f}s  {len(articles) / pipeline:7.1f} articles/s  "
          f"{words / pipeline:9.0f} words/s  ({counts['events']} events, "
          f"{args.workers} workers)")
    print(f"peak RSS: main {own:.0f} MB, largest worker {children:.0f} MB")
    ratio = plain / pipeline
    print(f"ratio pipeline/plain-parse speed: {ratio:.2f} (target >= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
