"""Blocks the page printed twice in a row (an echoed caption, a doubled headline)."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Doc, section_rule


@section_rule("dup.adjacent", "the same text as the block right above it")
def adjacent_duplicate(doc: Doc) -> Iterator[int]:
    """An exact repeat of the previous live block (for short blocks, case and edge
    punctuation ignored)."""
    previous = None
    for block in doc.blocks:
        if block.removed_by is not None:
            continue
        current = block.key or block.text  # long blocks have no key: compare their text
        if current and block.kind != "table" and current == previous:
            yield block.index
            continue
        previous = current
