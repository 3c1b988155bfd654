"""The lexicon files: they parse, every group explains itself, every pattern compiles."""

from __future__ import annotations

import re

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from importlib import resources

import pytest

from cleaner.lexicon import load, shipped

FILES = shipped()
PATTERN_KEYS = ("patterns", "thread_patterns", "credit_patterns", "durations", "end", "separator")


@pytest.mark.parametrize("name", FILES)
def test_groups_have_notes_and_patterns_compile(name: str) -> None:
    data = tomllib.loads((resources.files("cleaner") / "lexicons" / f"{name}.toml").read_text(encoding="utf-8"))
    for group, body in data.items():
        if not isinstance(body, dict):
            continue
        assert body.get("note"), f"{name}: group [{group}] has no note"
        for key in PATTERN_KEYS:
            for pattern in body.get(key, []):
                re.compile(pattern)


@pytest.mark.parametrize("name", FILES)
def test_no_list_repeats_an_entry(name: str) -> None:
    data = tomllib.loads((resources.files("cleaner") / "lexicons" / f"{name}.toml").read_text(encoding="utf-8"))
    for group, body in data.items():
        for key, items in body.items() if isinstance(body, dict) else ():
            if isinstance(items, list):
                repeated = sorted({i for i in items if items.count(i) > 1})
                assert not repeated, f"{name}: [{group}].{key} repeats {repeated}"


def test_no_month_name_means_two_months() -> None:
    """All files are merged: a name two languages give different months would date pages
    of one of them wrongly (a language without a file may: its page reads its own)."""
    seen: dict[str, tuple[str, int]] = {}
    for name in FILES:
        data = tomllib.loads((resources.files("cleaner") / "lexicons" / f"{name}.toml").read_text(encoding="utf-8"))
        for month, number in data.get("dateline", {}).get("months", {}).items():
            other = seen.setdefault(month.casefold(), (name, number))
            assert other[1] == number, f"{month!r}: {other[1]} in {other[0]}, {number} in {name}"


def test_required_languages_ship() -> None:
    assert {"en", "id", "ms", "de", "es", "ja", "common"} <= set(FILES)


def test_merged_lexicon_builds_every_view() -> None:
    lex = load()
    for group, lists in lex.groups.items():
        for name, items in lists.items():
            if isinstance(items, list) and name in PATTERN_KEYS:
                assert lex.patterns(group, name) is not None
            elif isinstance(items, list):
                assert lex.phrases(group, name) is not None
                assert lex.set(group, name)


def _last_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can end with, or None when any may."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def last(items: list) -> set[str] | None:
        for op, av in reversed(items):
            if op is c.AT:
                continue  # an anchor ends nothing
            if op is c.LITERAL:
                return {chr(av)}
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
                return last(list(av[2]))
            if op is c.SUBPATTERN:
                return last(list(av[-1]))
            if op is c.BRANCH:
                found: set[str] = set()
                for branch in av[1]:
                    chars = last(list(branch))
                    if chars is None:
                        return None
                    found |= chars
                return found
            if op is c.IN and all(o is c.LITERAL for o, _ in av):
                return {chr(v) for _, v in av}
            return None
        return None

    return last(list(_parser.parse(pattern)))


def test_end_markers_never_end_as_sentences_do() -> None:
    # marker.end skips blocks ending in sentence punctuation or a quotation mark without a search
    from cleaner.rules.markers import _SENTENCE_TAIL

    for pattern in load().items("marker", "end"):
        chars = _last_chars(pattern)
        assert chars is not None and not chars & _SENTENCE_TAIL, pattern
