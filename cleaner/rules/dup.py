"""Blocks the page printed twice: in a row (an echoed caption, a doubled headline), or a
whole section again further down (the core drops such second copies of what it keeps)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from ..blocks import Block
from ..config import Config
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


def repeated_runs(blocks: Sequence[Block], cfg: Config) -> list[int]:
    """Positions of second copies in ``blocks`` (all live): pages that print a section
    twice (a mobile and a desktop copy, a tab and its 'show all' view) leave the same
    paragraphs again further down. A run of blocks that each repeat an earlier one,
    holding at least ``repeat_run_min`` of ``repeat_min_chars`` characters or more, is a
    second copy; a single repeated paragraph (a pull quote, a refrain) is not, and neither
    is a short run holding a paragraph the page prints three times or more: that is a
    template the article repeats between new lines (each week of a training plan opens
    'Warm up. 10-20 minutes ...'), not a section printed again (a long run is, however
    often: some pages print their article three times)."""
    counts = Counter(b.text for b in blocks if b.kind != "table")
    seen: set[str] = set()
    found: list[int] = []
    run: list[int] = []
    long_ = 0
    template = False
    for k, block in enumerate([*blocks, None]):
        text = block.text if block is not None and block.kind != "table" else None
        if block is not None and text in seen:
            run.append(k)
            long_ += block.feat.chars >= cfg.repeat_min_chars
            template = template or counts[text] >= cfg.repeat_template_copies
            continue
        if long_ >= cfg.repeat_run_min and (not template or len(run) >= cfg.repeat_whole_copy_blocks):
            found.extend(run)
        run, long_, template = [], 0, False
        if text is not None:
            seen.add(text)
    return found
