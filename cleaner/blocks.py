"""Text -> blocks: the unit every rule and the core look at.

A block is one paragraph-like unit of the dump: a line of a block-per-line export, a
list item, a repaired table, or a run of inline fragments re-joined into one line when
the dump broke text at every tag. Blocks carry their input line so removals can point
back at the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from .config import Config
from .dates import find_date
from .lexicon import Lexicon, key, load
from .normalize import normalize

if TYPE_CHECKING:
    from .features import Features
    from .tables import Table

# A list item: a bullet glyph or a dash followed by a space. Numbered items ("1. ...")
# stay paragraphs: they are as often numbered headings as list items.
_BULLET = re.compile(r"^(?:[-–•*·▪►▸◦●○■□✓✔➤→]|&bull;)\s+(?=[^\n]*\w)")
# Characters that cannot open a block: the line continues the previous one.
_CLOSERS = frozenset(",;:!?)]}»”’%")
_ENDS_OPEN = re.compile(r"[(\[{«“‘„]$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_WORDS = 8  # a capitalised line of this many words that ends a sentence stands on its own
_ENDS_SENTENCE = re.compile(r"[.!?:;…]['\"”’»)]*$")
_ENDS_DASH = re.compile(r"\s(?:--|[-–—])$")


@dataclass(eq=False)
class Block:
    """One unit of the page.

    ``kind`` is ``"p"`` (paragraph or heading), ``"li"`` (list item, bullet stripped) or
    ``"table"`` (``table`` holds the rows). ``line`` is the 1-based input line it starts
    on; ``gap`` the number of blank lines before it. ``removed_by`` is the id of the rule
    that removed it, ``None`` while it is live; ``cls`` is the core's context-free class
    and ``label`` its final one (both kept, as jusText does, to show why a block ended
    where it did).
    ``index``, ``key`` (lexicon form of the text) and ``feat`` are filled in by the
    document that holds the block; ``end`` is the last line of a joined block; ``marker``
    numbers an item of an ordered list ('1.'), which the body prints instead of '-', or
    keeps an en dash that opened the line: Nordic, Czech or Polish news open a quotation
    with one ('– Inflationen har kommit ner, sade han.'), and the body writes it as it was.
    """

    text: str
    line: int
    kind: str = "p"
    gap: int = 0
    table: Table | None = None
    removed_by: str | None = None
    cls: str = ""
    label: str = ""
    index: int = -1
    key: str = ""
    feat: Features = field(default=None, repr=False)  # type: ignore[assignment]  # set by Doc
    end: int = 0  # the last input line of a block joined from several lines (0: one line)
    marker: str = ""  # a list item's number in an ordered list ('3.') or '–'; empty: a bullet item

    @property
    def live(self) -> bool:
        return self.removed_by is None


def split_lines(text: str) -> list[tuple[int, int, str]]:
    """Non-empty lines as ``(line_number, blank_lines_before, text)``."""
    out = []
    gap = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line:
            out.append((number, gap, line))
            gap = 0
        else:
            gap += 1
    return out


_BYLINE_LINE = re.compile(r"^by\s+(?:[^\W\d_]+(?:\s+\S+){0,2}$|[A-ZÀ-Þ])")


def _joins(prev: str, line: str) -> bool:
    """Whether ``line`` continues ``prev`` mid-sentence (an inline tag broke it)."""
    first = line[0]
    if first in _CLOSERS or (first == "." and line[1:2] in ("", " ")) or _ENDS_OPEN.search(prev[-2:]):
        return True
    if _ENDS_DASH.search(prev[-4:]) and len(prev) <= 60:
        return True  # 'Jakarta, CNN Indonesia --' opens the paragraph under it
    if _BYLINE_LINE.match(line) and not line.endswith("."):
        return False  # 'by admin' under a headline is a byline, not the headline going on ('by the numbers.')
    return first.islower() and not _ENDS_SENTENCE.search(prev[-12:]) and not _BULLET.match(line)


def _continues(pieces: list[str], line: str, stamp: re.Pattern[str] | None, lexicon: Lexicon) -> bool:
    """Whether ``line`` goes on the block built from ``pieces``: a fragment an inline tag
    cut off, or the name after a lone 'By' (a linked author name the dump put on its own line)."""
    lone = len(pieces) == 1 and len(pieces[0]) <= 20
    if lone and key(pieces[0]) in lexicon.set("byline", "prefixes") and line[:1].isupper():
        return True
    if not _joins(pieces[-1], line) or _stamp(line, stamp) or _date_line(line, lexicon):
        return False
    return len(line) > 30 or not _control(line, lexicon)


def _control(line: str, lexicon: Lexicon) -> bool:
    """A control label ('share', 'zoom-in', 'list 1 of 4') that stands on its own line."""
    label = key(line)
    counted = lexicon.patterns("nav", "patterns")
    return any(label in lexicon.set(group, "lines") for group in _CONTROLS) or bool(counted and counted.search(label))


# Lower-case control labels ('zoom-in', 'share', 'iklan', 'list 1 of 4') stand alone: no sentence goes on in them.
_CONTROLS = ("image_chrome", "share", "nav", "ads")


def _after_ad_label(blocks: list[Block], line: str, lexicon: Lexicon) -> bool:
    """Whether the last block is an ad slot's label ('Advertisement', 'Iklan') standing
    in a sentence: the paragraph before it stops mid-sentence and ``line`` goes on."""
    if len(blocks) < 2 or blocks[-2].kind != "p" or blocks[-1].kind != "p" or len(blocks[-1].text) > 40:
        return False
    label, before = blocks[-1].text, blocks[-2].text
    return not _ENDS_SENTENCE.search(before[-12:]) and key(label) in lexicon.set("ads", "lines")


def _date_line(line: str, lexicon: Lexicon) -> bool:
    """A short line that is mostly a date ('maandag 2 juni 2025, 07:45' under a headline):
    weekdays are lower-case in many languages, yet the line is the page's date, not the
    headline going on."""
    if len(line) > 60 or not any(c.isdigit() for c in line):
        return False
    found = find_date(line, lexicon)
    return found is not None and len((line[: found.start] + line[found.end :]).split()) <= 3


_BYLINE_WORDS = 6  # 'di Marco Rossi', 'por Ana Souza': a byline line is short


def _byline_over_date(line: str, after: str | None, lexicon: Lexicon) -> bool:
    """A byline in lower case ('di Marco Rossi', 'por Ana Souza') right over the date line:
    the writer, not the standfirst above going on."""
    if after is None or len(after) > 80 or len(line.split()) > _BYLINE_WORDS or _ENDS_SENTENCE.search(line[-12:]):
        return False
    prefix = lexicon.prefixes("byline", "prefixes")
    m = prefix.match(line) if prefix else None
    names = line[m.end() :].split() if m else []
    particles = lexicon.set("byline", "particles")
    if not names or not all(w[:1].isupper() or w.lower() in particles for w in names):
        return False
    return find_date(after, lexicon) is not None


def _stamp(line: str, stamp: re.Pattern[str] | None) -> bool:
    """A short line that ends with a relative time ('time6 hours ago') is a teaser's
    timestamp, not the line above going on."""
    if stamp is None or len(line) > 40:
        return False
    m = None
    for m in stamp.finditer(line):  # noqa: B007 - the last match
        pass
    return m is not None and not line[m.end() :].strip(" .")


def _glue(prev: str, line: str) -> str:
    """The separator to put between a fragment and the one it continues."""
    return "" if line[0] in _CLOSERS or line[0] == "." or _ENDS_OPEN.search(prev[-2:]) else " "


def _dash_marker(line: str) -> str:
    """'–' for an item opened by an en dash (kept in the body as written), else ''."""
    return "–" if line.startswith("–") else ""


def to_blocks(items: list[tuple[int, int, str] | Block], config: Config, lexicon: Lexicon | None = None) -> list[Block]:
    """Lines -> blocks: join inline fragments, mark list items, cut over-long lines.

    ``items`` are ``(line_number, gap, text)`` tuples or blocks already built (tables);
    ``lexicon`` is the page's (by default the merged files), whose dates and relative
    times a joined fragment must not swallow.
    """
    blocks: list[Block] = []
    pieces: list[str] = []  # fragments of the last block, joined once at the end
    lexicon = lexicon or load(config.lexicons)
    stamp = lexicon.patterns("relative_time", "patterns")
    lines = [item for item in items if not isinstance(item, Block)]
    slack = config.wrap_slack_chars
    wrap = _wrap_width([text for _, _, text in lines], config)
    spaced = _blank_between_paragraphs(lines, wrap, slack) if wrap else True

    split = _split_inline(lines, config)
    last = 0  # the input line of the last piece

    def close() -> None:
        if len(pieces) > 1:
            # normalised again as one line: a repair that depends on the line (mojibake
            # split over two fragments) must see what a second pass over the body sees
            blocks[-1].text = normalize("".join(pieces), config)
            blocks[-1].end = last
            bullet = _BULLET.match(blocks[-1].text)
            if bullet and blocks[-1].kind == "p":
                # a bullet on a line of its own ('·' / 'item'), or one the joined line opens with
                # once normalised ('*** 0 a 0** a' loses its bold to '* 0 a 0 a'): the item, as
                # the block reads when cleaned again
                blocks[-1].marker = _dash_marker(blocks[-1].text)
                blocks[-1].kind, blocks[-1].text = "li", blocks[-1].text[bullet.end() :]
        pieces.clear()

    for n, item in enumerate(items):
        if isinstance(item, Block):
            close()
            blocks.append(item)
            continue
        number, gap, line = item
        wrapped = (
            wrap
            and pieces
            and len(pieces[-1]) >= wrap - slack
            and not _BULLET.match(line)
            and (spaced or not _ENDS_SENTENCE.search(pieces[-1][-12:]) or _INITIALISM_END.search(pieces[-1][-12:]))
        )
        if gap == 0 and len(pieces) == 1 and line[:1].islower() and _after_ad_label(blocks, line, lexicon):
            # 'Advertisement' cut a sentence in two: it goes on in the block before the label
            before = blocks[-2]
            before.text = normalize(before.text + _glue(before.text, line) + line, config)
            before.end = number
            continue
        fragment = (
            split
            and pieces
            and gap == 0
            and blocks[-1].kind in ("p", "li")
            and _breaks_off(pieces, line, _after(items, n), stamp, lexicon, config)
        )
        goes_on = blocks and (blocks[-1].kind == "p" or (split and blocks[-1].kind == "li"))
        joined = goes_on and _continues(pieces, line, stamp, lexicon) if pieces and gap == 0 else False
        if joined and _byline_over_date(line, _after(items, n), lexicon):
            joined = False  # asked only of a line about to be joined: not per line
        if pieces and gap == 0 and (wrapped or fragment or joined):
            hyphen = wrapped and _WRAPPED_HYPHEN.search(pieces[-1][-3:])  # 'ministerial-' / 'level talks'
            pieces.append("" if hyphen else _glue(pieces[-1], line))
            pieces.append(line)
            last = number
            continue
        close()
        bullet = _BULLET.match(line)
        if bullet:
            blocks.append(Block(line[bullet.end() :], number, "li", gap, marker=_dash_marker(line)))
        else:
            blocks.append(Block(line, number, "p", gap))
        pieces.append(blocks[-1].text)
    close()
    limit = config.max_block_chars
    if any(len(b.text) > limit for b in blocks):
        blocks = [piece for b in blocks for piece in _cut(b, limit)]
    return blocks


_INITIALISM_END = re.compile(r"(?:\b[A-Z]\.){1,3}$")  # '... purchases of U.S.' goes on
_WRAPPED_HYPHEN = re.compile(r"[^\W\d_]-$")


def _split_inline(lines: list[tuple[int, int, str]], config: Config) -> bool:
    """Whether the dump broke its paragraphs at every inline tag (a link, a bold word): many
    lines with no blank line before them open in lower case after a line that ends no
    sentence. In such a dump a capitalised line can go on a sentence too ('... the company
    said' / 'Nvidia' / 'would ship ...')."""
    pairs = cut = 0
    for (_, _, prev), (_, gap, line) in pairwise(lines):
        if gap:
            continue
        pairs += 1
        cut += (line[0].islower() or line[0] in _CLOSERS) and not _ENDS_SENTENCE.search(prev[-12:])
    return pairs >= config.split_min_pairs and cut >= config.split_share * pairs


def _after(items: list, n: int) -> str | None:
    """The line right under item ``n`` (no blank line between), if any."""
    nxt = items[n + 1] if n + 1 < len(items) else None
    return nxt[2] if isinstance(nxt, tuple) and not nxt[1] else None


def _breaks_off(
    pieces: list[str], line: str, after: str | None, stamp: re.Pattern[str] | None, lexicon: Lexicon, config: Config
) -> bool:
    """In a dump split at inline tags, whether ``line`` goes on the sentence the block built
    from ``pieces`` left open: the block stops mid-sentence, and either reads as a sentence
    (ten words or more, most in lower case: a headline capitalises them; and the line under
    it is no full sentence of its own, as a standfirst is), or ``line`` is a
    short link text the sentence goes on after ('But U.S. President' / 'Donald Trump' /
    'has repeatedly ...'). A second copy of the line, a list item, a date or a control
    label stands on its own."""
    prev = pieces[-1]
    if line == prev or _ENDS_SENTENCE.search(prev[-12:]) or _BULLET.match(line):
        return False
    if _stamp(line, stamp) or _date_line(line, lexicon) or _control(line, lexicon) or _control(prev, lexicon):
        return False
    if after is not None and len(line) <= config.split_link_chars and _joins(line, after):
        return not _ENDS_SENTENCE.search(line[-12:]) and find_date(line, lexicon) is None  # not a date stamp
    if line[:1].isupper() and _ENDS_SENTENCE.search(line[-3:]) and len(_WORD.findall(line)) >= _SENTENCE_WORDS:
        return False  # a sentence of its own under the line: a headline's standfirst
    words = _WORD.findall(prev)
    return (
        sum(map(len, pieces)) >= config.split_fragment_chars
        and len(words) >= config.split_prose_words
        and sum(w[0].islower() for w in words) >= config.split_lower_share * len(words)
    )


def _wrap_width(lines: list[str], config: Config) -> int | None:
    """The width a text was hard-wrapped at (html2text and lynx dumps wrap at 72-80
    columns), or ``None``: nearly every line fits a width of 40-120 characters and at
    least two in five come close to it. Inside a paragraph of such a text, a line that
    reaches the width goes on in the next one, whatever its first letter."""
    if len(lines) < config.wrap_min_lines:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(len(lengths) * 0.98) - 1]
    if not 40 <= width <= 120:
        return None
    near = sum(1 for n in lengths if width - config.wrap_slack_chars <= n <= width)
    return width if near >= 0.4 * len(lengths) else None


def _blank_between_paragraphs(lines: list[tuple[int, int, str]], wrap: int, slack: int) -> bool:
    """Whether the wrapped lines that end a sentence after a full-width line are mostly
    followed by a blank line. Without blank lines between paragraphs, a wrapped line that
    ends a sentence may end its paragraph, so it is not joined to the next."""
    ends = [
        k
        for k in range(1, len(lines) - 1)
        if len(lines[k - 1][2]) >= wrap - slack and _ENDS_SENTENCE.search(lines[k][2][-12:])
    ]
    return bool(ends) and sum(1 for k in ends if lines[k + 1][1]) >= 0.5 * len(ends)


# A sentence end inside a flattened line: a full stop, question or exclamation mark (and any
# closing quote), then a space and what opens a sentence; not after an initial ('U.S.').
_FLAT_BREAK = re.compile(r"(?<![\s.][A-Z]\.)(?<=[.!?…])([\"”’»)\]]*)\s+(?=[\"“‘«(\[]?[A-Z0-9À-Þ])")


_LEADING_PARENS = re.compile(r"^\([^()]{1,60}\)\s+(?=[A-Z0-9À-Þ])")


def _credit_first(number: int, gap: int, sentence: str) -> list[tuple[int, int, str]]:
    """'(Instagram.com @user) Japan has ...': a credit that closed the caption before
    the break stands on a line of its own."""
    m = _LEADING_PARENS.match(sentence)
    if m is None:
        return [(number, gap, sentence)]
    return [(number, gap, sentence[: m.end()].rstrip()), (number, 1, sentence[m.end() :])]


def unflatten(lines: list[tuple[int, int, str]], config: Config) -> tuple[list[tuple[int, int, str]], bool]:
    """A page whose line breaks were all collapsed (the whole page on one line or a few)
    is cut into sentences, each a line of its own, so that rules and core can judge the
    pieces; returns the lines and whether the page was flattened."""
    total = sum(len(text) for _, _, text in lines)
    if len(lines) > config.flat_max_lines or total < config.flat_min_chars:
        return lines, False
    out: list[tuple[int, int, str]] = []
    for number, gap, text in lines:
        if len(text) < config.flat_min_chars:
            out.append((number, gap, text))
            continue
        start = 0
        for m in _FLAT_BREAK.finditer(text):
            out.extend(_credit_first(number, gap if start == 0 else 1, text[start : m.end(1)]))
            start = m.end()
        out.extend(_credit_first(number, gap if start == 0 else 1, text[start:]))
    if len(out) - len(lines) < config.flat_min_sentences:
        return lines, False
    return out, True


def _cut(block: Block, limit: int) -> list[Block]:
    """Split an over-long block at spaces so no block exceeds ``limit`` characters."""
    if len(block.text) <= limit:
        return [block]
    pieces, text = [], block.text
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit)
        cut = limit if cut < 0 else cut
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    pieces.append(text)
    return [Block(p, block.line, block.kind, block.gap if i == 0 else 0) for i, p in enumerate(pieces) if p]
