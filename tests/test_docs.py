"""Docs stay true: the rule table matches the registry, the README's commands match CI."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleaner
from cleaner.docs import render
from cleaner.registry import ALL
from conftest import ROOT


def test_rules_doc_is_generated_from_the_registry() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render(), "run: python -m cleaner.docs"


def test_every_rule_id_is_documented() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert all(f"`{r.id}`" in text for r in ALL)


def test_readme_opens_with_the_ci_test_command() -> None:
    ci = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.startswith("python3 -m venv")
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert ci and ci[0] in head
    assert "cleaner clean seeds" in head


MODULES = sorted(m.name for m in pkgutil.walk_packages(cleaner.__path__, "cleaner."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_every_lexicon_group_is_listed_in_lexicons_md() -> None:
    import tomllib

    groups = set()
    for path in (ROOT / "cleaner" / "lexicons").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        groups |= {name for name, value in data.items() if isinstance(value, dict)}
    text = (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8")
    assert not sorted(g for g in groups if f"`{g}`" not in text)
