"""Generate ``docs/rules.md`` from the rule registry: ``python -m cleaner.docs [PATH]``."""

from __future__ import annotations

import sys
from pathlib import Path

from .registry import ALL

HEADER = """# Rules

Generated from the registry by `python -m cleaner.docs` (a test checks it is current).
Rules run in this order (see `cleaner/steps.py`); the id is what `Article.removed[].rule`
records and what `Config(disabled_rules=...)` / `cleaner clean --disable` switch off.
Phrases live in `cleaner/lexicons/<lang>.toml`, grouped by kind of debris.

| id | kind | removes |
|---|---|---|
"""


def render() -> str:
    """The rule table, in pipeline order, with each rule's docstring as detail."""
    rows = [f"| `{r.id}` | {r.kind} | {r.reason} |" for r in ALL]
    details = []
    for r in ALL:
        if r.doc:
            text = " ".join(line.strip() for line in r.doc.strip().splitlines())
            details.append(f"- `{r.id}`: {text}")
    return HEADER + "\n".join(rows) + "\n\n## Details\n\n" + "\n".join(details) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else Path("docs/rules.md")
    target.write_text(render(), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
