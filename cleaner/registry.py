"""Every rule id the pipeline can record, in pipeline order: table repair, then the
named rules and core verdicts as :data:`cleaner.steps.PIPELINE` runs them. Docs, the CLI
and tests read this list."""

from __future__ import annotations

from . import core
from .rules.base import Rule
from .steps import PIPELINE


def _parse_rule(rule_id: str, reason: str) -> Rule:
    return Rule(rule_id, reason, "parse", lambda doc: iter(()))


TABLE_RULES: tuple[Rule, ...] = (
    _parse_rule("table.markup", "HTML table tags that leaked into the text as escaped or mangled markup"),
    _parse_rule("table.stray_cells", "empty or punctuation-only cells left after a table's last row"),
)

_ORDERED = [rule for step in PIPELINE for rule in ((core.RULES) if step is core.STEP else (step,))]
ALL: tuple[Rule, ...] = TABLE_RULES + tuple(r for r in dict.fromkeys(_ORDERED) if r.kind != "step")
BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL}
