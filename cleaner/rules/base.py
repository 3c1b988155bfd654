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

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..blocks import Block
from ..config import Config
from ..features import measure
from ..lang import sibling_codes
from ..lexicon import Lexicon, key

_KEYED_WORDS = 40


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
        # Lexicon entries and titles are short: a long block can never equal one.
        block.key = key(text) if block.feat.words <= _KEYED_WORDS else ""

    @property
    def reader(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """Words addressing the reader ('you', 'unsere', 'anda'), single words and phrases,
        of every language but those that are plain words of the page's own: Polish 'was'
        (you) is the English 'was', Swedish 'du' the French 'du'. A stopword of the page's
        language counts only when its own lexicon lists it as a reader word."""
        found = self.cache.get("reader")
        if found is None:
            own = {key(w) for name in sibling_codes(self.lang or "") for w in self.lex.own(name, "reader", "words")}
            foreign = self.stopwords - own
            entries = {w for w in self.lex.set("reader", "words") if w not in foreign}
            found = (frozenset(w for w in entries if " " not in w), tuple(sorted(w for w in entries if " " in w)))
            self.cache["reader"] = found
        return found

    def addresses_reader(self, block: Block) -> bool:
        """Whether the block holds a word of :attr:`reader`; someone quoted ('“We will
        not go into a paid partnership ...,” said Roe.') speaks to the reporter, not to
        the reader."""
        if reported_speech(block.text):
            return False
        words, phrases = self.reader
        return not block.feat.vocab.isdisjoint(words) or any(p in block.feat.low for p in phrases)

    @property
    def word_index(self) -> dict[str, list[int]]:
        """Lower-cased anchor word of the lexicons -> indexes of the blocks that contain it
        (built once; words no phrase list anchors on are left out)."""
        index = self.cache.get("word_index")
        if index is None:
            index = {}
            wanted = self.lex.index_words
            for block in self.blocks:
                for word in block.feat.vocab & wanted:
                    index.setdefault(word, []).append(block.index)
            self.cache["word_index"] = index
        return index

    @property
    def unspaced(self) -> bool:
        """Whether any block is written in a script without spaces (CJK, Thai)."""
        found = self.cache.get("unspaced")
        if found is None:
            found = any(b.feat.size != b.feat.chars for b in self.blocks)
            self.cache["unspaced"] = found
        return found

    def prose_before(self, i: int) -> float:
        """Share of the page's prose (blocks shaped like running text) that comes before
        block ``i``: near 1 at the end of the article, 0 above it."""
        cumulative = self.cache.get("prose_before")
        if cumulative is None:
            total, cumulative = 0, []
            for block in self.blocks:
                cumulative.append(total)
                total += block.feat.chars if block.feat.prose else 0
            cumulative.append(total)
            self.cache["prose_before"] = cumulative
        return cumulative[i] / cumulative[-1] if cumulative[-1] else 0.0

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


def has(doc: Doc, group: str, name: str, block: Block, *, start: bool = False, text: str | None = None) -> bool:
    """Whether the block's text (or ``text``) holds a phrase of ``lexicon[group][name]``
    (at its start when ``start``). Blocks without the phrases' anchor words are skipped
    without running the regex."""
    f = block.feat
    return doc.lex.found(group, name, block.text if text is None else text, f.vocab, f.low, start=start)


# A quotation that closes before the block ends, the rest attributing it ('..., said Roe.',
# '– Source: Gitnux'): reported speech, someone else's words.
_SPEECH = re.compile(r"^\s*[\"“„«‘‚「『][^\"“”„«»」』]{10,}[\"“”»’」』]\W*\s+\S")


def reported_speech(text: str) -> bool:
    """Whether ``text`` opens with a quotation that ends before the text does."""
    return _SPEECH.match(text) is not None


def term_hit(block: Block, doc: Doc, group: str, *, context: tuple[str, str] = ("reader", "words")) -> bool:
    """Whether the block holds a word of ``lexicon[group].terms`` (words any text on the
    subject uses: 'third-party cookies', 'sponsored by') where it reads as debris: in a
    short label, or in a block that also holds a word of the ``context`` list (by default
    one addressing the reader)."""
    f = block.feat
    if block.kind == "table" or not has(doc, group, "terms", block):
        return False
    if f.words <= doc.config.term_label_words:
        return True
    return doc.addresses_reader(block) if context == ("reader", "words") else has(doc, *context, block)


Candidates = Callable[[Doc], Iterable[int]]


def words(group: str, name: str) -> Candidates:
    """Blocks holding an anchor word of a phrase list (or, in unspaced scripts, its text)."""

    def candidates(doc: Doc) -> Iterable[int]:
        anchors, substrings = doc.lex.anchors(group, name)
        index = doc.word_index
        found = [i for w in anchors & index.keys() for i in index[w]]
        if substrings and doc.unspaced:
            found += [b.index for b in doc.blocks if any(s in b.feat.low for s in substrings)]
        return found

    return candidates


def short_with(group: str, name: str, max_words: int) -> Candidates:
    """Blocks of at most ``max_words`` words holding an anchor word of the list."""
    find = words(group, name)
    return lambda doc: [i for i in find(doc) if doc.blocks[i].feat.words <= max_words]


def keys(group: str, name: str) -> Candidates:
    """Blocks whose whole text (lexicon key) is an entry of the list."""

    def candidates(doc: Doc) -> Iterable[int]:
        entries = doc.lex.set(group, name)
        return [b.index for b in doc.blocks if b.key in entries]

    return candidates


def mentions(group: str) -> Candidates:
    """Blocks holding one of the group's ``anchors`` (computed once per page): by word
    for anchors in spaced scripts, by substring for CJK and Hangul ones."""

    def candidates(doc: Doc) -> Iterable[int]:
        found = doc.cache.get(("mentions", group))
        if found is None:
            words, substrings = doc.lex.anchor_split(group)
            index = doc.word_index
            found = [i for w in words & index.keys() for i in index[w]]
            if substrings:  # CJK and Hangul anchors, which a dump may glue to the number
                found += [
                    b.index for b in doc.blocks if not b.feat.low.isascii() and any(s in b.feat.low for s in substrings)
                ]
            doc.cache[("mentions", group)] = found
        return found

    return candidates


def where(test: Callable[[Block], Any]) -> Candidates:
    """Blocks passing a cheap test of their features."""
    return lambda doc: [b.index for b in doc.blocks if test(b)]


def any_of(*sources: Candidates) -> Candidates:
    """Blocks found by any of the sources."""
    return lambda doc: [i for source in sources for i in source(doc)]


def block_rule(
    rule_id: str, reason: str, candidates: Candidates | None = None
) -> Callable[[Callable[[Block, Doc], Any]], Rule]:
    """Declare a per-block rule; ``pred`` sees live blocks only. ``candidates`` narrows
    the blocks worth asking (a block it leaves out must be one ``pred`` would refuse):
    it keeps the rules fast on pages of thousands of blocks."""

    def wrap(pred: Callable[[Block, Doc], Any]) -> Rule:
        def scan(doc: Doc) -> Iterator[Hit]:
            indexes = range(len(doc.blocks)) if candidates is None else sorted(set(candidates(doc)))
            blocks = doc.blocks
            for i in indexes:
                block = blocks[i]
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
