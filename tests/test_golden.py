"""Golden files: every seed, body and each labelled metadata field, compared exactly.

Runs of spaces inside a line are collapsed before comparing; nothing else is forgiven.
Cases live in fixtures/golden/<case>/ (input.txt, expected.txt, expected-metadata.json),
imported verbatim from the hand-labelled shared goldens by scripts/import_golden.py.
"""

from __future__ import annotations

import json
import re
import textwrap

import pytest

import cleaner
from conftest import FIXTURES, settled, squash

CASES = sorted(p.name for p in (FIXTURES / "golden").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def results() -> dict[str, cleaner.Article]:
    return {c: cleaner.clean((FIXTURES / "golden" / c / "input.txt").read_text(encoding="utf-8")) for c in CASES}


@pytest.mark.parametrize("case", CASES)
def test_body(case: str, results: dict[str, cleaner.Article]) -> None:
    expected = (FIXTURES / "golden" / case / "expected.txt").read_text(encoding="utf-8")
    assert squash(results[case].body) == squash(expected)


@pytest.mark.parametrize("case", CASES)
def test_metadata(case: str, results: dict[str, cleaner.Article]) -> None:
    labelled = json.loads((FIXTURES / "golden" / case / "expected-metadata.json").read_text(encoding="utf-8"))
    article = results[case]
    for name, value in labelled.items():
        if value in (None, []):
            continue  # not labelled
        got = getattr(article, name)
        assert (squash(got) == squash(value)) if isinstance(value, str) else (got == value), name


def test_every_seed_has_a_case() -> None:
    seeds = sorted(p.stem for p in (FIXTURES.parent / "seeds").glob("*.txt"))
    assert seeds == CASES


# The same seeds as another crawler might have dumped them: the body must not change.
_MENU = "Home\nNews\nWorld\nBusiness\nSports\nSubscribe\nSign in\n"
_FOOTER = "\nAbout Us\nContact\nPrivacy Policy\nTerms of Service\n© 2025 Example News. All rights reserved.\n"
_TEASERS = (
    "\nRelated Articles\nJapan and US agree to new talks on trade\n2 hours ago\n"
    "Markets rise after tariff pause\n5 hours ago\n"
)


def _html2text(text: str) -> str:
    """The page as html2text dumps it: lines wrapped at 76 columns (hyphens may break),
    a blank line after each paragraph, table rows kept together."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if "|" in line and out and "|" in out[-1]:
            out[-1] += "\n" + line
        else:
            out.append(line if "|" in line or len(line) <= 76 else textwrap.fill(line, 76))
    return "\n\n".join(out)


def _split_at_links(text: str) -> str:
    """The page as BeautifulSoup's get_text('\\n') dumps it: a blank line between paragraphs
    (table rows kept together), and every linked name on a line of its own ('... met' /
    'Gen Nakatani' / 'on Friday')."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if "|" in line:
            out.append(out.pop() + "\n" + line if out and "|" in out[-1] else line)
        else:
            split = _LINKED_NAME.sub(lambda m: "\n" + m.group(0) + "\n", line)
            out.append(split.replace(" \n", "\n").replace("\n ", "\n"))
    return "\n\n".join(out)


# Two capitalised words in the middle of a sentence, between lower-case words: a link's text.
_LINKED_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+ [A-Z][a-z]+(?= [a-z])")


VARIANTS = {
    "menu above": lambda t: _MENU + t,
    "footer below": lambda t: t + _FOOTER,
    "teasers below": lambda t: t + _TEASERS,
    "menu, teasers and footer": lambda t: _MENU + t + _TEASERS + _FOOTER,
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "no blank lines": lambda t: "\n".join(line for line in t.split("\n") if line.strip()),
    "wrapped at 76 columns (html2text)": _html2text,
    "split at links (get_text)": _split_at_links,
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("case", CASES)
def test_body_survives_other_dumps_of_the_page(case: str, variant: str) -> None:
    text = (FIXTURES / "golden" / case / "input.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "golden" / case / "expected.txt").read_text(encoding="utf-8")
    assert squash(cleaner.clean(VARIANTS[variant](text)).body) == squash(expected)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("case", CASES)
def test_cleaning_the_body_again_changes_nothing(case: str, variant: str) -> None:
    text = VARIANTS[variant]((FIXTURES / "golden" / case / "input.txt").read_text(encoding="utf-8"))
    settled(text)


@pytest.mark.parametrize("case", ["003_24ebb85ef4756cfc", "004_c6673815f6e7e950"])
def test_a_page_flattened_onto_one_line_gives_the_same_words(case: str) -> None:
    # every line break collapsed: the page is cut at sentences (one paragraph each) and flagged
    text = (FIXTURES / "golden" / case / "input.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "golden" / case / "expected.txt").read_text(encoding="utf-8")
    article = cleaner.clean(" ".join(text.split()))
    assert " ".join(article.body.split()) == " ".join(expected.split())
    assert "flattened" in article.flags
    settled(" ".join(text.split()))
