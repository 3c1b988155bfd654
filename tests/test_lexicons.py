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
PATTERN_KEYS = ("patterns", "thread_patterns", "end", "separator")


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
