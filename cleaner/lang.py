"""Language of a page and its stoplist, from jusText's stoplists (100 languages).

The language is the one whose stopwords cover most of the page's first words; scripts
without spaces (Japanese, Chinese, Thai) are told by their characters. Stopword density
is the core's main prose feature, so the stoplist matters more than the exact label.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import chain

import justext

# jusText stoplist names -> ISO 639-1 codes (or 639-3 where there is no 639-1 code).
_ISO = {
    "Afrikaans": "af",
    "Albanian": "sq",
    "Arabic": "ar",
    "Aragonese": "an",
    "Armenian": "hy",
    "Aromanian": "rup",
    "Asturian": "ast",
    "Azerbaijani": "az",
    "Basque": "eu",
    "Belarusian": "be",
    "Belarusian_Taraskievica": "be-tarask",
    "Bengali": "bn",
    "Bishnupriya_Manipuri": "bpy",
    "Bosnian": "bs",
    "Breton": "br",
    "Bulgarian": "bg",
    "Catalan": "ca",
    "Cebuano": "ceb",
    "Chuvash": "cv",
    "Croatian": "hr",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Esperanto": "eo",
    "Estonian": "et",
    "Finnish": "fi",
    "French": "fr",
    "Galician": "gl",
    "Georgian": "ka",
    "German": "de",
    "Greek": "el",
    "Gujarati": "gu",
    "Haitian": "ht",
    "Hebrew": "he",
    "Hindi": "hi",
    "Hungarian": "hu",
    "Icelandic": "is",
    "Ido": "io",
    "Igbo": "ig",
    "Indonesian": "id",
    "Irish": "ga",
    "Italian": "it",
    "Javanese": "jv",
    "Kannada": "kn",
    "Kazakh": "kk",
    "Korean": "ko",
    "Kurdish": "ku",
    "Kyrgyz": "ky",
    "Latin": "la",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Lombard": "lmo",
    "Low_Saxon": "nds",
    "Luxembourgish": "lb",
    "Macedonian": "mk",
    "Malay": "ms",
    "Malayalam": "ml",
    "Maltese": "mt",
    "Marathi": "mr",
    "Neapolitan": "nap",
    "Nepali": "ne",
    "Newar": "new",
    "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn",
    "Occitan": "oc",
    "Persian": "fa",
    "Piedmontese": "pms",
    "Polish": "pl",
    "Portuguese": "pt",
    "Quechua": "qu",
    "Romanian": "ro",
    "Russian": "ru",
    "Samogitian": "sgs",
    "Serbian": "sr",
    "Serbo_Croatian": "sh",
    "Sicilian": "scn",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Spanish": "es",
    "Sundanese": "su",
    "Swahili": "sw",
    "Swedish": "sv",
    "Tagalog": "tl",
    "Tamil": "ta",
    "Telugu": "te",
    "Turkish": "tr",
    "Turkmen": "tk",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Uzbek": "uz",
    "Vietnamese": "vi",
    "Volapuk": "vo",
    "Walloon": "wa",
    "Waray_Waray": "war",
    "Welsh": "cy",
    "West_Frisian": "fy",
    "Western_Panjabi": "pnb",
    "Yoruba": "yo",
}
_BY_ISO = {v: k for k, v in _ISO.items()}
# Minor stoplists that overlap a major language almost entirely lose ties to it.
_SKIP = {"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica", "Bishnupriya_Manipuri"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SAMPLE_WORDS = 600


@cache
def _index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """word -> indexes of the stoplists that hold it (built once, ~50k words)."""
    names = tuple(n for n in sorted(justext.get_stoplists()) if n not in _SKIP)
    index: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        for word in justext.get_stoplist(name):
            index.setdefault(word, []).append(i)
    return names, {w: tuple(ix) for w, ix in index.items()}


@cache
def stopwords(lang: str | None) -> frozenset[str]:
    """The stoplist of an ISO code (empty when jusText has none, e.g. Japanese)."""
    name = _BY_ISO.get(lang or "")
    return frozenset(justext.get_stoplist(name)) if name else frozenset()


def detect(text: str) -> str | None:
    """ISO code of the page's language, or ``None`` when nothing tells."""
    head = text[:20_000]
    kana, han = len(_KANA.findall(head)), len(_HAN.findall(head))
    if kana > 20:
        return "ja"
    if han > 50:
        return "zh"
    if len(_THAI.findall(head)) > 50:
        return "th"
    names, index = _index()
    words = _WORD.findall(head[: _SAMPLE_WORDS * 12].lower())[:_SAMPLE_WORDS]
    counts = Counter(chain.from_iterable(index[w] for w in words if w in index))
    if not counts:
        return None
    best, hits = counts.most_common(1)[0]
    # a stoplist this table does not know yet (a newer jusText) tells nothing
    return _ISO.get(names[best]) if hits >= 3 else None
