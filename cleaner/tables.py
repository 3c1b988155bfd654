"""Repair tables that reached the text as pipe rows and escaped tags.

A crawler that flattens ``<table>`` markup leaves rows like ``a | b |``, separator rows of
the wrong width (``---|---|---|---|``), tags mangled into ``< td >`` or ``< / th >`` or
``/tbody> /table>``, several tables run together, and the next paragraph glued onto the
last row. :func:`extract_tables` turns such runs of lines into :class:`Table` blocks,
rescues the glued prose as paragraphs (splitting a heading glued to its paragraph) and
reports every fragment it discarded so the pipeline can record it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block

_TAG_NAMES = r"(?:table|thead|tbody|tfoot|tr|td|th|caption)"
# Escaped or mangled table tags: "< td >", "< / th >", "<td class=x>", "/tbody>", "&lt;td&gt;".
_TAG = re.compile(
    rf"<\s*/?\s*{_TAG_NAMES}\b[^<>|]{{0,80}}>|(?<![\w<])/\s*{_TAG_NAMES}\s*>|<\s*/?\s*{_TAG_NAMES}\s*(?=\s|$|\|)",
    re.I,
)
# Where a row ends on a line holding several: a row tag, or a cell's closing tag standing
# alone after the last pipe of a row ('| 1 gram | Rp 1.905.000 | </td> | 5 gram | ...').
_ROW_BREAK = re.compile(r"<\s*/\s*tr\s*>|<\s*tr\b[^<>|]{0,80}>|\|\s*<\s*/\s*t[dh]\s*>\s*(?=\||$)", re.I)
_LEAD_WORDS = 4  # prose glued before a table's first cell: a clause this long at least
_TABLE_END = re.compile(r"(?:<\s*/\s*|(?<![\w<])/\s*)table\s*>", re.I)
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_BOUNDARY_WITH_TAGS = re.compile(rf"(?:\s*(?:\||{_TAG.pattern}))+\s*", re.I)
_PIPE = re.compile(r"\s*\|\s*")
_STRAY = re.compile(r"^[\s.·•…,;:_\-–—*|]*$")
# A heading glued to the paragraph that follows it: "...Economic DiplomacyThe unfolding".
_GLUED_HEADING = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-Z][a-zà-öø-ÿ])")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")


@dataclass
class Table:
    """A repaired table: a header row and body rows, all padded to the same width."""

    header: list[str]
    rows: list[list[str]]

    @property
    def width(self) -> int:
        return max([len(self.header), *(len(r) for r in self.rows)])

    def render(self) -> str:
        """Markdown-style rows: ``| a | b |``, then ``| --- | --- |`` after the header."""
        width = self.width
        lines = [_row(self.header, width), "| " + " | ".join(["---"] * width) + " |"]
        lines += [_row(r, width) for r in self.rows]
        return "\n".join(lines)

    def text(self) -> str:
        """All cell text, space-joined (for features and matching)."""
        return " ".join(c for row in (self.header, *self.rows) for c in row if c)


def _row(cells: list[str], width: int) -> str:
    cells = cells + [""] * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


@dataclass
class Discard:
    """A fragment the repair dropped: rule id, text, input line."""

    rule: str
    text: str
    line: int


def _is_tableish(line: str) -> bool:
    if "|" in line:
        return True
    if line[:1] in "-:" and _SEPARATOR.match(line):
        return True
    return ("<" in line or "/" in line) and bool(_TAG.search(line))


def _qualifies(run: list[tuple[int, int, str]]) -> bool:
    texts = [t for _, _, t in run]
    if any(_SEPARATOR.match(t) for t in texts) or any(_TAG.search(t) for t in texts):
        return True
    return len(texts) >= 2 and all(t.startswith("|") or t.endswith("|") for t in texts)


def _cells(text: str) -> list[str]:
    """Split a row into cells; leading and trailing empty cells are dropped."""
    splitter = _BOUNDARY_WITH_TAGS if _TAG.search(text) else _PIPE
    cells = [c.strip() for c in splitter.split(text)]
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    return cells


def _split_glued_heading(text: str) -> list[str]:
    """``"Some Heading WordsThe paragraph..."`` -> heading and paragraph, when it reads so."""
    for m in _GLUED_HEADING.finditer(text):
        head, rest = text[: m.start()], text[m.start() :]
        if len(head.split()) >= 3 and not _SENTENCE_END.search(head[-8:]):
            if len(rest.split()) >= 8 and _SENTENCE_END.search(rest[-8:]):
                return [head.strip(), rest.strip()]
            break
    return [text]


def _parse_run(run: list[tuple[int, int, str]]) -> tuple[list[Block], list[Discard], int]:
    """A run of table-ish lines -> table blocks, rescued prose, and lines consumed.

    The run ends early at a closing ``table`` tag; what follows that tag on its line is
    prose glued onto the table.
    """
    out: list[Block] = []
    discards: list[Discard] = []
    tables: list[tuple[int, int, list[list[str]], bool]] = []  # (line, gap, rows, has_header)
    tail: tuple[int, str] | None = None
    consumed = len(run)
    for k, (number, gap, text) in enumerate(run):
        if _SEPARATOR.match(text):
            continue
        end = _TABLE_END.search(text)
        if end:
            tail = (number, text[end.end() :])
            text = text[: end.start()]
        for tag in _TAG.finditer(text):
            discards.append(Discard("table.markup", tag.group(0).strip(), number))
        if end:
            discards.append(Discard("table.markup", end.group(0).strip(), number))
        header_next = k + 1 < len(run) and bool(_SEPARATOR.match(run[k + 1][2]))
        # a whole table flattened onto one line: its row tags say where each row ends
        for part in _ROW_BREAK.split(text):
            cells = _cells(part)
            if cells:
                if header_next or not tables:
                    tables.append((number, gap, [cells], header_next))
                    header_next = False
                else:
                    tables[-1][2].append(cells)
        if end:
            consumed = k + 1
            break
    for number, gap, rows, _ in tables:
        lead = _glued_lead(rows)
        if lead:
            out.append(Block(lead, number, "p", gap))
        table = Table(rows[0], rows[1:])
        out.append(Block(table.render(), number, "table", gap, table=table))
    if tail is not None:
        number, text = tail
        # more markup after the closing tag ('/table>/tbody> /table>The council ...', '/table>
        # < / td >The council ...') is debris too: left, the next cleaning would take it
        for tag in _TAG.finditer(text):
            discards.append(Discard("table.markup", tag.group(0).strip(), number))
        text = " ".join(_TAG.sub(" ", text).split())
        pieces = [p.strip() for p in text.split("|")]
        for piece in pieces:
            if not piece:
                continue
            if _STRAY.match(piece):
                discards.append(Discard("table.stray_cells", piece, number))
                continue
            for part in _split_glued_heading(piece):
                out.append(Block(part, number, "p", 1))
    return out, discards, consumed


def _glued_lead(rows: list[list[str]]) -> str:
    """Prose glued onto a table's first cell ('Berikut daftar harga: | Berat | Harga |'):
    when the first row has one cell more than every other row and that cell reads as a
    clause, it is taken off the row (in place) and returned."""
    if len(rows) < 2 or not rows[0]:
        return ""
    widths = {len(r) for r in rows[1:]}
    first = rows[0][0]
    if widths != {len(rows[0]) - 1} or len(first.split()) < _LEAD_WORDS:
        return ""
    del rows[0][0]
    return first


def _lone_cell_as_text(block: Block) -> Block | tuple[int, int, str]:
    """A 'table' of one row and no more (prose with a stray '/table>' tag) is the line of
    text it holds: rendered as a table it would read differently the next time."""
    table = block.table
    if table is None or table.rows:
        return block
    return (block.line, block.gap, " | ".join(c for c in table.header if c))


def extract_tables(
    lines: list[tuple[int, int, str]],
) -> tuple[list[tuple[int, int, str] | Block], list[Discard]]:
    """Replace runs of table lines by table blocks; other lines pass through untouched."""
    if not any("|" in t or "<" in t or "/" in t for _, _, t in lines):
        return list(lines), []
    out: list[tuple[int, int, str] | Block] = []
    discards: list[Discard] = []
    i = 0
    while i < len(lines):
        if not _is_tableish(lines[i][2]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _is_tableish(lines[j][2]) and (j == i or lines[j][1] == 0):
            j += 1
        run = lines[i:j]
        if _qualifies(run):
            blocks, dropped, consumed = _parse_run(run)
            out.extend(_lone_cell_as_text(b) for b in blocks)
            discards.extend(dropped)
            i += consumed
        else:
            out.extend(run)
            i = j
    return out, discards
