"""Phrase data: ``lexicons/<lang>.toml`` files merged into one compiled :class:`Lexicon`.

Each file holds groups named after a kind of debris (``[share]``, ``[related]``, ...).
Every group has a ``note`` saying why it exists and one or more lists. The meaning of a
list is given by its key's suffix-free name, as the rules use it:

* ``lines``/``headings``: a block *is* one of these (case and edge punctuation ignored);
* ``phrases``/``prefixes``: a block *contains* / *starts with* one of these (word-bounded);
* ``words``/``labels``: single tokens, looked up one by one;
* ``patterns``: regular expressions, matched case-insensitively.

All shipped files are merged, so a page in any language meets every language's debris
phrases; the ``lang`` of a page only chooses its stoplist. Adding a language is adding a
file: see ``docs/lexicons.md``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache, cached_property
from importlib import resources
from typing import Any

from .lang import sibling_codes
from .locales import date_words
from .words import TOKEN, WORD

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_LEADING = re.compile(r"^[\W_]+")
# A quantity as recipes write it: '125', '1,5', '1/2', '½', '1 1/2', '2-3'; 'ca.' before it.
_QUANTITY = r"(?:\d+(?:[.,/]\d+)?(?:\s*[½¼¾⅓⅔⅛])?|[½¼¾⅓⅔⅛])(?:\s+\d/\d)?(?:\s*[-–]\s*\d+(?:[.,/]\d+)?)?"
_ABOUT = r"(?:(?:ca|approx|about|etwa|env|ok|je)\.?\s+)?"


def key(text: str) -> str:
    """The form phrases are compared in: casefolded, edge punctuation off, single spaces.

    >>> key("  » Related Articles: ")
    'related articles'
    """
    text = text.casefold().replace("i\u0307", "i")  # Turkish 'İ' folds to 'i' + a dot
    lead = _LEADING.match(text)
    if lead:
        text = text[lead.end() :]
    if text and not text[-1].isalnum():  # trailing punctuation, matched on the reversed text: linear
        trail = _LEADING.match(text[::-1])
        if trail:
            text = text[: len(text) - trail.end()]
    return " ".join(text.split())  # str.split() and \s agree on what whitespace is


def shipped() -> tuple[str, ...]:
    """Names of the lexicon files shipped with the package (without ``.toml``)."""
    files = resources.files("cleaner") / "lexicons"
    return tuple(sorted(p.name[:-5] for p in files.iterdir() if p.name.endswith(".toml")))


# Scripts written without spaces: phrases in them match without word boundaries.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_MARKED_SCRIPT = re.compile(r"[\u0590-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # Hebrew ... Khmer
_HANGUL = re.compile(r"[\uac00-\ud7af]")


def _alternation(items: Iterable[str], escape: bool) -> str:
    parts = sorted({i for i in items if i}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") if escape else p for p in parts)


def _bounded(items: Iterable[str]) -> str:
    r"""An alternation where spaced-script entries need word boundaries and others don't.

    ``\w`` leaves out combining marks, so entries of scripts that use them (Hindi, Arabic,
    Thai) are bounded by the full WORD class; it costs far more to compile and to match,
    so the other entries keep ``\w``."""
    items = [i for i in items if i]
    unspaced = [i for i in items if UNSPACED.search(i)]
    marked = [i for i in items if i not in unspaced and _MARKED_SCRIPT.search(i)]
    plain = [i for i in items if i not in unspaced and i not in marked]
    parts = []
    for group, w in ((plain, r"\w"), (marked, WORD)):
        if group:
            parts.append(rf"(?<!{w})(?:{_alternation(group, escape=True)})(?!{w})")
    if unspaced:
        parts.append(f"(?:{_alternation(unspaced, escape=True)})")
    return "|".join(parts)


class Lexicon:
    """The merged phrase data of some lexicon files, with compiled views built on demand."""

    def __init__(self, names: tuple[str, ...], locales: tuple[str, ...] = ()):
        self.names = names
        self.locales = locales
        self.groups: dict[str, dict[str, list]] = {}
        self.by_lang: dict[str, dict[str, dict]] = {}  # language code -> its file's groups
        self.notes: dict[str, dict[str, str]] = {}
        files = resources.files("cleaner") / "lexicons"
        for name in names:
            try:
                data = tomllib.loads((files / f"{name}.toml").read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ValueError(f"lexicon {name!r}: {exc}") from exc
            self.by_lang[str(data.get("lang", name))] = data
            self._merge(name, data)
        for locale in locales:  # merged last, so the page's own language decides: Croatian 'listopad' is October
            extra = date_words(locale)
            if extra:
                self._merge(f"dateparser:{locale}", extra)

    def _merge(self, name: str, data: dict) -> None:
        for group, body in data.items():
            if not isinstance(body, dict):
                continue
            target = self.groups.setdefault(group, {})
            for k, v in body.items():
                if k == "note":
                    self.notes.setdefault(group, {})[name] = v
                elif isinstance(v, list):
                    target.setdefault(k, []).extend(v)
                elif isinstance(v, dict):
                    target.setdefault(k, {}).update(v)

    def __reduce__(self):  # picklable by name: workers rebuild it from the package data
        return (load, (self.names, self.locales))

    def own(self, lang: str, group: str, name: str) -> Any:
        """The entries that the file of language ``lang`` lists (none without a file)."""
        body = self.by_lang.get(lang, {}).get(group, {})
        return body.get(name, []) if isinstance(body, dict) else []

    def items(self, group: str, name: str) -> list:
        return self.groups.get(group, {}).get(name, [])

    @cache  # noqa: B019 - one Lexicon per set of names lives for the process
    def set(self, group: str, name: str) -> frozenset[str]:
        """Entries in :func:`key` form, for whole-block or single-token lookups."""
        return frozenset(key(x) for x in self.items(group, name))

    @cache  # noqa: B019
    def mapping(self, group: str, name: str) -> dict[str, object]:
        """A table of the group (e.g. month name -> number), keys casefolded."""
        table = self.groups.get(group, {}).get(name, {})
        return {k.casefold(): v for k, v in table.items()}

    @cache  # noqa: B019
    def alternation(self, group: str, name: str) -> str:
        """The entries as one regex alternation, longest first, spaces matching any run of
        spaces; for rules that build their own pattern around a list."""
        return _alternation(self.items(group, name), escape=True)

    @cache  # noqa: B019
    def phrases(self, group: str, name: str) -> re.Pattern[str] | None:
        """Matches any entry inside a text, on word boundaries, ignoring case."""
        alt = _bounded(self.items(group, name))
        return re.compile(alt, re.I) if alt else None

    @cache  # noqa: B019
    def prefixes(self, group: str, name: str) -> re.Pattern[str] | None:
        """Matches any entry at the start of a text (after bullets and quotes)."""
        alt = _bounded(self.items(group, name))
        return re.compile(rf"^[\W_]*(?:{alt})", re.I) if alt else None

    @cache  # noqa: B019
    def anchors(self, group: str, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """A prefilter for a phrase list: the longest word of each phrase (a block
        without any of them cannot contain a phrase), and substrings for phrases in
        unspaced scripts or without words."""
        words: set[str] = set()
        substrings: list[str] = []
        for phrase in self.items(group, name):
            low = phrase.lower()  # as features.measure lower-cases words
            tokens = TOKEN.findall(low)
            if UNSPACED.search(low) or not tokens:
                substrings.append(low)
            else:
                words.add(max(tokens, key=len))
        return frozenset(words), tuple(substrings)

    @cached_property
    def index_words(self) -> frozenset[str]:
        """Every anchor word of every list (:meth:`anchors`, :meth:`anchor_split`): the
        only words a document's word index needs to hold."""
        words: set[str] = set()
        for group, lists in self.groups.items():
            for name, items in lists.items():
                if isinstance(items, list) and all(isinstance(i, str) for i in items):
                    words |= self.anchors(group, name)[0]
            words |= self.anchor_split(group)[0]
        return frozenset(words)

    def found(
        self, group: str, name: str, text: str, vocab: frozenset[str], low: str = "", *, start: bool = False
    ) -> bool:
        """Whether ``text`` (whose lower-cased words are ``vocab``, lower-cased text ``low``)
        contains a phrase of the list (at its start when ``start``). The anchor check
        spares the regex almost always."""
        words, substrings = self.anchors(group, name)
        present = words.intersection(vocab)
        if substrings and any(s in (low or text.lower()) for s in substrings):
            pattern = self.prefixes(group, name) if start else self.phrases(group, name)
            return bool(pattern and (pattern.match(text) if start else pattern.search(text)))
        for word in present:  # only the phrases that hold a word the block has
            pattern = self._anchor_regex(group, name, start, word)
            if pattern.match(text) if start else pattern.search(text):
                return True
        return False

    @cache  # noqa: B019
    def _by_anchor(self, group: str, name: str) -> dict[str, tuple[str, ...]]:
        """The list's spaced-script phrases grouped by their anchor word: a block is
        tried against the few phrases its words can complete, not the whole list."""
        groups: dict[str, list[str]] = {}
        for phrase in self.items(group, name):
            tokens = TOKEN.findall(phrase.lower())
            if tokens and not UNSPACED.search(phrase):
                groups.setdefault(max(tokens, key=len), []).append(phrase)
        return {w: tuple(ps) for w, ps in groups.items()}

    @cache  # noqa: B019
    def _anchor_regex(self, group: str, name: str, start: bool, word: str) -> re.Pattern[str]:
        """The pattern of one anchor's phrases, compiled the first time a block needs it."""
        lead = "^[\\W_]*" if start else ""
        return re.compile(rf"{lead}(?:{_bounded(self._by_anchor(group, name)[word])})", re.I)

    def mentions(self, group: str, text: str) -> bool:
        """Whether ``text`` holds one of the group's ``anchors`` substrings (a cheap test
        before the group's patterns run)."""
        pattern = self._anchor_pattern(group)
        return bool(pattern and pattern.search(text.lower()))

    @cache  # noqa: B019
    def anchor_split(self, group: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """The group's ``anchors`` as words to look up (the longest word of a spaced
        anchor: a block holding the anchor holds that word) and substrings (anchors in
        CJK or Hangul, which a dump may glue to the number before them)."""
        words: set[str] = set()
        substrings: list[str] = []
        for anchor in self.items(group, "anchors"):
            low = anchor.lower().strip()
            tokens = TOKEN.findall(low)
            if UNSPACED.search(low) or _HANGUL.search(low) or not tokens:
                substrings.append(low)
            else:
                words.add(max(tokens, key=len))
        return frozenset(words), tuple(substrings)

    @cache  # noqa: B019
    def _anchor_pattern(self, group: str) -> re.Pattern[str] | None:
        anchors = sorted({a.lower() for a in self.items(group, "anchors")}, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, anchors))) if anchors else None

    @cache  # noqa: B019
    def patterns(self, group: str, name: str) -> re.Pattern[str] | None:
        """The group's regular expressions as one case-insensitive alternation."""
        alt = _alternation(self.items(group, name), escape=False)
        return re.compile(rf"(?:{alt})", re.I) if alt else None

    @cached_property
    def quantities(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """A line opened by a quantity and a unit of ``[recipe] units`` ('125 g Mehl',
        '2 EL Zucker', '1 can (20 oz) pineapple'), and one opened by a bare count
        ('2 Eier (Größe M)'): the lines of an ingredient list."""
        return re.compile(self._unit_line, re.I), re.compile(rf"{self._quantity_lead}\s+[^\W\d]", re.I)

    @cached_property
    def unit_lines(self) -> re.Pattern[str]:
        """The quantity-and-unit line pattern for a whole text, one line at a time (``re.M``):
        a page with too few such lines holds no ingredient list."""
        return re.compile(self._unit_line, re.I | re.M)

    _quantity_lead = rf"^[-–•*·]?[ \t]*{_ABOUT}{_QUANTITY}"

    @cached_property
    def _unit_line(self) -> str:
        units = self.alternation("recipe", "units") or "(?!)"
        return rf"{self._quantity_lead}[ \t]*(?:{units})(?!\w)\.?[ \t]*\S"

    @cached_property
    def months(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.mapping("dateline", "months").items()}  # type: ignore[call-overload]


@cache
def load(names: tuple[str, ...] | None = None, locales: tuple[str, ...] = ()) -> Lexicon:
    """The merged lexicon of ``names`` (all shipped files when ``None``), with the date words
    of ``locales`` from dateparser (:mod:`cleaner.locales`), the last one winning, built once."""
    return Lexicon(names if names is not None else shipped(), locales)


def for_language(names: tuple[str, ...] | None, lang: str | None) -> Lexicon:
    """The lexicon to read a page in ``lang`` with: the merged files, plus dateparser's date
    words for the language and its close siblings ('bs' for 'hr') whose file (if any) names
    no months. Croatian's file leaves them out on purpose: its 'listopad' is October and the
    Czech file's is November, and merged files must agree on every month name."""
    base = load(names)
    if not lang or base.own(lang, "dateline", "months"):
        return base
    family = [*sorted(sibling_codes(lang) - {lang}), lang]  # the page's own language last: it wins
    locales = tuple(c for c in family if not base.own(c, "dateline", "months") and date_words(c) is not None)
    return load(names, locales) if locales else base
