"""Text normalisation: a registry of small ``str -> str`` fixes, applied in order.

Each fix is a plain function with a doctest; :data:`FIXES` is the one ordered list.
:func:`normalize` applies them and can tell which ones changed the text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

import ftfy
from ftfy.badness import is_bad

from .config import DEFAULT, Config

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# No-break spaces and tabs become plain spaces. Other spaces are the article's own
# typography and stay inside a line (the ideographic space between two clauses of a
# Japanese headline, a thin space in '10 000'); at the edges of a line they go.
_ODD_SPACES = re.compile(r"[\t\u00a0\u2007\u202f]")
# Invisible characters: C0/C1 controls (not \n or tab), zero-width space, BOM, soft hyphen,
# word joiner, bidi marks; ZWJ/ZWNJ stay (they carry meaning in emoji and Indic scripts).
# C1 controls right after a Latin-1 letter or sign are left to fix_mojibake: a dash encoded
# twice holds them ('â\x80\x93' is '–'), and without them a bare 'â' is left that nothing repairs.
_CONTROLS = r"\x00-\x08\x0e-\x1f\x7f"
_C1_RANGE = r"\x80-\x84\x86-\x9f"  # NEL (\x85) is a line break
_FORMAT = r"\u00ad\u200b\u200e\u200f\u2060\ufeff"
_INVISIBLE = re.compile(rf"[{_CONTROLS}{_FORMAT}]|(?<![\u00c2-\u00f4\x80-\xbf])[{_C1_RANGE}]")
_C1 = re.compile(rf"[{_C1_RANGE}]")
_LEFTOVER = re.compile(rf"[{_CONTROLS}{_C1_RANGE}{_FORMAT}]")
_SPACE_RUNS = re.compile(r" {2,}")
# Spaces stripped from line edges (a regex '^...|...$' tries its second branch at every space).
_EDGE_SPACES = " \u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u205f\u3000"
# Mojibake of UTF-8 read as Latin-1/cp1252 always puts a lead byte's character (Â, Ã, â,
# Ð, ...) before a continuation byte's (a C1 control, a Latin-1 symbol or a cp1252
# punctuation mark): text without such a pair needs no repair, and ftfy's own detector,
# which is much slower, is skipped.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def unify_line_breaks(text: str) -> str:
    r"""Every line-ending style becomes ``\n``.

    >>> unify_line_breaks("a\r\nb\rc\u2028d")
    'a\nb\nc\nd'
    """
    return _LINE_BREAKS.sub("\n", text)


def _tab_cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    return cells


def tab_tables(text: str) -> str:
    r"""Rows of tab-separated cells (a table as a browser's ``innerText`` dumps it) become
    pipe rows, when two or more lines in a row hold the same number (two or more) of cells.

    >>> tab_tables("System\tQuantity\nTomahawk\t400\nThe end.")
    '| System | Quantity |\n| Tomahawk | 400 |\nThe end.'
    """
    if "\t" not in text:
        return text
    lines = text.split("\n")
    rows = [_tab_cells(line) if "\t" in line else [] for line in lines]
    n = 0
    while n < len(lines):
        width = len(rows[n])
        end = n
        while end < len(lines) and width >= 2 and len(rows[end]) == width:
            end += 1
        if end - n >= 2:
            for k in range(n, end):
                lines[k] = "| " + " | ".join(rows[k]) + " |"
            n = end
        else:
            n += 1
    return "\n".join(lines)


def strip_invisible(text: str) -> str:
    r"""Drop control characters and zero-width debris.

    >>> strip_invisible("a\u200bb\x00c\u00add")
    'abcd'
    """
    return _INVISIBLE.sub("", text)


def strip_controls(text: str) -> str:
    r"""Drop the invisible characters left after the repairs: C1 controls ``strip_invisible``
    kept for ``fix_mojibake``, and those an entity spelled ('&#8203;').

    >>> strip_controls("caf\u00e9\x81 zero\u200bwidth")
    'café zerowidth'
    """
    return _LEFTOVER.sub("", text)


def unescape_entities(text: str) -> str:
    """Decode HTML character references that a crawler left in the text.

    >>> unescape_entities("Tom &amp; Jerry&#8217;s")
    'Tom & Jerry’s'
    """
    if "&" not in text or not _ENTITY.search(text):
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


# Markdown a crawler wrote (Firecrawl, Jina Reader, html2text): links keep their text,
# emphasis and heading marks go. Pictures ('![alt](url)') stay for media.image_markup,
# which removes them on the record.
_MD_HEADING_HINT = re.compile(r"^#", re.M)
_MD_UNDERSCORE_HINT = re.compile(r"(?:^|[\s(])_\S", re.M)
_MD_LINK = re.compile(
    r"(?<!!)\[([^\[\]\n]{1,300})\]\((?:[^()\s]{0,2000}|[^()\s]{0,1000}\([^()\s]{0,500}\)[^()\s]{0,500})(?:\s+\"[^\"\n]{0,200}\")?\)"
)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(\S[^\n]*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(  # not inside words, formulas ('_{N}') or code: no braces, backslashes or inner marks
    r"(?<![\w*\\{}])\*([^*\s{}\\](?:[^*\n{}\\]{0,300}[^*\s{}\\])?)\*(?![\w*{}])"
    r"|(?<![\w\\{}])_([^_\s{}\\](?:[^_\n{}\\]{0,300}[^_\s{}\\])?)_(?![\w{}])"
)


def markdown_inline(text: str) -> str:
    r"""Markdown links, emphasis and heading marks become the plain text they mark.

    >>> markdown_inline("## Talks go on\nSaid **Gen Nakatani** at a [press conference](https://x.jp/).")
    'Talks go on\nSaid Gen Nakatani at a press conference.'
    """
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "#" in text and _MD_HEADING_HINT.search(text):
        text = _MD_HEADING.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub(r"\2", text)
    if "*" in text or ("_" in text and _MD_UNDERSCORE_HINT.search(text)):
        text = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return text


# A no-break space encoded twice is 'Â' + a no-break space; once the page or an extractor
# turned that space into a plain one (or dropped it at a line's end), ftfy cannot tell the
# 'Â' left after a word from a letter. Portuguese and French write 'Â' to open a word, never
# glued to the end of one.
_LOST_NBSP = re.compile(r"(?<=[a-z0-9.,;:!?)\]%])\u00c2(?= |$)", re.M)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as Latin-1/cp1252 (ftfy), leaving quotes and widths alone.

    >>> fix_mojibake("Japanâ€™s")
    'Japan’s'
    >>> fix_mojibake("per month with EmbraceÂ")
    'per month with Embrace'
    """
    if text.isascii():
        return text
    if "\u00c2" in text:
        text = _LOST_NBSP.sub("", text)
    if not _MOJIBAKE_HINT.search(text):
        return text
    # Judged line by line: a line joined to another later is judged alone again, so the
    # repair cannot depend on mojibake elsewhere in the page (cleaning stays idempotent).
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            fixed = _repair_line(line)
            if _ODD_SPACES.search(fixed):  # as the next pass sees the line, once plain_spaces ran
                fixed = _repair_line(_ODD_SPACES.sub(" ", fixed))
            if _C1.search(fixed):  # controls ftfy did not use: as the next pass sees the line
                fixed = _repair_line(_C1.sub("", fixed))
            lines[k] = fixed
    return "\n".join(lines)


def _repair_line(line: str) -> str:
    """One line through ftfy when its detector calls it bad. ftfy reads a no-break space
    beside the mojibake as part of it ('0', a no-break space, 'Â¡' stays; '0 Â¡' is '0 ¡'), so fix_mojibake
    also judges the line as it reads with plain spaces: cleaning again must find nothing."""
    if not _MOJIBAKE_HINT.search(line) or not is_bad(line):
        return line
    fixed = ftfy.fix_text(line, _FTFY)
    # ftfy may read a space as a lost NBSP byte and glue two words ('à¢ a' -> 'ࢠa'):
    # a repair that joins words is not taken
    return fixed if len(fixed.split()) >= len(line.split()) else line


def nfc(text: str) -> str:
    """Unicode NFC composition.

    >>> nfc("e\u0301") == "\u00e9"
    True
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def plain_spaces(text: str) -> str:
    """No-break spaces and tabs become plain spaces.

    >>> plain_spaces("a\u00a0b\\tc")
    'a b c'
    """
    return _ODD_SPACES.sub(" ", text)


def tidy_lines(text: str) -> str:
    """Collapse runs of spaces and strip every line.

    >>> tidy_lines("  a   b  \\n c ")
    'a b\\nc'
    """
    return "\n".join(line.strip(_EDGE_SPACES) for line in _SPACE_RUNS.sub(" ", text).split("\n"))


Fix = Callable[[str], str]
#: The one ordered list of normalisation steps: (name, function, config switch or None).
FIXES: tuple[tuple[str, Fix, str | None], ...] = (
    ("unify_line_breaks", unify_line_breaks, None),
    ("tab_tables", tab_tables, None),
    ("strip_invisible", strip_invisible, None),
    ("unescape_entities", unescape_entities, None),
    ("markdown_inline", markdown_inline, None),
    ("fix_mojibake", fix_mojibake, "fix_mojibake"),
    ("strip_controls", strip_controls, None),
    ("nfc", nfc, None),
    ("plain_spaces", plain_spaces, None),
    ("tidy_lines", tidy_lines, None),
)


def normalize(text: str, config: Config = DEFAULT) -> str:
    """Apply every enabled fix of :data:`FIXES` in order."""
    for _name, fix, switch in FIXES:
        if switch is None or getattr(config, switch):
            text = fix(text)
    return text


def explain(text: str, config: Config = DEFAULT) -> list[str]:
    """Names of the fixes that changed ``text``, in the order they ran."""
    applied = []
    for name, fix, switch in FIXES:
        if switch is None or getattr(config, switch):
            fixed = fix(text)
            if fixed != text:
                applied.append(name)
            text = fixed
    return applied
