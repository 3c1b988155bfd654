"""End markers and decoration: typographic furniture that carries no words."""

from __future__ import annotations

import re
from functools import cache

from ..blocks import Block
from ..lexicon import Lexicon
from .base import Doc, block_rule, trim_rule, where

_NO_WORDS = re.compile(r"^[\W_]+$")


_TAIL = 80  # end markers are short: only the tail of a block is searched


@cache
def _end_marker(lex: Lexicon) -> re.Pattern[str]:
    alternatives = "|".join(f"(?>{a})" for a in lex.items("marker", "end"))
    return re.compile(rf"(?:\s*+(?:{alternatives}))++\s*+$", re.I)


@trim_rule("marker.end", "an end-of-article marker (***, (END), -30-) after the last sentence")
def end_marker(block: Block, doc: Doc) -> list[tuple[int, int]]:
    """Cut a trailing end marker; a marker glued to text must follow a sentence end. A
    marker glued to the last sentence ('...dynamics.***') also tells the core where the
    article ends."""
    text = block.text
    if not text or text[-1].isalnum():
        return []
    offset = max(0, len(text) - _TAIL)
    m = _end_marker(doc.lex).search(text, offset)
    if not m:
        return []
    before = text[: m.start()].rstrip()
    if before and before[-1] not in ".!?…\"'”’»)" and not m.group(0)[0].isspace():
        return []
    if before:
        doc.cache.setdefault("end_marks", set()).add(block.index)  # the core ends the article here
    return [(m.start(), m.end())]


@block_rule(
    "marker.symbols",
    "a line without letters or digits (separator, stray punctuation)",
    where(lambda b: b.feat.words == 0),
)
def symbols(block: Block, doc: Doc) -> bool:
    """Lines of asterisks, dashes, bullets or lone punctuation."""
    return block.kind != "table" and bool(_NO_WORDS.match(block.text))
