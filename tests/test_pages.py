"""Hand-written pages: dumps in the seeds' style for languages and layouts the seeds lack.

Each case in fixtures/pages/<case>/ holds input.txt (a page as a crawler dumps it: menus,
share bars, captions, related boxes, footers), expected.txt (the article's paragraphs, written
by hand from the text, not copied from cleaner's output) and expected-metadata.json, where an
explicit null means the field must stay empty (a live page's 'Last updated' stamp is no
subtitle). Bodies are compared exactly, as the golden seeds are.
"""

from __future__ import annotations

import json

import pytest

import cleaner
from conftest import FIXTURES, squash

ROOT = FIXTURES / "pages"
CASES = sorted(p.name for p in ROOT.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def results() -> dict[str, cleaner.Article]:
    return {c: cleaner.clean((ROOT / c / "input.txt").read_text(encoding="utf-8")) for c in CASES}


@pytest.mark.parametrize("case", CASES)
def test_body(case: str, results: dict[str, cleaner.Article]) -> None:
    expected = (ROOT / case / "expected.txt").read_text(encoding="utf-8")
    assert squash(results[case].body) == squash(expected), [(r.rule, r.text) for r in results[case].removed]


@pytest.mark.parametrize("case", CASES)
def test_metadata(case: str, results: dict[str, cleaner.Article]) -> None:
    labelled = json.loads((ROOT / case / "expected-metadata.json").read_text(encoding="utf-8"))
    article = results[case]
    for name, value in labelled.items():
        got = getattr(article, name)
        assert (squash(got) == squash(value)) if isinstance(value, str) else (got == value), name


def test_cleaning_a_page_again_changes_nothing(results: dict[str, cleaner.Article]) -> None:
    for case, article in results.items():
        assert cleaner.clean(article.body).body == article.body, case
