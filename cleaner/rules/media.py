"""Pictures that left words behind: alt text of logos and icons, photo captions, credits."""

from __future__ import annotations

import re
from functools import cache

from ..blocks import Block
from ..dates import find_date
from ..lexicon import Lexicon, key
from .base import Doc, any_of, block_rule, has, keys, reported_speech, where, words
from .meta import LEAD_DATELINE

_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_TRAILING_PARENS = re.compile(r"(?:[(（]([^()（）]{1,100})[)）]|\[([^\[\]]{1,100})\])\s*\.?\s*$")
# a credit after a full-width or plain equals sign, the Japanese papers' way: '...＝共同'
_EQUALS_CREDIT = re.compile(r"[＝=]\s*([^\s＝=]{1,12})$")
# the last words of a caption in a script without capitals: '... 총리. 로이터 연합뉴스'
_LAST_SENTENCE = re.compile(r"[.。]\s+([^.。]{1,30})$")
_HANDLE_OR_DOMAIN = re.compile(r"(?<![\w.])@\w+|\b\w[\w-]*\.(?:com|net|org|id|co|io)\b", re.I)
_EMAIL = re.compile(r"\w@[\w-]+\.\w")  # '(althausa@stadt.ahlen.de)' closes contact details, not a caption
# a wire-photo credit closing a caption: "... on Monday. REUTERS/Kim Hong-Ji", "EFE/Juan Pérez"
# '... on Monday. REUTERS/Issei Kato', '... (2/6/2025). ANTARA FOTO/REUTERS/Kim Kyung-Hoon/tom.'
_AGENCY_CREDIT = re.compile(r"(?<=[.!?。])\s*\(?[A-Z][A-Z&. ]{1,24}(?:/\s*[^\W\d_][\w.' -]{1,40}){1,4}\)?\.?$")
# a wire-photo credit on a line of its own: "REUTERS/Issei Kato", "KOMPAS.com/KRISTIANTO PURNOMO"
_CREDIT_LINE = re.compile(r"^\(?[A-Z]{2,}[\w&. ]{0,24}/\s*[^\W\d_][\w.' -]{1,40}\)?$")
_DOMAIN_TAIL = re.compile(r"\.(?:com|net|org|de|fr|es|id|co)\b", re.I)  # 'Shutterstock.com' is one credit
_CLOSING_PARENS = ("）", ")")
_CREDIT_SPLIT = re.compile(r"\s*[/|]\s*")
_NAME = re.compile(r"^(?:[^\W\d_][\w'’.-]*)(?:\s+[^\W\d_][\w'’.-]*){0,2}$")  # words without digits or colons
_CAPTION_MARKS = ("▲", "△")
_LONE_VIA = re.compile(r"^\s*via\s*$", re.I)
_MODAL = re.compile(
    r"\b(?:will|would|to|may|might|can|could|should|must|shall|did|do|does|not|never|also|plans? to)\s+$", re.I
)


@cache
def _caption_prefix(lex: Lexicon) -> re.Pattern[str]:
    alt = lex.alternation("caption", "prefixes")
    # "Photo: ...", "Foto | ...", "Photo/Illustration ...", "Photo by ...", "(Photo: ...)",
    # "Figure 4: ...", "Fot. Jan Kowalski"; not "Credit/debit cards": the word after the slash is a name
    return re.compile(
        rf"^[(\[]?\s*(?:{alt})(?:\s*\d{{1,3}}[a-z]?(?=\s*[:：|]))?(?:\s*[:：|=＝]|\s*/\s*(?-i:[A-Z])\w*|(?<=\.)\s+(?-i:[A-Z])|\s+(?:by|courtesy|credit|via|oleh|von|de|par|por)\b)",
        re.I,
    )


@cache
def _credit_tail(lex: Lexicon) -> re.Pattern[str]:
    alt = lex.alternation("caption", "prefixes")
    # "... hari ini. - Foto BERNAMA", "... on Monday. | Photo: Jane Doe/Reuters",
    # "Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com", "... Photo by STR / JIJI PRESS / AFP",
    # "Gen Nakatani / Photo: Jiji Press"
    return re.compile(
        rf"(?:\s[-–—|/]\s*(?:{alt})\s*(?:[:/]|by|oleh|von|por|par)?|(?<=[.!?])\s*(?:{alt})\s*(?::|by\b))"
        rf"\s*(?P<who>\S.{{0,50}})$",
        re.I,
    )


def _credited(text: str, lex: Lexicon) -> bool:
    """Whether the text ends with a picture credit after a dash or bar."""
    m = _credit_tail(lex).search(text)
    if not m:
        return False
    who = _WORDS.findall(_DOMAIN_TAIL.sub("", m.group("who")))
    agencies = lex.set("caption", "credits") | lex.set("byline", "outlets")  # 'Kiyoshi Ota/dpa'
    return 1 <= len(who) <= 5 and all(w[0].isupper() or w[0].isdigit() or w.lower() in agencies for w in who)


@block_rule(
    "media.alt_text",
    "alt text of a logo, avatar, icon, badge or background image",
    where(lambda b: b.feat.words <= 5 and b.kind != "table"),
)
def alt_text(block: Block, doc: Doc) -> bool:
    """'logo', 'Avatar photo', 'facebook icon', 'Orange background', 'app-storeplay-store'."""
    lex = doc.lex
    if block.kind == "table" or block.feat.words > 5:
        return False
    k = block.key
    if k in lex.set("alt_text", "lines"):
        return True
    pattern = lex.patterns("alt_text", "patterns")
    if pattern and pattern.search(k):
        return True
    words = _WORDS.findall(k)
    if not words or block.feat.sentences:
        return False
    if words[-1] in lex.set("alt_text", "nouns") and len(words) <= 4:
        return True
    # "Orange background": a colour naming a backdrop image (a lone "Background" is a heading).
    return (
        2 <= len(words) <= 3
        and words[-1] in lex.set("alt_text", "background")
        and (words[0] in lex.set("alt_text", "colors"))
    )


_MD_IMAGES = re.compile(
    r"^(?:\s*\[?!\[[^\[\]\n]{0,300}\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,200}\")?\)\]?(?:\([^()\s]{0,2000}\))?)+\s*$"
)


def _beside_credit_line(doc: Doc) -> list[int]:
    """Candidates: the blocks right above and below a credit-only line."""
    lines = [b.index for b in doc.blocks if b.feat.words <= 6 and "/" in b.text and _CREDIT_LINE.match(b.text)]
    return [j for i in lines for j in (i - 1, i + 1) if 0 <= j < len(doc.blocks)]


@block_rule("media.image_markup", "a picture written as markdown (![alt](url))", where(lambda b: "![" in b.text))
def image_markup(block: Block, doc: Doc) -> bool:
    """A line of markdown pictures, linked or not ('![Gen Nakatani](https://.../a.jpg)'):
    a dump's image, whose alt text is not the article's."""
    return block.kind != "table" and _MD_IMAGES.match(block.text) is not None


@block_rule(
    "caption.credit",
    "a photo caption or picture credit",
    any_of(
        words("caption", "prefixes"),
        keys("caption", "credits"),
        where(
            lambda b: b.text.rstrip(" .").endswith((")", "）", "]")) or "/" in b.text or b.text[:1] in _CAPTION_MARKS
        ),
        _beside_credit_line,  # a caption beside a 'REUTERS/Name' line, over the lead
        where(  # '...＝共同', '... 총리. 로이터 연합뉴스'
            lambda b: (
                b.feat.chars <= 200
                and not b.text[:1].isascii()
                and (_EQUALS_CREDIT.search(b.text) is not None or _LAST_SENTENCE.search(b.text) is not None)
            )
        ),
    ),
)
def caption_credit(block: Block, doc: Doc) -> bool:
    """Blocks opening with 'Photo:'/'Foto/...', credit-only lines, or a short caption
    closed by a credit in parentheses ('... (Instagram.com @user)', '... (Pool)') or
    after a dash ('... hari ini. - Foto BERNAMA')."""
    f = block.feat
    if block.kind == "table" or f.chars > 500:
        return False
    lex = doc.lex
    text = block.text
    if _caption_prefix(lex).match(text):
        return not _in_spec_list(block, doc)
    if text[:1] in _CAPTION_MARKS and f.chars <= 300 and f.sentences <= 2 and _ends_credited(text, lex):
        return True  # '▲ Defense Minister Gen Nakatani. Yonhap': Korean papers mark captions so
    credits = lex.set("caption", "credits")
    if block.key in credits:
        return True
    if f.words <= 6 and "/" in text and _credit_names(text, credits | lex.set("byline", "outlets")):
        return True  # 'dpa/AFP', 'Reuters/EPA': agencies sharing a picture
    if f.words <= 6 and not f.sentences and _agency_and_name(text, credits | lex.set("byline", "outlets")):
        return True  # 'TebNad/Shutterstock.com', 'picture alliance | Andrew Milligan'
    if f.chars <= 300 and f.sentences <= 2 and _credited(text.rstrip(" ."), lex) and not reported_speech(text):
        return True  # ('“... their fitness needs.” – Source: Gitnux' is a quotation with its source)
    if f.chars <= 300 and f.sentences <= 2 and _AGENCY_CREDIT.search(text):
        return True
    if f.words <= 6 and _CREDIT_LINE.match(text):
        return True
    if f.chars <= 250 and f.sentences <= 2 and _caption_before_lead(block, doc):
        return True  # a caption beside its 'REUTERS/Name' credit, right over the story's 'JAKARTA - ' lead
    if f.chars <= 150 and f.sentences <= 1 and text.endswith(_CLOSING_PARENS) and _beside_credit(block, doc):
        return True  # a caption ('記者会見する赤沢氏（5月29日、首相官邸で）') beside its 'Photo = Kyodo' line
    if f.chars <= 200 and f.sentences <= 2 and _cjk_credit(text, credits):
        return True  # '日本の石破茂首相（2日、首相官邸）＝共同', '이시바 시게루 일본 총리. 로이터 연합뉴스'
    m = _TRAILING_PARENS.search(text) if text.rstrip(" .").endswith((")", "]", "）")) else None
    if m and f.chars <= 300 and f.sentences <= 2 and not has(doc, "byline", "prefixes", block, start=True):
        inside = m.group(1) or m.group(2)  # '(Pool)', '[File: Kim Kyung-Hoon/Reuters]'
        signed = len(inside.split()) <= 3 and not any(c in inside for c in "/:@")
        if signed and f.words >= 8 and has(doc, "caption", "reporting", block):
            return False  # '..., officials said. (Yonhap)': a wire paragraph signed off, not a caption
        credit = lex.prefixes("caption", "credits")
        opens = credit is not None and credit.match(inside) is not None and not _LONE_VIA.match(inside)
        opens = opens or _caption_prefix(lex).match(inside) is not None  # '(Image: Shutterstock)'
        if not _EMAIL.search(inside) and (_HANDLE_OR_DOMAIN.search(inside) or (opens and len(inside.split()) <= 6)):
            return True  # '(Pool)', '(Antara Photo/Reuters)', '(via Instagram)'; not '(compatible with VIA)'

    return False


def _cjk_credit(text: str, credits: frozenset[str]) -> bool:
    """A caption closed by a credit the way Japanese and Korean papers write it: after an
    equals sign ('＝共同'), or as a last 'sentence' of credit words only ('로이터 연합뉴스')."""
    m = _EQUALS_CREDIT.search(text)
    if m is not None:
        return key(m.group(1)) in credits
    m = _LAST_SENTENCE.search(text)
    words = m.group(1).split() if m else []
    return 1 <= len(words) <= 3 and all(key(w) in credits for w in words) and not text[:1].isascii()


def _agency_and_name(text: str, names: frozenset[str]) -> bool:
    """A photographer and a picture agency on one line, split by a slash or a bar, the
    agency first or last."""
    parts = _CREDIT_SPLIT.split(text.strip())
    if len(parts) != 2 or max(len(p.split()) for p in parts) > 3:
        return False
    first, last = (key(p) for p in parts)
    if (first in names) == (last in names):
        return False  # 'Photographer/Videographer': two labels, no name
    return _NAME.match(parts[0] if last in names else parts[1]) is not None


def _credit_names(text: str, names: frozenset[str]) -> bool:
    parts = [key(p) for p in text.split("/")]
    return 2 <= len(parts) <= 4 and all(p in names for p in parts)


_SPEC = re.compile(r"^[^\W\d_][\w /&.-]{0,30}:\s*\S")  # 'CPU: Intel Core i7'


def _in_spec_list(block: Block, doc: Doc) -> bool:
    """A short 'Label: value' line between two others like it ('CPU: ...' / 'Graphics:
    Nvidia RTX 4050' / 'RAM: 16GB'): a specification list, where 'Graphics' or 'Video' is
    a field. (Beside one such line only, it is as often a credit under a caption.)"""
    if block.feat.words > 10:
        return False
    near = [doc.blocks[j] for j in (block.index - 1, block.index + 1) if 0 <= j < len(doc.blocks)]
    prefix = _caption_prefix(doc.lex)
    return len(near) == 2 and all(b.feat.words <= 12 and _SPEC.match(b.text) and not prefix.match(b.text) for b in near)


def _caption_before_lead(block: Block, doc: Doc) -> bool:
    """Whether the block and a credit-only line beside it ('REUTERS/Issei Kato') stand
    right over the story's lead ('TRIBUNNEWS.COM - ...'): the picture's caption."""
    i, blocks = block.index, doc.blocks
    if LEAD_DATELINE.match(block.text):
        return False
    return any(
        credit >= 0
        and lead < len(blocks)
        and blocks[credit].feat.words <= 6
        and _CREDIT_LINE.match(blocks[credit].text) is not None
        and LEAD_DATELINE.match(blocks[lead].text) is not None
        for credit, lead in ((i - 1, i + 1), (i + 1, i + 2))
    )


def _ends_credited(text: str, lex: Lexicon) -> bool:
    """Whether a text ends with a credit: a bracketed source ('[연합뉴스]', '(Yonhap)') or
    the name of a wire or picture agency."""
    text = text.rstrip(" .")
    if text.endswith(("]", ")", "）")):
        return True
    last = _WORDS.findall(text.lower())[-1:]
    return bool(last) and (last[0] in lex.set("byline", "outlets") or last[0] in lex.set("caption", "credits"))


def _beside_credit(block: Block, doc: Doc) -> bool:
    """Whether the block right above or below is a credit line ('Photo: AP', '写真＝共同')."""
    for j in (block.index - 1, block.index + 1):
        if 0 <= j < len(doc.blocks):
            other = doc.blocks[j]
            if other.feat.chars <= 60 and _caption_prefix(doc.lex).match(other.text):
                return True
    return False


@block_rule(
    "caption.photo_description",
    "a photo caption standing alone: who is pictured, where and when",
    where(lambda b: b.feat.sentences == 1 and b.feat.chars <= 300),
)
def photo_description(block: Block, doc: Doc) -> bool:
    """One present-tense sentence ending with the picture's date ('X arrives at Y on
    May 29, 2025.'), or one naming positions in the frame ('third from right'); undated,
    one that says it describes a picture ('... are seen in a file photo.')."""
    f = block.feat
    text = block.text
    if block.kind != "p" or f.chars > 300 or f.sentences != 1 or not text.endswith("."):
        return False
    lex = doc.lex
    if has(doc, "caption", "undated", block):
        return True
    if not f.digits:
        return False
    positions = lex.phrases("caption", "positions")
    date = find_date(text, lex)
    dated = date is not None and date.end >= len(text.rstrip(". ")) - 1
    if not dated:
        return False
    if positions and positions.search(text):
        return True
    verbs = lex.phrases("caption", "verbs")
    if verbs is None:
        return False
    return any(not _MODAL.search(text[: m.start()]) for m in verbs.finditer(text[: date.start]))


_FILE_LINK_WORDS = 30  # a file's name, type, size and an accessibility note
_FILE_NOTICE_WORDS = 80  # the PDF-reader notice goes on to name a reader and where to get it


@block_rule(
    "media.file_link",
    "a link to a downloadable file (name, type, size), or the notice that opening one needs a PDF reader",
    where(
        lambda b: (
            (b.feat.digits or "pdf" in b.feat.low)
            and b.feat.words <= (_FILE_NOTICE_WORDS if "pdf" in b.feat.low else _FILE_LINK_WORDS)
        )
    ),
)
def file_link(block: Block, doc: Doc) -> bool:
    """'Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB | Datei ist nicht barrierefrei'."""
    if block.kind == "table":
        return False
    pattern = doc.lex.patterns("files", "patterns")
    if block.feat.words <= _FILE_LINK_WORDS and pattern and pattern.search(block.text):
        return True
    notice = doc.lex.patterns("files", "notices")
    return bool(notice and notice.search(block.text))


@block_rule(
    "media.viewer",
    "controls of an image viewer, gallery or media player ('Enlarge', 'Listen to this article')",
    any_of(
        keys("image_chrome", "lines"),
        words("image_chrome", "prefixes"),
        where(lambda b: b.feat.chars <= 40 and b.feat.digits and ":" in b.text),
    ),
)
def viewer_controls(block: Block, doc: Doc) -> bool:
    """A viewer's button labels, a player's clock ('0:00 / 2:31'), or a caption the dump
    glued to its 'Enlarge' button."""
    if block.key in doc.lex.set("image_chrome", "lines"):
        return True
    clock = doc.lex.patterns("image_chrome", "patterns")
    if clock is not None and block.feat.chars <= 40 and clock.search(block.key):
        return True
    return block.feat.chars <= 300 and has(doc, "image_chrome", "prefixes", block, start=True)
