"""Properties that hold for any input: no crash, deterministic, idempotent, no invented
text, input order kept, and no catastrophic time on huge inputs (they simply finish)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.normalize import normalize
from conftest import prose

LINES = [
    *prose(4),
    "Share this article",
    "facebook twitter whatsapp telegram line copy",
    "URL berhasil dicopy",
    "logo",
    "Related Articles",
    "Berita Terkait",
    "Baca Juga: Harga beras naik",
    "8 hours ago",
    "Comments",
    "No comments yet...",
    "Advertisement",
    "Monday, 2 June 2025 - 07:13",
    "By Jane Doe",
    "- Writer",
    "Photo: Reuters",
    "Try Our AI Features",
    "DOWNLOAD THE APP",
    "***",
    "Home",
    "Sign in",
    "Japan Rejects Defense Equipment Purchase Deal",
    "What happens next",
    "Nobody was hurt.",
    "Driving Factor | Expected Effect |",
    "---|---|",
    "A< / td > | 5.1< / td > | /tbody> /table> Tail",
    "- a list item",
    "• another item",
    "| x | y |",
    "We use cookies. Accept all cookies.",
    "",
    "The Mainichia day ago",
    "(This article was written by Taro Ono and Mizuki Sato.)",
    "© 2025 Example",
]
pages = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=60)), max_size=30).map("\n".join)
texts = st.one_of(st.text(max_size=3000), pages)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_SKIP = re.compile(r"[\s|\-]+")


def _chars(text: str) -> str:
    """Characters compared for order and provenance: no whitespace, no table/list syntax."""
    return _SKIP.sub("", text)


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@SETTINGS
@given(texts)
def test_never_raises_and_is_deterministic(text: str) -> None:
    assert cleaner.clean(text).to_dict() == cleaner.clean(text).to_dict()


@SETTINGS
@given(texts)
def test_idempotent(text: str) -> None:
    once = cleaner.clean(text).body
    assert cleaner.clean(once).body == once


@SETTINGS
@given(texts)
def test_invents_nothing_and_keeps_order(text: str) -> None:
    """The body is a subsequence of the normalised input (whitespace and table/list
    syntax aside): nothing invented, nothing moved."""
    body = cleaner.clean(text).body
    assert _is_subsequence(_chars(body), _chars(normalize(text)))


@SETTINGS
@given(texts)
def test_every_word_comes_from_the_input(text: str) -> None:
    source = normalize(text)
    for word in re.findall(r"\w+", cleaner.clean(text).body):
        assert word in source


@SETTINGS
@given(texts)
def test_removals_point_at_input_lines(text: str) -> None:
    n_lines = normalize(text).count("\n") + 1
    for removal in cleaner.clean(text).removed:
        assert 1 <= removal.line <= n_lines
        assert removal.text.strip()


def test_huge_single_line_finishes() -> None:
    line = ("word " * 9 + "end. ") * 100_000  # ~5 MB, one line
    assert cleaner.clean(line).body


def test_huge_single_token_finishes() -> None:
    cleaner.clean("x" * 5_000_000)
    cleaner.clean("*" * 1_000_000 + "a")
    cleaner.clean("." * 1_000_000 + "@" + "a" * 1_000_000)


def test_many_short_lines_finish() -> None:
    lines = "\n".join(f"item {i}" if i % 3 else "and continues here" for i in range(200_000))
    cleaner.clean(lines)
