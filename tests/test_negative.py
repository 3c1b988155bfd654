"""Negative cases: genuine article text that must survive cleaning.

Cases are data (fixtures/negative/cases.json): a list of paragraphs ("@prose" stands for
an ordinary news paragraph) and the strings that must be found in the body.
"""

from __future__ import annotations

import json

import pytest

import cleaner
from conftest import FIXTURES, prose

CASES = json.loads((FIXTURES / "negative" / "cases.json").read_text(encoding="utf-8"))


def build(paragraphs: list[str]) -> str:
    out, filler = [], iter(prose(4))
    for p in paragraphs:
        out.append(next(filler) if p == "@prose" else p)
    return "\n\n".join(out)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_survives(case: dict) -> None:
    article = cleaner.clean(build(case["paragraphs"]))
    for text in case["keep"]:
        assert text in article.body, [(r.rule, r.text) for r in article.removed]
