"""Blocks the page printed twice in a row (an echoed caption, a doubled headline)."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Doc, section_rule


@section_rule("dup.adjacent", "the same text as the block right above it")
def adjacent_duplicate(doc: Doc) -> Iterator[int]:
    """An exact repeat of the previous live block (for short blocks, case and edge
    punctuation ignored), or of the block right above it when a rule removed that one
    (a 'Related Articles' heading printed twice goes with its first copy)."""
    previous = None
    above: str | None = None  # the block right above, when a rule removed it
    for block in doc.blocks:
        current = block.key or block.text  # long blocks have no key: compare their text
        if block.removed_by is not None:
            above = current
            continue
        if current and block.kind != "table" and current in (previous, above):
            yield block.index
            above = current
            continue
        previous, above = current, None
