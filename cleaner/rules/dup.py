"""Blocks the page printed twice in a row (an echoed caption, a doubled headline)."""

from __future__ import annotations

from ..blocks import Block
from .base import Doc, block_rule


@block_rule("dup.adjacent", "the same text as the block right above it")
def adjacent_duplicate(block: Block, doc: Doc) -> bool:
    """An exact repeat (case and edge punctuation ignored) of the previous live block."""
    if not block.key or block.kind == "table":
        return False
    prev = doc.prev_live(block.index)
    return prev is not None and doc.blocks[prev].key == block.key
