"""Date words of languages that have no lexicon file, from dateparser's locale data.

A Ukrainian or Greek page prints its date ('12 червня 2025') and its teasers' relative times
('3 години тому') like any other. dateparser ships month names, weekday names and
relative-time phrases for some 200 languages; for a page in a language that no lexicon file
covers, :func:`date_words` turns them into lexicon groups (``dateline.months``,
``dateline.weekdays``, ``relative_time``), added to the lexicon that page is read with
(:func:`cleaner.lexicon.for_language`). Its date line, and with it the title above it, and its
related-news lists are then found as on a page in a language with a file. Labels such as
'Published' are not in dateparser's data: those still need a lexicon file.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
# dateparser's number group, with possessive quantifiers; a teaser's count is short
_NUMBER = re.compile(r"\(\\d\+\+\[\.,\]\?\\d\*\+\)")
_MIN_NAME = 3  # shorter month 'names' are roman numerals or one-letter abbreviations


def _names(info: dict[str, Any], key: str) -> list[str]:
    return sorted({n.casefold() for n in info.get(key, []) if len(n) >= _MIN_NAME and not n.isdigit()})


def _literal(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True) if w)


@cache
def date_words(lang: str) -> dict[str, dict[str, Any]] | None:
    """Lexicon groups with the date words of ``lang`` (an ISO code), or None when dateparser
    has no locale for it."""
    try:
        from dateparser.languages import default_loader

        info = default_loader.get_locale(lang).info
    except Exception:  # noqa: BLE001 - an unknown code, or locale data that fails to load
        return None
    months = {name: n for n, month in enumerate(_MONTHS, 1) for name in _names(info, month)}
    weekdays = sorted({name for day in _WEEKDAYS for name in _names(info, day)})
    ago = [w.casefold() for w in info.get("ago", []) if w]
    units = [u.casefold() for unit in _UNITS for u in info.get(unit, []) if u and not u.isdigit()]
    yesterday = [w.casefold() for w in info.get("relative-type", {}).get("1 day ago", [])]
    patterns, anchors = [], set(ago) | set(yesterday)
    for label, forms in info.get("relative-type-regex", {}).items():
        if not label.endswith(" ago"):
            continue
        for form in forms:
            patterns.append(r"(?<!\w)" + _NUMBER.sub(r"\\d{1,3}", form) + r"(?!\w)")
            anchors.update(w for w in _NUMBER.sub(" ", form).casefold().split() if len(w) >= 2)
    if ago and units:  # forms the table misses ('5 годин тому'): number, unit, 'ago' either side
        unit, before = _literal(units), _literal(ago)
        patterns.append(rf"(?<!\w)\d{{1,3}}\s*(?:{unit})\.?\s+(?:{before})(?!\w)")
        patterns.append(rf"(?<!\w)(?:{before})\s+\d{{1,3}}\s*(?:{unit})(?!\w)")
    if yesterday:
        patterns.append(rf"(?<!\w)(?:{_literal(yesterday)})(?!\w)")
    groups: dict[str, dict[str, Any]] = {}
    if months:
        groups["dateline"] = {"months": months, "weekdays": weekdays}
    if patterns:
        groups["relative_time"] = {"anchors": sorted(anchors), "patterns": patterns}
    return groups or None
