"""Every rule id the pipeline can record, in pipeline order: table repair, the named
rules of :data:`cleaner.rules.RULES`, then the core. Docs and tests read this list."""

from __future__ import annotations

from . import core
from .rules import RULES
from .rules.base import Rule


def _parse_rule(rule_id: str, reason: str) -> Rule:
    return Rule(rule_id, reason, "parse", lambda doc: iter(()))


TABLE_RULES: tuple[Rule, ...] = (
    _parse_rule("table.markup", "HTML table tags that leaked into the text as escaped or mangled markup"),
    _parse_rule("table.stray_cells", "empty or punctuation-only cells left after a table's last row"),
)

ALL: tuple[Rule, ...] = TABLE_RULES + RULES + core.RULES
BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL}
