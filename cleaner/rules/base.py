"""The rule contract and the document a rule reads.

A rule is a small function with a stable ``id`` and a one-sentence ``reason``. It looks
at the document and answers which blocks are debris; it never edits the document and
never writes a removal record: the pipeline does both, so no rule can forget to explain
itself. Three shapes exist:

* :func:`block_rule`: ``pred(block, doc) -> bool | dict``: true removes the block; a dict
  removes it and hands metadata (``{"authors": [...]}``) to the article;
* :func:`section_rule`: ``fn(doc) -> iterable of indexes``: for debris that spans blocks
  (a related-news heading and its teasers);
* :func:`trim_rule`: ``fn(block, doc) -> list of (start, end)``: cuts pieces out of a
  block's text (an end marker glued to the last sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..blocks import Block
from ..config import Config
from ..features import measure
from ..lexicon import Lexicon, key


@dataclass(frozen=True)
class Rule:
    """A named rule: ``id`` is stable (used in ``removed`` and to disable the rule).

    ``kind`` is ``block``, ``section`` or ``trim`` for named rules, ``core`` for the
    shape-based core's verdicts, ``parse`` for table repair and ``step`` for pipeline
    steps that remove nothing themselves (the core run, the guard).
    """

    id: str
    reason: str
    kind: str
    scan: Callable[[Doc], Iterator[Hit]] = field(repr=False, compare=False)
    doc: str = ""


@dataclass(frozen=True)
class Hit:
    """A rule's answer about one block: remove it (with metadata) or cut spans from it.
    ``rule`` names the verdict when a step speaks for several rules (the core)."""

    index: int
    meta: dict[str, Any] | None = None
    spans: tuple[tuple[int, int], ...] = ()
    rule: Rule | None = None


class Doc:
    """The blocks of one page, with what rules need to read them.

    Every block gets its :class:`~cleaner.features.Features` and lexicon key once, here.
    ``meta`` collects the metadata that rules found.
    """

    def __init__(self, blocks: list[Block], lex: Lexicon, config: Config, lang: str | None, stopwords: frozenset[str]):
        self.blocks = blocks
        self.lex = lex
        self.config = config
        self.lang = lang
        self.stopwords = stopwords
        self.meta: dict[str, Any] = {}
        self.cache: dict[str, Any] = {}  # document-level results a rule computes once
        for i, block in enumerate(blocks):
            block.index = i
            self.refresh(block)

    def refresh(self, block: Block) -> None:
        """(Re)compute a block's features and lexicon key from its text."""
        text = block.table.text() if block.table is not None else block.text
        block.feat = measure(text, self.stopwords)
        block.key = key(text)

    def live(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if b.removed_by is None]

    def prev_live(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.blocks[j].removed_by is None:
                return j
        return None

    def next_live(self, i: int) -> int | None:
        for j in range(i + 1, len(self.blocks)):
            if self.blocks[j].removed_by is None:
                return j
        return None


def block_rule(rule_id: str, reason: str) -> Callable[[Callable[[Block, Doc], Any]], Rule]:
    """Declare a per-block rule; ``pred`` sees live blocks only."""

    def wrap(pred: Callable[[Block, Doc], Any]) -> Rule:
        def scan(doc: Doc) -> Iterator[Hit]:
            for i, block in enumerate(doc.blocks):
                if block.removed_by is None:
                    verdict = pred(block, doc)
                    if verdict:
                        yield Hit(i, verdict if isinstance(verdict, dict) else None)

        return Rule(rule_id, reason, "block", scan, pred.__doc__ or "")

    return wrap


def section_rule(
    rule_id: str, reason: str
) -> Callable[[Callable[[Doc], Iterable[int | tuple[int, dict[str, Any]]]]], Rule]:
    """Declare a rule over the whole document; ``fn`` yields indexes to remove, or
    ``(index, metadata)`` pairs."""

    def wrap(fn: Callable[[Doc], Iterable[int | tuple[int, dict[str, Any]]]]) -> Rule:
        def scan(doc: Doc) -> Iterator[Hit]:
            for item in fn(doc):
                yield Hit(item) if isinstance(item, int) else Hit(item[0], item[1])

        return Rule(rule_id, reason, "section", scan, fn.__doc__ or "")

    return wrap


def trim_rule(rule_id: str, reason: str) -> Callable[[Callable[[Block, Doc], list[tuple[int, int]]]], Rule]:
    """Declare a rule that cuts spans out of a block's text."""

    def wrap(fn: Callable[[Block, Doc], list[tuple[int, int]]]) -> Rule:
        def scan(doc: Doc) -> Iterator[Hit]:
            for i, block in enumerate(doc.blocks):
                if block.removed_by is None and block.kind != "table":
                    spans = fn(block, doc)
                    if spans:
                        yield Hit(i, spans=tuple(spans))

        return Rule(rule_id, reason, "trim", scan, fn.__doc__ or "")

    return wrap
