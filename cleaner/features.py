"""Block features: the measurements the rules and the shape-based core read.

Features are plain numbers computed once per block (see :func:`measure`): length, word
count, stopword density, sentence punctuation, capitalisation, digits and link-like
tokens. None of them looks for a phrase; phrases are the lexicons' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_DIGIT_TOKEN = re.compile(r"(?<!\w)\w*\d")  # starts at word starts only: linear
_UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…。！？](?:['\"”’»)\]]*)(?=\s|$)|[。！？]")
_ENDS_SENTENCE = re.compile(r"[.!?…。！？:;]['\"”’»)\]]*$")
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
    sentences: int  # sentence endings (. ! ? … and CJK full stops)
    ends_sentence: bool  # last character closes a sentence or clause (. ! ? : ;)
    capitalized: float  # share of words starting with a capital letter
    upper: float  # share of words of 2+ letters in capitals
    digits: float  # share of words containing a digit
    links: float  # share of words that are URLs, e-mails, @handles, #tags, domains

    @property
    def prose(self) -> bool:
        """Reads like a sentence of running text (not a label, menu or headline)."""
        return self.words >= 6 and self.sentences >= 1 and self.links < 0.2


def measure(text: str, stopwords: frozenset[str]) -> Features:
    """Compute the :class:`Features` of ``text`` against a stoplist."""
    tokens = _TOKEN.findall(text)
    n = len(tokens)
    unspaced = len(_UNSPACED_CHAR.findall(text)) if not text.isascii() else 0
    if unspaced > n:  # Japanese, Chinese, Thai: count two characters as a word
        n = max(n, unspaced // 2)
    size = len(text) + 2 * unspaced
    if not tokens:
        return Features(len(text), size, n, 0.0, 0, bool(_ENDS_SENTENCE.search(text[-12:])), 0.0, 0.0, 0.0, 0.0)
    stop = sum(1 for t in tokens if t.lower() in stopwords) / len(tokens) if stopwords else 0.0
    capitalized = sum(1 for t in tokens if t[0].isupper()) / len(tokens)
    upper = sum(1 for t in tokens if len(t) > 1 and t.isupper()) / len(tokens)
    digits = min(1.0, len(_DIGIT_TOKEN.findall(text)) / len(tokens))
    links = len(_LINKLIKE.findall(text)) / len(tokens) if ("." in text or "@" in text or "#" in text) else 0.0
    return Features(
        chars=len(text),
        size=size,
        words=n,
        stop=stop,
        sentences=len(_SENTENCE_END.findall(text)),
        ends_sentence=bool(_ENDS_SENTENCE.search(text[-12:])),
        capitalized=capitalized,
        upper=upper,
        digits=digits,
        links=min(1.0, links),
    )
