"""What counts as a word character, for every script.

Python's ``\\w`` leaves out combining marks, so it cuts words of the Indic and Thai scripts
(and vowel-pointed Arabic or Hebrew) at every vowel sign: 'नकातानी' became 'नक', 'त',
'न'. ``WORD`` is ``\\w`` plus the combining marks of the Basic Multilingual Plane, built
once from the Unicode database; ``TOKEN`` is the word pattern every module counts with.
"""

from __future__ import annotations

import re
import unicodedata


def _mark_ranges() -> str:
    """Character-class ranges of the combining marks (Mn, Mc, Me) that ``\\w`` misses."""
    ranges: list[tuple[int, int]] = []
    start = None
    for code in range(0x300, 0x10000):
        char = chr(code)
        mark = unicodedata.category(char) in ("Mn", "Mc", "Me") and not char.isalnum()
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            ranges.append((start, code - 1))
            start = None
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


#: The combining marks ``\w`` misses, as character-class ranges.
MARKS = _mark_ranges()
#: A word character: ``\w`` or a combining mark (for use inside a regex).
WORD = rf"[\w{MARKS}]"
#: A letter (no digit, no underscore) or a combining mark.
LETTER = rf"(?:[^\W\d_]|[{MARKS}])"
#: A word, with inner apostrophes ("don't", "l’homme").
TOKEN = re.compile(rf"{WORD}+(?:['’]{WORD}+)*")
