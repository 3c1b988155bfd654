"""Language of a page, and its stoplist from jusText's stoplists (100 languages).

The language is told by py3langid (a character n-gram model, 97 languages) from the page's
prose-like lines, so that menus and footers do not vote; Japanese, Chinese and Thai are told
by their characters first. Stopword density is the core's main prose feature: the label
picks the stoplist. (Counting stopword hits instead, as this module did first, labels many
English pages Marathi or Uzbek: those stoplists are large and hold English words.)
"""

from __future__ import annotations

import re
from functools import cache

import justext
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .words import LETTER

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
# py3langid codes whose stoplist jusText files under another code
_ALIAS = {"no": "nb", "uzs": "uz"}
# Stoplists that duplicate another one under the same code: no code maps to them.
_SKIP = {"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica", "Bishnupriya_Manipuri"}
# Stoplists that do not measure prose: jusText's Korean list holds 13,000 inflected word
# forms (a word and its particle are one token), so a news sentence scores anywhere from
# 0.1 to 0.5. Korean pages are judged by length and punctuation, as Japanese ones are.
_UNUSABLE = {"Korean"}
_WORD = re.compile(rf"{LETTER}+(?:['’]{LETTER}+)?")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SAMPLE_CHARS = 3000
_MIN_SAMPLE_CHARS = 100
_MIN_CONFIDENCE = 0.7  # below this, random letters (real pages score above 0.8)
_SHORT_CONFIDENCE = 0.95  # ... for a text too short for a prose sample


# Languages so close that py3langid splits its confidence between them (Indonesian and
# Malay, the Scandinavian and the Serbo-Croatian standards): their probabilities add up
# for the confidence test, and the label is the likelier one.
_SIBLINGS = ({"id", "ms"}, {"no", "nb", "nn", "da"}, {"hr", "bs", "sr"}, {"cs", "sk"})


def sibling_codes(lang: str) -> set[str]:
    """``lang`` with the languages py3langid confuses it with ('id' -> {'id', 'ms'})."""
    return set(next((f for f in _SIBLINGS if lang in f), {lang}))


@cache
def stopwords(lang: str | None) -> frozenset[str]:
    """The stoplist of an ISO code (empty when jusText has none, e.g. Japanese). Close
    languages share one list, the union of theirs: a page labelled Malay on one pass and
    Indonesian on the next must read as prose both times."""
    family = next((f for f in _SIBLINGS if lang in f), {lang})
    words: set[str] = set()
    for code in sorted(c for c in family if c):
        name = _BY_ISO.get(code)
        if name and name not in _UNUSABLE:
            words.update(justext.get_stoplist(name))
    return frozenset(words)


def _sample(text: str) -> str:
    """The page's prose-like lines (six words of letters or more), up to a few thousand
    characters; empty when they are too few to tell a language by."""
    lines, size = [], 0
    for line in text[:200_000].splitlines():
        if len(_WORD.findall(line)) >= 6:
            lines.append(line)
            size += len(line)
            if size >= _SAMPLE_CHARS:
                break
    return "\n".join(lines) if size >= _MIN_SAMPLE_CHARS else ""


def _guess(sample: str, floor: float) -> str | None:
    """py3langid's label when its confidence (with its siblings') reaches ``floor``."""
    code, confidence = _identifier().classify(sample)
    family = next((f for f in _SIBLINGS if code in f), None)
    if family and confidence < floor:  # ranking every language costs more: only when it matters
        confidence = sum(p for c, p in _identifier().rank(sample) if c in family)
    return None if code == "zxx" or confidence < floor else _ALIAS.get(code, code)


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
    sample = _sample(text)
    if sample:
        return _guess(sample, _MIN_CONFIDENCE)
    # a short text: only a confident label, since a guess would flip once cleaning removes a line
    return _guess(head[:_SAMPLE_CHARS], _SHORT_CONFIDENCE) if len(_WORD.findall(head[:2000])) >= 5 else None


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities, loaded once per process."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
