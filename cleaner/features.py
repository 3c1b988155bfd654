"""Block features: the measurements the rules and the shape-based core read.

Features are plain numbers computed once per block (see :func:`measure`): length, word
count, stopword density, sentence punctuation, digits and link-like tokens, plus the
block's lower-cased words, which the lexicons use to skip blocks that cannot hold a
phrase. None of them looks for a phrase; phrases are the lexicons' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import TOKEN

_DIGIT_TOKEN = re.compile(r"(?<!\w)\w*\d")  # starts at word starts only: linear
_DIGIT = re.compile(r"\d")
# Without one of these no link-like token can occur (the full pattern is the slow part).
_LINK_HINT = re.compile(
    r"://|www\.|[@#]|\.(?:com|net|org|co|id|io|de|uk|us|info|news|tv|me|jp|my|sg|au|ca|fr|es|it|nl|ru|in|gov|edu)\b"
)
_UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f\uac00-\ud7af]")
# A full stop after an initialism or an initial ('U.S.', 'John F. Kennedy') ends no sentence,
# except at the end of the block ('... with the U.S.').
# Sentence ends of other scripts: Devanagari danda, Arabic question mark and Urdu full stop,
# Ethiopic, Armenian, Myanmar and Khmer full stops.
# Every alternative opens with a fixed character (the lookbehinds come after the full stop),
# so the engine skips to candidate characters instead of trying each alternative everywhere.
_SENTENCE_END = re.compile(
    r"[!?…。！？।॥؟۔።։။។](?:['\"”’»)\]]*)(?=\s|$)|\.(?<![A-Z]\.[A-Z]\.)(?<![\s(][A-Z]\.)(?:['\"”’»)\]]*)(?=\s)"
    r"|\.(?:['\"”’»)\]]*)$|[。！？]"
)
_ENDS_SENTENCE = re.compile(r"[.!?…。！？:;।॥؟۔።։။។]['\"”’»)\]]*$")
# Thai writes no full stop: a space between two Thai letters closes a sentence or clause.
_THAI_BREAK = re.compile(r"[\u0e00-\u0e7f] +(?=[\u0e00-\u0e7f])")
# Every alternative starts at a fixed character or a word start and is bounded, so the
# search stays linear even on a megabyte-long token.
_LINKLIKE = re.compile(
    r"(?:https?://|www\.)\S+|(?<![^\s(<\[])[^\s@]{1,64}@[\w-]{1,63}\.\w{2,}|(?<![\w@#])[@#]\w[\w.]{1,60}"
    r"|(?<![\w@.-])[\w-]{2,63}\.(?:com|net|org|co|id|io|de|uk|us|info|news|tv|me|jp|my|sg|au|ca|fr|es|it|nl|ru|in"
    r"|gov|edu)(?:\.\w{2})?\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Features:
    """Measurements of one block's text."""

    chars: int
    size: int  # chars, with an unspaced-script (CJK, Thai) character counted as three
    words: int
    stop: float  # share of words that are stopwords of the page's language
    sentences: int  # sentence endings (. ! ? …, CJK and other scripts' full stops, Thai spaces)
    ends_sentence: bool  # last character closes a sentence or clause (. ! ? : ;)
    digits: float  # share of words containing a digit
    links: float  # share of words that are URLs, e-mails, @handles, #tags, domains
    vocab: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # lower-cased words
    low: str = field(default="", repr=False, compare=False)  # the text, lower-cased

    @property
    def prose(self) -> bool:
        """Reads like a sentence of running text (not a label, menu or headline)."""
        return self.words >= 6 and self.sentences >= 1 and self.links < 0.2


def first_sentence_end(text: str) -> int | None:
    """Where the first sentence of ``text`` ends (after its closing mark), or None."""
    m = _SENTENCE_END.search(text)
    return m.end() if m else None


def measure(text: str, stopwords: frozenset[str]) -> Features:
    """Compute the :class:`Features` of ``text`` against a stoplist.

    Every count is one C-level pass (a regex or a ``map``); no Python loop per word.
    """
    low = text.lower().replace("i\u0307", "i")  # 'İlgili' is found as 'ilgili'
    tokens = TOKEN.findall(low)
    n = count = len(tokens)
    ascii_only = text.isascii()
    unspaced = 0 if ascii_only else len(_UNSPACED_CHAR.findall(text))
    if unspaced > n:  # Japanese, Chinese, Thai: count two characters as a word
        n = max(n, unspaced // 2)
    size = len(text) + 2 * unspaced
    ends = bool(_ENDS_SENTENCE.search(text[-12:]))
    if not tokens:
        return Features(len(text), size, n, 0.0, 0, ends, 0.0, 0.0, frozenset(), low)
    stop = sum(map(stopwords.__contains__, tokens)) / count if stopwords else 0.0
    digits = min(1.0, len(_DIGIT_TOKEN.findall(text)) / count) if _DIGIT.search(text) else 0.0
    links = len(_LINKLIKE.findall(text)) / count if _LINK_HINT.search(low) else 0.0
    return Features(
        chars=len(text),
        size=size,
        words=n,
        stop=stop,
        sentences=len(_SENTENCE_END.findall(text)) + (len(_THAI_BREAK.findall(text)) if unspaced else 0),
        ends_sentence=ends,
        digits=digits,
        links=min(1.0, links),
        vocab=frozenset(tokens),
        low=low,
    )
