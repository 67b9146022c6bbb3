"""The docs name functions as ``module.function``; a rename must not leave them pointing nowhere."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "eventwatch"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# `module.name` or `module.name(...)` inside backticks, where module is one of ours.
REFERENCE = re.compile(r"`([a-z_]+)\.([A-Za-z_][A-Za-z0-9_]*)(?:\([^`]*\))?`")
# File names look the same: `countries.tsv`, `lexicon.py`.
SUFFIXES = frozenset({"py", "tsv", "txt", "md", "json", "jsonl", "csv", "parquet", "toml"})


def _modules() -> dict[str, str]:
    """Our module names by their last part ("frame" → "eventwatch.events.frame"); a name two
    packages share is left out, since a doc could mean either."""
    found: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.setdefault(parts[-1], []).append(".".join(parts))
    return {name: paths[0] for name, paths in found.items() if len(paths) == 1}


def _references() -> list[tuple[str, str, str]]:
    modules = _modules()
    refs = []
    for doc in DOCS:
        for module, name in REFERENCE.findall(doc.read_text(encoding="utf-8")):
            if module in modules and module != "eventwatch" and name not in SUFFIXES:
                refs.append((doc.name, modules[module], name))
    return sorted(set(refs))


def test_the_docs_name_functions_of_ours():
    assert len(_references()) > 20  # the pattern still finds what the docs name


@pytest.mark.parametrize(("doc", "module", "name"), _references())
def test_every_function_the_docs_name_exists(doc: str, module: str, name: str):
    assert hasattr(importlib.import_module(module), name), f"{doc} names {module}.{name}"


def _paths() -> list[tuple[str, str]]:
    """Source files the docs name by path under the package: `events/coder.py`."""
    named = re.compile(r"`((?:[a-z_]+/)+[a-z_]+\.py)`")
    return sorted({(doc.name, path) for doc in DOCS
                   for path in named.findall(doc.read_text(encoding="utf-8"))
                   if not path.startswith(("bench/", "tests/", "tools/"))})


@pytest.mark.parametrize(("doc", "path"), _paths())
def test_every_source_file_the_docs_name_exists(doc: str, path: str):
    assert (PACKAGE / path).exists() or (ROOT / path).exists(), f"{doc} names {path}"
