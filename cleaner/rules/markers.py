"""End markers and decoration: typographic furniture that carries no words."""

from __future__ import annotations

import json
import re
from functools import cache

from ..blocks import Block
from ..lexicon import Lexicon
from .base import Doc, block_rule, trim_rule, where

_NO_WORDS = re.compile(r"^[\W_]+$")


_TAIL = 80  # end markers are short: only the tail of a block is searched
# How sentences and quotations end; no end marker does ('(END)', '***', '-30-', 'REUTERS'),
# so most blocks are settled without a search (tests/test_lexicons.py holds the lexicon to it).
_SENTENCE_TAIL = frozenset(".,;:!?…\"'”’»。")
_DASHED_SIGN_OFF_SHARE = 0.5  # '-- Bernama' ends an article only below half of its prose
_DASH_NEAR_END = re.compile(r"[.!?…\"”’]\s+(?:--|[-–—])\s*\w+$")


@cache
def _end_marker(lex: Lexicon) -> re.Pattern[str]:
    alternatives = "|".join(f"(?>{a})" for a in lex.items("marker", "end"))
    return re.compile(rf"(?:\s*+(?:{alternatives}))++\s*+$", re.I)


@cache
def _sign_off(lex: Lexicon) -> re.Pattern[str]:
    """A wire agency's name in capitals right after the last sentence ('... this week.
    REUTERS', '... said. AFP/JIJI'); the agencies are the byline outlets of the lexicons."""
    names = sorted({a.upper() for a in lex.items("byline", "outlets") if len(a) >= 2}, key=len, reverse=True)
    agencies = "|".join(map(re.escape, names))
    # after a dash the name may be in any case: '... next year. -- Bernama', '... — AFP'
    dashed = rf"(?:--|[-–—])\s*(?i:{agencies})"
    return re.compile(rf"(?<=[.!?…\"”’])\s+(?:{dashed}|(?:{agencies})(?:\s*[/,-]\s*(?:{agencies}))*)\s*$")


@trim_rule("marker.end", "an end-of-article marker (***, (END), -30-, a wire's 'REUTERS') after the last sentence")
def end_marker(block: Block, doc: Doc) -> list[tuple[int, int]]:
    """Cut a trailing end marker; a marker glued to text must follow a sentence end. A
    marker glued to the last sentence ('...dynamics.***') also tells the core where the
    article ends."""
    text = block.text
    if not text or text[-1] in _SENTENCE_TAIL:
        return []  # markers end in a bracket, a symbol or capitals ('REUTERS'), not as sentences do
    if text[-1].isalnum() and not text[-1].isupper() and not _DASH_NEAR_END.search(text, max(0, len(text) - 24)):
        return []  # ... or in an agency's name after a dash ('-- Bernama')
    offset = max(0, len(text) - _TAIL)
    m = _end_marker(doc.lex).search(text, offset)
    if m is None:
        m = _sign_off(doc.lex).search(text, offset)
        if m is None:
            return []
        if m.group(0).lstrip()[:1] in "-–—" and doc.prose_before(block.index) < _DASHED_SIGN_OFF_SHARE:
            return []  # '... in Tokyo on May 30. — Reuters' over the lead is a caption's credit
    before = text[: m.start()].rstrip()
    if before and before[-1] not in ".!?…\"'”’»)" and not m.group(0)[0].isspace():
        return []
    if before:
        doc.cache.setdefault("end_marks", set()).add(block.index)  # the core ends the article here
    return [(m.start(), m.end())]


@block_rule(
    "marker.symbols",
    "a line without letters or digits (separator, stray punctuation)",
    where(lambda b: b.feat.words == 0 or (b.feat.words == 1 and "_" in b.text)),  # '___' is one \w token
)
def symbols(block: Block, doc: Doc) -> bool:
    """Lines of asterisks, dashes, bullets or lone punctuation."""
    return block.kind != "table" and bool(_NO_WORDS.match(block.text))


# Elements of a web page's own markup. Code in an article (an XML config, a JSX snippet)
# uses other names, or few of these; a page's source leaked into the dump uses these.
_HTML_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]{0,10})\b(?:\s[^<>]{0,300})?\s*/?>")
_PAGE_ELEMENT_NAMES = (
    "a abbr b blockquote br button div em figcaption figure form h1 h2 h3 h4 h5 h6 header i iframe img input "
    "label li nav noscript ol option p script section select small span strong style sup svg ul"
)
_PAGE_ELEMENTS = frozenset(_PAGE_ELEMENT_NAMES.split())
_MIN_TAGS = 6


@block_rule(
    "markup.source",
    "the page's own HTML source left in the text (tags and attributes, not prose)",
    where(lambda b: b.feat.chars >= 60 and "<" in b.text and ">" in b.text),
)
def page_source(block: Block, doc: Doc) -> bool:
    """A block of page markup ('<h1>...</h1> <p class="byline">...', '<form class=...>',
    '<script>...'): six or more tags, nearly all of them HTML page elements, making up a
    sixth of the text or more. Escaped table tags are repaired before this runs."""
    if block.kind == "table":
        return False
    tags = list(_HTML_TAG.finditer(block.text))
    if len(tags) < _MIN_TAGS:
        return False
    page = sum(m.group(1).lower() in _PAGE_ELEMENTS for m in tags)
    return page >= 0.8 * len(tags) and sum(len(m.group(0)) for m in tags) >= len(block.text) / 6


# An unrendered shortcode: a bracketed name with attributes ('[convertkit form=1630175]').
_SHORTCODE = re.compile(r"^\[/?[a-z][\w-]*(?:\s+[\w-]+\s*=\s*[^\]\s][^\]]*)+\]$", re.I)
_DATA_MIN_CHARS = 200  # a data blob a script left is long; a short JSON example in a tutorial stays


@block_rule(
    "markup.data",
    "data or an unrendered shortcode the page's scripts left in the text, not prose",
    where(lambda b: b.text[:1] in "[{"),
)
def script_data(block: Block, doc: Doc) -> bool:
    """A JSON value a script printed ('[[["Easy to understand","easyToUnderstand",...') of
    at least ``_DATA_MIN_CHARS``, or a shortcode the CMS did not render
    ('[adthrive-in-post-video-player video-id="hra2qewb" ...]')."""
    text = block.text.strip()
    if block.kind == "table":
        return False
    if _SHORTCODE.match(text):
        return True
    if len(text) < _DATA_MIN_CHARS or text[-1:] not in "]}":
        return False
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return False
    return isinstance(value, (list, dict))


@block_rule(
    "markup.server_error",
    "an error or warning the site's server printed into the page",
    where(lambda b: "line" in b.feat.vocab and b.feat.digits > 0),
)
def server_error(block: Block, doc: Doc) -> bool:
    """'Warning: Creating default object from empty value in /www/.../classes.php on line
    407': a PHP notice, with the file and line the message names."""
    pattern = doc.lex.patterns("server_error", "patterns")
    return block.kind != "table" and block.feat.chars <= 600 and bool(pattern and pattern.match(block.text))


@cache
def _icon_names(lex: Lexicon) -> re.Pattern[str] | None:
    names = "|".join(sorted(map(re.escape, lex.items("icon", "names")), key=len, reverse=True))
    return re.compile(rf"^(?:\s*(?:{names})\b)+\s*|\s*(?:\b(?:{names})\s*)+$") if names else None


@trim_rule("markup.icon_name", "an icon font's ligature name printed beside a label (chevron_right, expand_more)")
def icon_name(block: Block, doc: Doc) -> list[tuple[int, int]]:
    """'What tools should I use to monitor PostgreSQL? chevron_right': a Material Icons
    ligature at the start or end of a block is the button's icon, not its words."""
    if "_" not in block.text:
        return []
    pattern = _icon_names(doc.lex)
    return [m.span() for m in pattern.finditer(block.text) if m.end() > m.start()] if pattern else []
