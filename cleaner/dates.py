"""Find and read publication dates in short lines, with month names from the lexicons.

Handles ``2 June 2025``, ``June 2, 2025``, ``18. Oktober 2019``, ``2025-06-02`` (or
``2025/06/02``), ``02/06/2025``, ``12. 6. 2025``, ``2025. június 2.``, ``2025年6月2日``
(``2025년 6월 2일``), each with an optional time (``07:13``, ``7:13 pm``, ``오후 3:20``,
``07h13``, ``19時05分``) joined by a word from the lexicons' ``time_links`` ('at', 'um',
'pukul'), and returns ISO 8601 to the minute when a time is given (``2025-06-02T07:13``).
Month names come from the lexicons, and for a page in a language without a file from
dateparser's locale data (:mod:`cleaner.locales`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import Lexicon

_GLUED = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # kana, han, hangul: labels glue onto dates and times
_TIME = (
    r"(?:(?P<pre>오전|오후|午前|午後)\s*)?(?P<h>[01]?\d|2[0-3])(?:(?:[:.]|\s?h\s?(?=[0-5]\d))(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
    rf"\s*(?P<ampm>[aApP]\.?\s?[mM]\.?)?(?![^\W{_GLUED}])|\s*時\s*(?P<mj>[0-5]?\d)\s*分)"
)


_PREFIX_AMPM = {"오전": "am", "午前": "am", "오후": "pm", "午後": "pm"}  # Korean and Japanese put it first

# a time before its date, with a zone and a weekday between: '7:13 AM EDT, Mon June 2, 2025'
_LEADING_TIME = re.compile(
    rf"(?<![\w:.]){_TIME}(?:\s*[A-Z]{{2,5}}(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?)?\s*[,|·•–—-]?(?:\s*[^\W\d_]{{2,9}}\.?,?)?\s*$"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: its span and its ISO form."""

    start: int
    end: int
    iso: str


def _month_alternation(months: tuple[str, ...]) -> str:
    """The month names as one regex, factored into a trie ('jan(?:uary|vier)?...'): a flat
    alternation of some 500 names in 20 languages is tried name by name at every position
    of every line (case-insensitive literals get no quick first-character skip in ``re``);
    the trie tries one branch per letter. Longer names still win, as greedy options."""
    trie: dict[str, dict] = {}
    for month in months:
        node = trie
        for char in month:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@cache
def _pattern(months: tuple[str, ...], links: tuple[str, ...]) -> re.Pattern[str]:
    month = _month_alternation(months)
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er)?\.?"  # 'er': French '1er juin'
    year = r"(?P<y>(?:19|20|25)\d{2})"  # 25xx: a Buddhist-era year (Thai), 543 ahead
    forms = [
        rf"{day}\s*(?:de\s+)?(?P<mon>{month})\.?,?\s*(?:del?\s+)?{year}",  # '2 de junio de 2025' too
        rf"(?P<mon2>{month})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s*(?P<y2>(?:19|20|25)\d{{2}})",
        r"(?P<y3>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m3>[01]?\d)(?P=sep)(?P<d3>[0-3]?\d)(?!\d)",
        r"(?P<d4>[0-3]?\d)(?P<sep4>[./-])(?P<m4>[0-3]?\d)(?P=sep4)(?P<y4>(?:19|20|25)\d{2})",
        r"(?P<d6>[0-3]?\d)\.\s(?P<m6>[01]?\d)\.\s?(?P<y6>(?:19|20)\d{2})",  # Czech, Slovak: '12. 6. 2025'
        r"(?P<d8>[0-3]?\d)\s+tháng\s+(?P<m8>[01]?\d)(?:\s*[,/]\s*|\s+năm\s+)(?P<y8>(?:19|20)\d{2})",  # Vietnamese
        rf"(?P<y7>(?:19|20)\d{{2}})\.?\s*(?P<mon7>{month})\.?\s*(?P<d7>[0-3]?\d)\b\.?",  # Hungarian: '2025. június 24.'
        r"(?P<y5>(?:19|20)\d{2})\s*[年년]\s*(?P<m5>[01]?\d)\s*[月월]\s*(?P<d5>[0-3]?\d)\s*[日일](?:\s*[（(][^)）]{1,4}[)）])?",
    ]
    link = "|".join(re.escape(w) for w in sorted(links, key=len, reverse=True))
    # '.' too: Croatian and Hungarian close the year with one ('12. lipnja 2025. u 14:05')
    time = rf"(?:[\sT,.|·•@–—-]*(?:(?:{link})(?!\w))?\s*{_TIME})?" if link else rf"(?:[\sT,.|·•@–—-]*{_TIME})?"
    # not inside a word or a number; a label in an unspaced script may be glued on ('송고시간2025-06-02')
    return re.compile(rf"(?<![/.-])(?<![^\W{_GLUED}])(?:{'|'.join(forms)}){time}", re.I)


_FIRST_DIGIT = re.compile(r"\d")
_MONTH_REACH = 16  # a month name ends at most this far before the first digit of its date


# Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai, full
# width, ...), read as ASCII ones: one character for one, so spans stay valid.
_ZEROS = (0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0x1040, 0x17E0)
_DIGITS = {zero + n: str(n) for zero in (*_ZEROS, 0xFF10) for n in range(10)}


def find_date(text: str, lex: Lexicon) -> DateMatch | None:
    """The first valid date in ``text``, or ``None``."""
    digit = _FIRST_DIGIT.search(text)
    if digit is None:
        return None
    if not text.isascii():
        text = text.translate(_DIGITS)  # '২ জুন ২০২৫' is '2 জুন 2025'
    return _find_date(text, lex, max(0, digit.start() - _MONTH_REACH))


@lru_cache(maxsize=4096)
def _find_date(text: str, lex: Lexicon, start: int) -> DateMatch | None:
    """(Cached: the date, byline and joiner passes ask about the same short lines.)"""
    for m in _pattern(tuple(lex.months), tuple(lex.items("dateline", "time_links"))).finditer(text, start):
        g = m.groupdict()
        if g["mon"] or g["mon2"] or g["mon7"]:
            name = (g["mon"] or g["mon2"] or g["mon7"]).casefold()
            month = lex.months.get(name) or lex.months.get(name.rstrip("."))  # 'มิ.ย.', 'Jun.'
            day, year = g["d"] or g["d2"] or g["d7"], g["y"] or g["y2"] or g["y7"]
        elif g["y3"]:
            month, day, year = int(g["m3"]), g["d3"], g["y3"]
        elif g["y4"]:
            month, day, year = int(g["m4"]), g["d4"], g["y4"]
            if month > 12 >= int(day):  # month/day/year
                month, day = int(day), g["m4"]
        elif g["y8"]:
            month, day, year = int(g["m8"]), g["d8"], g["y8"]
        elif g["y6"]:
            month, day, year = int(g["m6"]), g["d6"], g["y6"]
        else:
            month, day, year = int(g["m5"]), g["d5"], g["y5"]
        if not month or not 1 <= month <= 12 or not 1 <= int(day) <= 31:
            continue
        year = int(year) - 543 if int(year) >= 2500 else int(year)
        iso = f"{year:04d}-{month:02d}-{int(day):02d}"
        start = m.start()
        if g["h"] is None:  # a time before the date: '17:05 JST, June 3, 2025'
            lead = _LEADING_TIME.search(text, max(0, start - 36), start)
            if lead is not None:
                g, start = lead.groupdict(), lead.start()
        if g["h"] is not None:
            hour = int(g["h"])
            ampm = (g["ampm"] or "").replace(".", "").replace(" ", "").lower() or _PREFIX_AMPM.get(g["pre"] or "", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            iso += f"T{hour:02d}:{int(g['mi'] or g['mj']):02d}"
        return DateMatch(start, m.end(), iso)
    return None


@cache
def _yearless_pattern(months: tuple[str, ...]) -> re.Pattern[str]:
    month = _month_alternation(months)
    forms = [
        rf"(?:{month})\.?\s+[0-3]?\d(?:st|nd|rd|th)?",  # 'Jun. 2'
        rf"[0-3]?\d\.?\s+(?:{month})\.?",  # '2 June'
        r"[01]?\d/[0-3]?\d(?:\s*[（(][^)）]{1,4}[)）])?",  # '6/2(月)'
        r"[01]?\d\s*[月월]\s*[0-3]?\d\s*[日일](?:\s*[（(][^)）]{1,4}[)）])?",  # '6月2日(月)'
    ]
    return re.compile(rf"(?<![\w/.-])(?:{'|'.join(forms)}),?\s*(?:at\s+)?{_TIME}", re.I)


def find_yearless(text: str, lex: Lexicon) -> tuple[int, int] | None:
    """The span of a month-day date with a time but no year ('Jun. 2 05:40 pm JST',
    '6/2(月) 10:15'): a page's date line, though it cannot give an ISO date."""
    m = _yearless_pattern(tuple(lex.months)).search(text)
    return (m.start(), m.end()) if m else None
