"""Lines that are metadata, not body: title, subtitle, byline, date line, site name.

These rules remove the line and hand its value to the article (``title``, ``authors``,
``published``, ``site``). The first value found for a field wins; authors accumulate.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from ..blocks import Block
from ..dates import find_date, find_yearless
from ..features import TOKEN, first_sentence_end
from ..lexicon import UNSPACED, Lexicon, key
from ..words import LETTER
from .base import Doc, any_of, block_rule, has, keys, mentions, section_rule, short_with, where, words

_WORD = re.compile(rf"{LETTER}+(?:['’.-]{LETTER}+)*\.?")
# A credential after a name ('Jane Roe, CFP', 'John Doe, Ph.D.'): not a second name (HTML
# mode's author tags read it too).
CREDENTIAL_WORDS = r"(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?\s?D\.?|Esq\.?|Jr\.?|Sr\.?)"
CREDENTIAL = re.compile(rf"^{CREDENTIAL_WORDS}$")
_BYLINE_TAIL = re.compile(r"\s*(?:[|·•/]|\s[-–—]\s*(?=\d)|,\s*(?=\d)|\s(?=\d{1,2}[./]\s?\d)).*$")
_CONTACT = re.compile(r"[\[(<]?[^\s\[(<]+@\S+\.\w+[\])>]?|(?<!\w)@\w+|https?://\S+")  # the author's e-mail or handle
_TIMEZONE = re.compile(r"^(?:[A-Z]{2,5}|GMT[+-]\d+|UTC[+-]\d+)$")
_CJK_SITE = re.compile(r"^(.{6,}?[\u3040-\u9fff\uff01-\uff5e」』）])\s*[-_|｜－—]\s*([^-_|｜－—\s]{2,12})$")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·»:]{1,2}|[-–—])\s+")
_SEPARATOR_END = re.compile(rf"{_TITLE_SEPARATOR.pattern}$")  # 'Headline | ' before the site's name
_SEPARATOR_START = re.compile(rf"^{_TITLE_SEPARATOR.pattern}")  # ' | Headline' after it
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Mrs|Ms|No|vs)\.$")
_HEAD_DEBRIS = ("meta.", "social.", "media.", "caption.", "nav.", "ads.", "teaser.", "widget.", "dup.")


@cache
def _byline_prefix(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"^(?:{lex.alternation('byline', 'prefixes')})(?!\w)\s*[:：]?\s*", re.I)


@cache
def _name_joiners(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(re.escape(j) for j in sorted(set(lex.items("byline", "joiners")), key=len, reverse=True))
    return re.compile(rf"\s*(?:[,;&]|(?<!\w)(?:{words})(?!\w))\s*", re.I)


def _names(text: str, lex: Lexicon) -> list[str]:
    """Split 'A, B and C' into names; empty when any part does not read as a name (in a
    cased script every word is capitalised; in a caseless one, up to four words)."""
    text = text.strip().strip(".").strip()
    particles = lex.set("byline", "particles")
    parts = [p.strip(" .") for p in _name_joiners(lex).split(text) if p and p.strip(" .")]
    if not parts or len(parts) > 6:
        return []
    parts = [p for p in parts if not CREDENTIAL.match(p)] if len(parts) > 1 else parts
    if not parts:
        return []
    for part in parts:
        words = _WORD.findall(part)
        if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in part):
            return []
        if part.upper() == part.lower():  # a script without capitals (Arabic, Hindi, Thai)
            if len(words) > 4 or len(part) > 40:
                return []
            continue
        capital = sum(1 for w in words if w[0].isupper() or w.lower().rstrip(".") in particles)
        if capital < len(words) or len(part) > 60:
            return []
    return parts


def read_byline(block: Block, doc: Doc) -> Any:
    """'By A and B', 'BY: Agency', '(This article was written by A and B.)',
    'Penulis: A', a bare role label such as '- Writer', a desk alone ('Redacción'), or
    the writer's role right under a byline ('By Jane Doe' / 'Senior Trends Reporter')."""
    f = block.feat
    if block.kind == "table" or f.chars > 300:
        return False
    if block.index > 0 and doc.blocks[block.index - 1].removed_by == "meta.byline" and _role_line(block, doc):
        return True
    if ";" in block.text and f.words <= 40:
        return _credit_line(_unwrap(block.text.strip()), doc)
    wrapped = block.text.strip()
    if wrapped[:1] == "(" and wrapped[-1:] == ")" and f.words <= 40:
        credit = _credit_line(_unwrap(wrapped), doc)  # '(Editing by Jane Doe)'
        if credit:
            return credit
    if (f.words > 16 or f.chars > 160) and not _segmented(block.text):
        return False
    lex = doc.lex
    k = block.key
    if k in lex.set("byline", "author_roles") or k in lex.set("byline", "other_roles"):
        return True  # a role label whose name was an image or a link the dump lost
    words = block.text.split()
    if (
        2 <= len(words) <= 3
        and all(w[0].islower() for w in words[1:])
        and k.rsplit(" ", 1)[-1] in lex.set("byline", "author_roles")
    ):
        return True  # 'Senior correspondent' under the writer's name (not 'Jane Doe, reporter' or '김철수 기자')
    if k in lex.set("byline", "desks"):
        return True  # the newsroom signs the story: a byline that names no person
    credit = lex.patterns("byline", "credit_patterns")
    if credit is not None and credit.search(block.text.strip()):
        return True  # 'Associated Press writer Jane Roe contributed to this report.
    text = _unwrap(block.text.strip()).replace("：", ":")  # CJK full-width colon: '责任编辑：王芳'
    if ":" not in text and not has(doc, "byline", "prefixes", block, start=True, text=text):
        return (
            _role_and_name(text, doc)
            or _name_and_role(text, doc)
            or _name_and_source(text, doc)
            or _outlet_with_agency(text, doc)
            or (
                doc.prose_before(block.index) <= doc.config.byline_head_share
                and _prose_blocks_before(doc, block.index) <= doc.config.byline_head_paragraphs
                and (_name_in_place(text, doc) or _caseless_place_and_source(text))
            )
        )
    m = _byline_prefix(lex).match(text)
    role = None
    if not m:
        head, sep, rest = text.partition(":")
        role = key(head) if sep else None
        if role not in lex.set("byline", "author_roles") and role not in lex.set("byline", "other_roles"):
            return False
        rest = rest.strip()
    else:
        rest = text[m.end() :]
    meta: dict[str, Any] = {}
    date = find_date(rest, lex)
    if date is not None:
        meta["published"] = date.iso
        rest = _trailing_label(lex).sub("", rest[: date.start])  # 'Jane Doe on' -> 'Jane Doe'
    rest = _BYLINE_TAIL.sub("", _CONTACT.sub(" ", rest)).strip(" -–—,·|")
    if key(rest) in lex.set("byline", "desks"):
        return meta or True  # 'by admin', 'Por Redacción': signed by no person
    names = _names(_without_affiliation(rest, lex), lex)
    if m and _label_word(m.group(0), names, doc):
        return False  # 'Text Messaging': a heading whose first word is a byline label elsewhere
    if not names:
        # 'Por g1, com agências internacionais': an outlet signs the story, no person does
        return (meta or True) if m and _affiliation(rest, lex) and len(rest.split()) <= 6 else False
    if role is None or role in lex.set("byline", "author_roles"):
        meta["authors"] = names
    return meta or True


def _prose_blocks_before(doc: Doc, index: int) -> int:
    """Live paragraphs shaped like running text above block ``index``."""
    return sum(1 for b in doc.blocks[:index] if b.removed_by is None and b.feat.prose)


def _label_word(prefix: str, names: list[str], doc: Doc) -> bool:
    """A prefix that is a noun in some language ('Text', German for the writer's credit),
    without a colon, before one word: 'Text Messaging' is a heading, not 'Text: Messaging'.
    A preposition ('By Reuters') is a stopword of its language and may head one word."""
    label = prefix.strip()
    if not label or label[-1] in ":：" or len(names) != 1 or len(names[0].split()) != 1:
        return False
    return label.split()[-1].casefold() not in doc.stopwords


def _segmented(text: str) -> bool:
    """'By A, CFP – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by B': a byline line
    of a few short parts between bars, longer than one byline alone."""
    parts = text.split(" | ")
    return 2 <= len(parts) <= 4 and len(text) <= 240 and all(len(p.split()) <= 14 for p in parts)


def _unwrap(text: str) -> str:
    """'(This article was written by A.)' -> its inside; 'By A (Bloomberg)' stays."""
    if len(text) > 1 and (text[0], text[-1]) in (("(", ")"), ("[", "]")):
        return text[1:-1].strip()
    return text


_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")
_DASH_TAIL = re.compile(r"\s+[-–—]\s+[A-ZÀ-Þ][\w'’.]*(?:\s+[A-ZÀ-Þ][\w'’.]*){0,2}\s*$")


def _affiliation(part: str, lex: Lexicon) -> bool:
    """Whether a comma-separated part of a byline is the writer's role or outlet
    ('Staff Writer', 'Tokyo correspondent', 'Associated Press'), not a name."""
    words = key(part).split()
    if not words:
        return False
    roles = lex.set("byline", "author_roles") | lex.set("byline", "other_roles") | lex.set("byline", "desks")
    return key(part) in roles or words[-1] in roles or not lex.set("byline", "outlets").isdisjoint(words)


def _without_affiliation(rest: str, lex: Lexicon) -> str:
    """'Jane Doe, Staff Writer' -> 'Jane Doe'; 'A and B, Associated Press' -> 'A and B';
    'Jane Doe (Bloomberg)' -> 'Jane Doe'; 'Martin Fritz, Tokio' -> 'Martin Fritz'; 'Ana
    Souza — Brasília' -> 'Ana Souza'. A byline that is only an outlet stays whole."""
    rest = _PAREN_TAIL.sub("", rest) or rest
    dash = _DASH_TAIL.search(rest)
    if dash and len(rest[: dash.start()].split()) >= 2 and not _affiliation(dash.group(0).strip(" -–—"), lex):
        rest = rest[: dash.start()]  # 'Ana Souza — Brasília': the place (an agency after it stays: '– KYODO')
    parts = rest.split(",")
    while len(parts) > 1 and _affiliation(parts[-1], lex):
        parts.pop()
    if len(parts) == 2 and len(parts[0].split()) >= 2 and len(parts[1].split()) == 1:
        parts.pop()  # 'Von Martin Fritz, Tokio': one word after a full name is the place
    return ",".join(parts)


def _name_and_role(text: str, doc: Doc) -> Any:
    """'Jane Doe, Tokyo correspondent' or 'Jane Doe | Staff Writer': names, a comma or bar,
    and the writer's role; names and their outlet after a comma ('Jane Doe, The Japan
    Times'); or, in scripts without capitals, names and the role after them ('김철수 기자').
    (A dash or bar before an outlet is as often a headline's site suffix: 'Council Extends
    Library Hours | City News'; after a bar only a role counts.)"""
    head, comma, tail = text.rpartition(",")
    bar = not comma and " | " in text  # 'Jane Doe | Staff Writer': a role only, not an outlet
    if bar:
        head, _, tail = text.rpartition(" | ")
    elif not comma:
        return _caseless_name_and_role(text, doc)
    if len(text.split()) > 8:
        return False
    words = key(tail).split()
    role = bool(words) and words[-1] in doc.lex.set("byline", "author_roles")
    if bar and not role:
        return False
    if not role and not (words and _affiliation(tail, doc.lex) and all(w[:1].isupper() for w in tail.split())):
        return False
    names = _names(head, doc.lex)
    if not names or len(names) > 2:
        return False
    if not role and any(not 2 <= len(n.split()) <= 3 or _affiliation(n, doc.lex) for n in names):
        return False  # 'Trump, The New York Times', 'Japan Today, News' name no writer
    return {"authors": names}


def _role_and_name(text: str, doc: Doc) -> Any:
    """'Editor Aditya Jaya Iswara', 'Reporter Jane Doe', 'Medically reviewed by Jane Roe, MD':
    a role label of up to three words, no colon, then names; an author role gives the
    authors, another role only removes the line."""
    words = text.split()
    lex = doc.lex
    authors, others = lex.set("byline", "author_roles"), lex.set("byline", "other_roles")
    for size in (3, 2, 1):
        role = key(" ".join(words[:size]))
        if len(words) > size and (role in authors or role in others):
            names = _names(" ".join(words[size:]), lex)
            if not names or len(names) > 3:
                return False
            return {"authors": names} if role in authors else True
    return False


def _name_and_source(text: str, doc: Doc) -> Any:
    """'Thanh Tâm (Theo Reuters, Kyodo)': a writer's name and, in parentheses, where the
    story comes from, opened by a byline word ('theo', 'by', 'via')."""
    m = _PAREN_TAIL.search(text)
    if m is None or not _byline_prefix(doc.lex).match(m.group(0).strip(" ()")):
        return False
    names = _names(text[: m.start()], doc.lex)
    if not names or len(names) > 2 or any(_affiliation(n, doc.lex) for n in names):
        return False  # 'Japan Today (By Kyodo)' names an outlet, not a writer
    return {"authors": names}


@cache
def _in_place(lex: Lexicon) -> re.Pattern[str]:
    """'<names> in <Place>' with the language's words for 'in' (``byline.place_links``)."""
    links = lex.alternation("byline", "place_links") or "in"
    place = r"[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+)?"
    return re.compile(rf"^(?P<names>.{{3,80}}?)\s+(?:{links})\s+(?P<place>{place})$")


def _name_in_place(text: str, doc: Doc) -> Any:
    """'Justin McCurry in Tokyo', 'Jane Doe and John Roe in Washington': writers and
    the place they file from, the way some papers sign under the standfirst (so only
    above most of the prose: further down, 'Top Movers in New York' is a subheading)."""
    m = _in_place(doc.lex).match(text)
    if m is None:
        return False
    names = _names(m["names"], doc.lex)
    if not names or len(names) > 3 or not all(2 <= len(_WORD.findall(n)) <= 3 for n in names):
        return False
    return {"authors": names}


_PLACE_SOURCE = re.compile(r"^(\S+(?:\s\S+)?)\s[-–—]\s(\S+(?:\s\S+){0,2})$")


def _caseless_place_and_source(text: str) -> bool:
    """'القاهرة - محمد أحمد', 'دبي - العربية.نت': in a script without capitals, a place of
    one or two words, a dash, and the writer or the outlet, as Arabic papers head a story
    (no name is taken: the script cannot tell a name from an outlet)."""
    if any(c.isupper() or c.islower() or c.isdigit() for c in text) or UNSPACED.search(text):
        return False  # (CJK writes no spaces: 'Title - Site' would read as one word and a source)
    return _PLACE_SOURCE.match(text) is not None


def _outlet_with_agency(text: str, doc: Doc) -> bool:
    """'Le Monde avec AFP', 'The Star with Reuters': an outlet's name, a word for 'with',
    then wire agencies: the story's credit, naming no writer."""
    lex = doc.lex
    words = text.split()
    with_words = lex.set("byline", "agency_links")
    if len(words) > 8 or with_words.isdisjoint(text.lower().split()):
        return False
    links = [n for n, w in enumerate(words) if key(w) in with_words]
    if not links or not 1 <= links[0] <= 4 or len(words) > links[0] + 4:
        return False
    agencies = [key(w) for w in re.split(r"[\s,/&]+", " ".join(words[links[0] + 1 :])) if key(w)]
    agencies = [a for a in agencies if a not in lex.set("byline", "joiners")]
    outlets = lex.set("byline", "outlets")
    return bool(agencies) and all(a in outlets for a in agencies) and all(w[:1].isupper() for w in words[: links[0]])


def _caseless_name_and_role(text: str, doc: Doc) -> Any:
    """'김철수 기자', '김철수·이영희 기자': one to three names of two to five letters in a
    script without capitals (where a name cannot be told by its capital), then a role."""
    words = text.split()
    if not 2 <= len(words) <= 4 or key(words[-1]) not in doc.lex.set("byline", "author_roles"):
        return False
    parts = [p for p in _name_joiners(doc.lex).split(" ".join(words[:-1])) if p]
    if not 1 <= len(parts) <= 3:
        return False
    for part in parts:
        if not 2 <= len(part) <= 5 or not part.isalpha() or part.upper() != part.lower():
            return False
    return {"authors": parts}


byline = block_rule(
    "meta.byline",
    "a byline or author/editor role line (kept as the authors field)",
    any_of(
        keys("byline", "author_roles"),
        keys("byline", "other_roles"),
        keys("byline", "desks"),
        words("byline", "prefixes"),
        words("byline", "author_roles"),  # 'Reporter Jane Doe', '김철수 기자'
        words("byline", "other_roles"),  # 'Editor Aditya Jaya Iswara'
        short_with("byline", "agency_links", 8),  # 'Le Monde avec AFP'
        where(lambda b: (":" in b.text or "," in b.text) and b.feat.words <= 16),
        short_with("byline", "place_links", 9),  # 'Justin McCurry in Tokyo'
        where(lambda b: b.feat.words <= 5 and _PLACE_SOURCE.match(b.text) is not None),  # 'القاهرة - محمد أحمد'
    ),
)(read_byline)


@cache
def _place_tail(lex: Lexicon) -> re.Pattern[str]:
    """' in London' at the end of a credit, with the language's words for 'in' and 'from'."""
    return re.compile(rf"\s+(?:{lex.alternation('byline', 'place_links')})\s+[A-ZÀ-Þ][\w.' -]*$")


def _credit_line(text: str, doc: Doc) -> Any:
    """A wire credit: '(Reporting by A in London; Additional reporting by B; Editing by C)'.
    Every part must be a role and names; the reporters become the authors."""
    lex = doc.lex
    prefix = _byline_prefix(lex)
    others = sorted(lex.set("byline", "other_roles"), key=len, reverse=True)
    authors: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        m = prefix.match(part)
        low = part.lower()
        role = next((r for r in others if low.startswith(r + " ") or low.startswith(r + ":")), None)
        if role is not None and (m is None or len(role) >= m.end()):
            rest, is_author = part[len(role) :].lstrip(" :"), False
        elif m is not None:
            rest, is_author = part[m.end() :], True
        else:
            return False
        names = _names(_place_tail(lex).sub("", rest.strip()), lex)
        if not names:
            return False
        if is_author:
            authors += names
    return {"authors": authors} if authors else True


@block_rule(
    "meta.dateline",
    "the publication date line (kept as the published field)",
    where(lambda b: (b.feat.digits and b.feat.words <= 20) or b.feat.words <= 3),
)
def dateline(block: Block, doc: Doc) -> Any:
    """A short line that is a date with at most a weekday, time, zone and label; a
    second date on it ('Published ... - Updated ...') is allowed, the first one counts;
    a line labelled as an update yields the publication date only if no other line does;
    a date followed by a byline ('June 2, 2025 by Jane Doe') gives the authors too.
    A head line of parts split by bars ('News Desk | Tokyo | Updated: 02-06-2025 07:13
    IST') is one too when every other part is a short name (desk, place, author) or a
    reading time ('2 Jun 2025 · 3 min read'). A label alone ('Published:') over the date
    line goes too, and a label with a time of day only ('Last updated: 14:55 BST')."""
    f = block.feat
    if block.kind == "p" and not f.digits:  # 'Published:' or 'UPDATED' over the date line
        return (block.text.endswith(":") or block.key in doc.lex.set("dateline", "labels")) and _label_over_date(
            block, doc
        )
    if block.kind == "table" or f.words > 20 or f.chars > 160 or not f.digits:
        return False
    if f.chars <= 100:
        found = _date_only(block.text, doc.lex)
        if found is not None:
            return {_date_field(block.text, doc.lex): found}
        signed = _date_then_byline(block.text, doc)
        if signed:
            return signed
        placed = _place_then_date(block.text, doc.lex) if f.chars <= 60 else None
        if placed is not None:
            return {"published": placed}  # 'New Delhi, April 9, 2025'
        if f.chars <= 60 and _yearless_only(block.text, doc.lex):
            return True  # 'Jun. 2 05:40 pm JST': the date line, though it gives no full date
        if f.chars <= 60 and _labelled_time(block.text, doc.lex):
            return True  # 'Last updated: 14:55 BST': a live page's stamp (a bare '14:55' heads an entry)
    if not _HEAD_PARTS.search(block.text):
        return False
    parts = [p.strip() for p in _HEAD_PARTS.split(block.text) if p.strip()]
    dates = [_date_only(p, doc.lex) for p in parts]
    label = doc.lex.patterns("teaser", "patterns")  # '2 Jun 2025 · 3 min read'
    if not any(dates) or not all(
        d or _short_name(p) or (label is not None and label.search(key(p))) for d, p in zip(dates, parts, strict=True)
    ):
        return False
    meta: dict[str, Any] = {"published": next(d for d in dates if d)}
    for part, d in zip(parts, dates, strict=True):
        m = None if d else _byline_prefix(doc.lex).match(part)
        names = _names(part[m.end() :], doc.lex) if m else []
        if names:  # 'By Jane Doe | June 2, 2025'
            meta["authors"] = names
            break
    return meta


def _date_then_byline(text: str, doc: Doc) -> dict[str, Any] | None:
    """'June 2, 2025 by Jane Doe': a date, then a byline word and names."""
    date = find_date(text, doc.lex)
    if date is None or _leftover(text[: date.start], doc.lex):
        return None
    tail = text[date.end :].strip(" ,|·-–—")
    m = _byline_prefix(doc.lex).match(tail)
    names = _names(tail[m.end() :], doc.lex) if m else []
    return {"published": date.iso, "authors": names} if names else None


def _date_field(text: str, lex: Lexicon) -> str:
    """'updated' for a date labelled as an update ('Diperbarui 02 Jun 2025, 07:13'), which
    gives ``published`` only when no line gives the publication date; else 'published'."""
    update = lex.prefixes("dateline", "update_labels")
    return "updated" if update is not None and update.match(text) else "published"


_HEAD_PARTS = re.compile(r"\s*[|•]\s*|\s+[·/]\s+")  # 'Ahmet Yılmaz |02.06.2025': a bar needs no spaces


def _short_name(part: str) -> bool:
    """A desk, place or author between the bars of a head line: up to four capitalised words."""
    words = _WORD.findall(part)
    return 1 <= len(words) <= 4 and not any(c.isdigit() for c in part) and all(w[0].isupper() for w in words)


def _yearless_only(text: str, lex: Lexicon) -> bool:
    """A month-day date with a time and nothing else but labels, weekdays and zones."""
    span = find_yearless(text, lex)
    return span is not None and len(_leftover(text[: span[0]] + " " + text[span[1] :], lex)) <= 1


_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d:])", re.I)


def _labelled_time(text: str, lex: Lexicon) -> bool:
    """A date-line label and a time of day with nothing else but zones, weekdays and am/pm
    (and one word such as 'Uhr'): 'Last updated: 14:55 BST', 'Aktualisiert 14.32 Uhr'."""
    clock = _CLOCK.search(text)
    if clock is None or not _labels(lex).search(text):
        return False
    return len(_leftover(text[: clock.start()] + " " + text[clock.end() :], lex)) <= 1


def _leftover(rest: str, lex: Lexicon) -> list[str]:
    """The words of a date line that are not labels, weekdays, zones, am/pm or an
    outlet's word ('Reuters Published June 2, 2025')."""
    rest = _labels(lex).sub(" ", rest)
    allowed = lex.set("dateline", "weekdays") | lex.set("byline", "outlets")
    return [
        w
        for w in _WORD.findall(rest)
        if key(w) not in allowed and not _TIMEZONE.match(w.strip(".")) and key(w) not in lex.set("dateline", "am_pm")
    ]


_PLACE_WORDS = 3  # 'Rio de Janeiro, 9 April 2025': the place a date line opens with


def _place_then_date(text: str, lex: Lexicon) -> str | None:
    """The ISO date of 'New Delhi, April 9, 2025' / 'नई दिल्ली, 9 अप्रैल 2025': a place of
    up to three words (none opening in lower case but particles), a comma or dash, and a
    date with nothing after it but a time, labels and zones."""
    date = find_date(text, lex)
    if date is None:
        return None
    head = text[: date.start].rstrip()
    if not head.endswith((",", "-", "–", "—")) or len(_leftover(text[date.end :], lex)) > 0:
        return None
    words = head.rstrip(",-–— ").split()
    particles = lex.set("byline", "particles")
    if not 1 <= len(words) <= _PLACE_WORDS or any(w[0].islower() and w not in particles for w in words):
        return None
    return date.iso


def is_date_line(block: Block, doc: Doc) -> bool:
    """A short line that is a date and nothing else but labels, weekdays and zones (for
    rules that run before ``meta.dateline`` and stop at the article's head)."""
    f = block.feat
    return block.kind == "p" and bool(f.digits) and f.chars <= 100 and _date_only(block.text, doc.lex) is not None


def _date_only(text: str, lex: Lexicon) -> str | None:
    """The ISO date of a text that is a date and nothing else but labels, weekdays, zones
    (and a relative time: 'Updated 2 hours ago')."""
    date = find_date(text, lex)
    if date is None:
        return None
    rest = text[: date.start] + " " + text[date.end :]
    again = find_date(rest, lex)
    if again is not None:
        rest = rest[: again.start] + " " + rest[again.end :]
    relative = lex.patterns("relative_time", "patterns") if lex.mentions("relative_time", rest) else None
    if relative is not None:
        rest = relative.sub(" ", rest)  # '02/06/2025 07h13 Atualizado há 2 horas'
    return date.iso if len(_leftover(rest, lex)) <= 1 else None


@cache
def _labels(lex: Lexicon) -> re.Pattern[str]:
    """The date-line labels ('Published', 'Mis à jour le') as one pattern, longest first."""
    return re.compile(rf"(?<!\w)(?:{lex.alternation('dateline', 'labels')})(?!\w)", re.I)


@cache
def _trailing_label(lex: Lexicon) -> re.Pattern[str]:
    """A date-line label left at the end of a byline once its date is cut ('... on')."""
    return re.compile(rf"(?:\s+|^)(?:{lex.alternation('dateline', 'labels')})\s*[,:]?\s*$", re.I)


_OUTLET_TAIL = re.compile(r"\s+[-–—|]\s+\S+$")


def _head_line(doc: Doc, rules: tuple[str, ...]) -> int | None:
    """The first block these rules removed, when no prose comes before it: a line of
    the article's head (byline, date), not of a teaser further down."""
    for i, block in enumerate(doc.blocks):
        if block.removed_by in rules:
            return i
        if block.removed_by is None and block.feat.sentences >= 2 and block.feat.words >= 25:
            return None
    return None


def _role_line(block: Block, doc: Doc) -> bool:
    """A writer's role alone on a line, under the name: 'Japan Correspondent', 'Senior
    Life and Trends Reporter' (up to six words, the last an author role, no sentence end)."""
    words = block.text.split()
    return (
        block.kind == "p"
        and 1 <= len(words) <= 6
        and not block.feat.ends_sentence
        and not block.feat.digits
        and key(words[-1]) in doc.lex.set("byline", "author_roles")
    )


def _bare_names(block: Block, doc: Doc) -> list[str]:
    """Names alone on a line ('Rina Kusuma', 'Jane Miller - Reuters'), short enough
    that a headline in title case rarely looks the same."""
    text = _OUTLET_TAIL.sub("", block.text.strip())
    if block.kind != "p" or block.feat.words > 8 or text.endswith((".", "!", "?")) or ":" in text or "：" in text:
        return []  # a colon makes a label ('Editor: ...'), never part of a name
    names = _names(text, doc.lex)
    if not doc.lex.set("share", "networks").isdisjoint(block.feat.vocab):
        return []  # 'WhatsApp Channel' is a button
    return names if all(2 <= len(_WORD.findall(n)) <= 3 for n in names) else []


@section_rule("meta.author_line", "an author's name standing alone beside the date line (kept as the authors field)")
def author_line(doc: Doc):
    """A line of names right above or below the head date line (above it, also with a
    role line between: 'Walter Sim' / 'Japan Correspondent' / date). Above it, a headline
    or standfirst must stand over the names, so that a title in title case is not taken
    for them."""
    if doc.meta.get("authors"):
        return
    d = _head_line(doc, ("meta.dateline",))
    if d is None:
        return
    above, below = doc.prev_live(d), doc.next_live(d)
    role = above if above is not None and _role_line(doc.blocks[above], doc) else None
    if role is not None:  # 'Walter Sim' / 'Japan Correspondent' / date: the role line goes with the name
        above = doc.prev_live(role)
    if above is not None and _bare_names(doc.blocks[above], doc):
        top = doc.prev_live(above)
        if top is not None and not _bare_names(doc.blocks[top], doc) and doc.blocks[top].feat.words >= 3:
            yield above, {"authors": _bare_names(doc.blocks[above], doc)}
            if role is not None:
                yield role
            return
    if role is not None:
        return
    if below is not None and _bare_names(doc.blocks[below], doc):
        after = doc.next_live(below)
        if after is not None and doc.blocks[after].feat.words >= 15:
            yield below, {"authors": _bare_names(doc.blocks[below], doc)}


def _relative_time(doc: Doc) -> re.Pattern[str] | None:
    return doc.lex.patterns("relative_time", "patterns")


def _timestamp_split(block: Block, doc: Doc) -> tuple[str, bool]:
    """(text before a trailing relative time, whether the block ends with one)."""
    f = block.feat
    if block.kind == "table" or f.words > 8 or f.sentences or not doc.lex.mentions("relative_time", block.text):
        return "", False
    pattern = _relative_time(doc)
    if pattern is None:
        return "", False
    m = None
    for m in pattern.finditer(block.text):  # noqa: B007 - the last match
        pass
    if m is None or block.text[m.end() :].strip(" .)]|·•"):
        return "", False
    return block.text[: m.start()].strip(" -–—|·•,:"), True


@block_rule(
    "meta.site",
    "the source or site name above the article, with its timestamp (kept as the site field)",
    mentions("relative_time"),
)
def site_line(block: Block, doc: Doc) -> Any:
    """Before the first paragraph of prose: '<Site name><relative time>', as in
    'The Mainichia day ago' (the dump glued the name to 'a day ago')."""
    source, stamped = _timestamp_split(block, doc)
    if not stamped or not source or len(source.split()) > 5 or not source[0].isupper():
        return False
    if any(b.removed_by is None and b.feat.prose for b in doc.blocks[: block.index]):
        return False
    return {"site": source}


@block_rule("teaser.timestamp", "a relative timestamp ('8 hours ago') of a teaser or widget", mentions("relative_time"))
def relative_timestamp(block: Block, doc: Doc) -> bool:
    """A short line that is a relative time, possibly after a one-word label."""
    source, stamped = _timestamp_split(block, doc)
    return stamped and len(source.split()) <= 1


@block_rule(
    "teaser.label",
    "a teaser card's label: reading time or a view/like counter",
    where(lambda b: b.feat.words <= _TEASER_LABEL_WORDS),
)
def teaser_label(block: Block, doc: Doc) -> bool:
    """'5 min read', 'weiterlesen 3 Minuten', '1,204 views', 'Ten tekst przeczytasz w
    mniej niż minutę' (you will read this in under a minute); a bare '4 min' only right
    under a label a rule removed ('Listen to this article')."""
    if block.feat.words > _TEASER_LABEL_WORDS or block.kind == "table":
        return False
    pattern = doc.lex.patterns("teaser", "patterns")
    if pattern and pattern.search(block.key):
        return True
    # a bare duration ('4 min') under the player's or card's label that a rule removed
    above = doc.blocks[block.index - 1].removed_by if block.index else None
    durations = doc.lex.patterns("teaser", "durations")
    named = above is not None and above != "teaser.label" and not above.startswith("core.")
    return bool(named and durations and durations.search(block.key))


_HEADLINE_PART_WORDS = 3  # a two-sentence headline has a part this short ('What now?')
_TEASER_LABEL_WORDS = 7  # a reading time or counter label is short
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CLOCK_START = re.compile(r"^\d{1,2}[:.]\d{2}\b(?!\.\d)")


def _title_like(block: Block) -> bool:
    f = block.feat
    text = block.text
    if block.kind != "p" or not 2 <= f.words <= 30 or f.chars > 250 or f.links > 0 or f.sentences > 2:
        return False
    if f.sentences == 2 and (f.words > 20 or text.rstrip("'\"’”").endswith(".") or not _short_part(text)):
        return False  # 'X after the pandemic. The results? Sobering' is a headline; two statements are not
    if len(_LETTERS.findall(text)) < 2 and len(UNSPACED.findall(text)) < 6:
        return False  # one word is a label; a CJK headline is one run of letters
    if text.endswith(("。", "．", "।")) or _CLOCK_START.match(text):
        return False  # '10:32 Stocks rise in early trade' is a ticker item
    if text.endswith(":") and f.words >= _LEAD_IN_WORDS:
        return False  # 'The blotter is as follows:' leads into what comes next; a headline does not
    return not text.endswith(".") or bool(_ABBREVIATION_END.search(text))


def _short_part(text: str) -> bool:
    """One of a two-sentence line's parts is a word or three ('Brexit. What now?'): a
    headline's; 'Variablen sind kein Problem für dich? Dann schau doch mal ...!' is an intro."""
    end = first_sentence_end(text)
    if end is None or text[end:].lstrip()[:1].islower() or _ABBREVIATION_END.search(text[:end].rstrip()):
        return True  # 'X vs. Y: Which Is Best?': an abbreviation, one sentence
    return min(len(text[:end].split()), len(text[end:].split())) <= _HEADLINE_PART_WORDS


def _top_line_title_like(doc: Doc, block: Block) -> bool:
    """A headline-like line on top of the body: not a recipe's first ingredient
    ('1 large or 1200 g whole chicken'), which opens its list."""
    return _title_like(block) and not doc.lex.quantities[0].match(block.text)


def _split_site(title: str) -> tuple[str, str | None]:
    """'Headline | Site' -> ('Headline', 'Site') when the tail is short."""
    cjk = _CJK_SITE.match(title)
    if cjk:  # '武汉的声音：有英勇的你，才有英雄的城！-新华网'
        return cjk.group(1), cjk.group(2)
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) >= 2:
        head, tail = title[: title.rfind(parts[-1])].rstrip(" |·»:-–—"), parts[-1]
        if len(tail.split()) <= 4 and len(tail) <= 40 and len(head.split()) >= 3:
            return head, tail
    return title, None


def without_site(title: str, site: str | None) -> str:
    """'Tastify | Top 7 Catering Trends' -> 'Top 7 Catering Trends' when the site is Tastify:
    the site's name before or after the headline, behind a separator, is not the title."""
    if not site or not title or title.casefold() == site.casefold():
        return title
    folded, name = title.casefold(), site.casefold()
    if folded.endswith(name):
        m = _SEPARATOR_END.search(title[: len(title) - len(site)])
        if m and len(title[: m.start()].split()) >= 2:
            return title[: m.start()]
    if folded.startswith(name):
        m = _SEPARATOR_START.match(title[len(site) :])
        if m and len(title[len(site) + m.end() :].split()) >= 2:
            return title[len(site) + m.end() :]
    return title


def _similar(a: str, b: str) -> bool:
    """Two keys say the same title: equal, or sharing nearly all their words."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    if len(wa) < 3 or len(wb) < 3:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.75


_SECTION_PREFIX = re.compile(r"^(?P<label>[^|»›]{2,30}?)\s+[|»›]\s+(?P<rest>[^|»›]+)$")


def _as_title(doc: Doc, i: int) -> dict[str, Any]:
    headline, site = _split_site(doc.blocks[i].text)
    m = _SECTION_PREFIX.match(headline) if site is None else None
    if m and len(m["label"].split()) <= 3 and len(m["rest"].split()) >= 4:
        headline = m["rest"]  # 'World News | Japan rules out ...': a section label over the headline
    meta: dict[str, Any] = {"title": headline}
    if site:
        meta["site"] = site
    doc.meta.setdefault("_title_index", i)
    return meta


# 'TOKYO (Kyodo) -- ', 'JAKARTA - ', or an outlet's domain and a place: 'Liputan6.com, Tokyo - '
LEAD_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]{2,40}(?:\s*\([^()]{2,30}\))?\s*(?:--|[-–—:])\s"
    r"|[\w-]{2,30}\.(?:com|co\.id|id|my|net|org|co)\s*,\s*[A-ZÀ-Þ][\w'’-]*(?: [A-ZÀ-Þ][\w'’-]*){0,2}\s*(?:--|[-–—])\s)"
)
_LEAD_IN_WORDS = 5  # a line this long ending in a colon is a lead-in sentence, not a label
_LEAD_HEADLINES = 3  # headline-like lines settled at the top of the body after the core
_TITLE_REACH = 5  # live blocks between the first line and a headline that outranks it
_BYLINE_OR_DATE = ("meta.byline", "meta.author_line", "meta.dateline")


def _headline_above_byline(doc: Doc) -> int | None:
    """The headline right above the page's first byline or date line, when that line
    comes before the article's prose: pages open with menus, so the title is found by what
    stands under it. Between them may stand one sentence (a standfirst or a caption) and
    one line naming the outlet ('The Yomiuri Shimbun', 'Reuters')."""
    i = _head_line(doc, _BYLINE_OR_DATE)
    j = doc.prev_live(i) if i is not None else None
    sentence = outlet = False
    while j is not None and (not _title_like(doc.blocks[j]) or _outlet_line(doc.blocks[j], doc)):
        candidate = doc.blocks[j]
        f = candidate.feat
        if not outlet and _outlet_line(candidate, doc):
            outlet = True
        elif not sentence and candidate.text.endswith((".", "!", "?")) and 6 <= f.words <= 60 and f.sentences <= 2:
            sentence = True
        else:
            return None
        j = doc.prev_live(j)
    if j is None:
        return None
    if _headline_pair(doc, j):
        j = doc.prev_live(j)  # type: ignore[assignment]  # checked by _headline_pair
    return j if doc.blocks[j].feat.words >= 3 else None


def _outlet_line(block: Block, doc: Doc) -> bool:
    """A line that only names a news outlet or agency: up to four capitalised words, one
    of them an outlet word ('The Yomiuri Shimbun', 'Kyodo News', 'Reuters')."""
    words = _WORD.findall(block.text)
    if not 1 <= len(words) <= 4 or block.text.rstrip().endswith((".", "!", "?", ":")):
        return False
    if not all(w[0].isupper() for w in words):
        return False
    return not doc.lex.set("byline", "outlets").isdisjoint(key(w) for w in words)


_HEADLINE_WORDS = 6  # a headline-like line this long is a headline, not a section label or a site name


def _headline_pair(doc: Doc, j: int) -> bool:
    """Two headline-like lines over the byline, both long, with nothing headline-like
    over them: the first is the title, the second a standfirst written without a full
    stop ('Il Giappone valuta ...' / 'Tokyo pronta a offrire ...'). A run of three or
    more is a teaser list, not a head."""
    p = doc.prev_live(j)
    if p is None or doc.blocks[j].feat.words < _HEADLINE_WORDS:
        return False
    if not (_title_like(doc.blocks[p]) and doc.blocks[p].feat.words >= _HEADLINE_WORDS):
        return False
    q = doc.prev_live(p)
    return q is None or not (_title_like(doc.blocks[q]) and doc.blocks[q].feat.words >= _HEADLINE_WORDS)


def _headline_under_labels(doc: Doc, live: list[int], reach: int = _TITLE_REACH) -> int | None:
    """The first long headline-like line when two or more labels of three words at most
    (the site's name, sections) stand above it, within ``reach`` lines of the top, and
    prose follows within a few lines: a page whose date has no year, or no date at all
    ('Japan Today' / 'National' / headline). One short line over a longer one may be the
    headline over its standfirst."""
    for n, i in enumerate(live[:reach]):
        f = doc.blocks[i].feat
        if f.words > 3:
            if n < 2 or not _title_like(doc.blocks[i]) or f.words < _HEADLINE_WORDS:
                return None
            return i if any(doc.blocks[j].feat.prose for j in live[n + 1 : n + 1 + _TITLE_REACH]) else None
    return None


def _headline_below_date(doc: Doc) -> int | None:
    """The headline right under the page's first date or byline line, when only short
    lines (sections, the site's name) stand above that line and prose follows the
    headline: pages that print the date over the headline ('Thứ hai, 2/6/2025' /
    'Nhật Bản cân nhắc ...')."""
    i = _head_line(doc, _BYLINE_OR_DATE)
    if i is None or any(b.live and b.feat.words > 3 for b in doc.blocks[:i]):
        return None
    j = doc.next_live(i)
    if j is None or not _title_like(doc.blocks[j]) or doc.blocks[j].feat.words < _HEADLINE_WORDS:
        return None
    k = doc.next_live(j)
    for _ in range(3):  # the site's name or a label again between headline and story
        if k is None or doc.blocks[k].feat.words > 3:
            break
        k = doc.next_live(k)
    return j if k is not None and doc.blocks[k].feat.words >= 12 and not _title_like(doc.blocks[k]) else None


def _label_over_date(block: Block, doc: Doc) -> bool:
    """A dateline's label on a line of its own ('Release Date:') over the date line."""
    if block.key not in doc.lex.set("dateline", "labels"):
        return False
    below = doc.next_live(block.index)
    if below is None or doc.blocks[below].feat.chars > 100:
        return False
    return _date_only(doc.blocks[below].text, doc.lex) is not None


@section_rule("meta.title", "the article's title (kept as the title field)")
def title(doc: Doc):
    """The first live block when it reads as a headline, else the headline above the
    byline or date line, or right under it when the date comes first (also when it
    outranks a shorter first line, such as the site's name); a site suffix
    ('Headline | Site') goes to the site field. A text of one block is all body."""
    live = doc.live()
    if len(live) < 2:
        return
    found = _headline_above_byline(doc)
    if found is None:
        found = _headline_below_date(doc)
    if found is None:  # under a whole menu of sections, for the title (not for the body)
        found = _headline_under_labels(doc, live, _MENU_REACH)
        if found is not None and find_date(doc.blocks[found].text, doc.lex) is not None:
            found = None  # '11.09.2011, 16:20 von jovelstefan' is a post's stamp
    if found is None:
        found = _headline_under_masthead(doc, live)
    summary = doc.lex.set("summary", "headings")  # 'Key points' opens a summary box, not the page
    if found is not None and doc.blocks[found].key in summary:
        found = None
    first_is_title = live and _top_line_title_like(doc, doc.blocks[live[0]]) and doc.blocks[live[0]].key not in summary
    if first_is_title and (found is None or found == live[0] or not _outranks(doc, found, live[0], live)):
        yield live[0], _as_title(doc, live[0])
        return
    if found is not None:
        yield found, _as_title(doc, found)


def _headline_under_masthead(doc: Doc, live: list[int]) -> int | None:
    """The long headline-like line right under a first line that names an outlet
    ('KYODO NEWS' / headline), on pages with no byline or dated line to find it by."""
    if len(live) < 2 or not _outlet_line(doc.blocks[live[0]], doc):
        return None
    block = doc.blocks[live[1]]
    return live[1] if _title_like(block) and block.feat.words >= _HEADLINE_WORDS else None


def _outranks(doc: Doc, found: int, first: int, live: list[int]) -> bool:
    """Whether the headline over the byline/date line, a few lines down, is the title
    rather than the page's first line: that line is a name of three words at most (the
    site's, such as 'Japan Today'), a masthead over a section label, or any line over a
    menu (then the headline may stand further down), and only short lines stand between."""
    position = live.index(found) if found in live else _MENU_REACH + 1
    menu = position <= _MENU_REACH and _menu_under(doc, live[1:position])
    if doc.blocks[found].feat.words < 6 or (position > _TITLE_REACH and not menu):
        return False
    if doc.blocks[first].feat.words > 3 and not (menu or _site_and_section(doc, first, found, live)):
        return False  # 'Council Extends Library Hours' over a standfirst is the title
    return all(doc.blocks[i].feat.words <= 8 for i in live[1:position])


_MENU_LABELS = 3  # one- or two-word labels in a row under a first line: a menu
_MENU_REACH = 16  # live blocks between the first line and a headline that a menu separates


def _menu_under(doc: Doc, between: list[int]) -> bool:
    """A menu right under the page's first line ('Skip to content' / 'News' / 'Politics' /
    'Sport' / ... / headline): a headline is followed by its standfirst, byline or date,
    never by a row of section labels, so the first line belongs to the menu."""
    labels = 0
    for i in between:
        f = doc.blocks[i].feat
        if f.words > 2 or f.digits or f.ends_sentence:
            break
        labels += 1
    return labels >= _MENU_LABELS


def _site_and_section(doc: Doc, first: int, found: int, live: list[int]) -> bool:
    """A longer site name over a section label over the headline ('The Japan News by The
    Yomiuri Shimbun' / 'Politics' / headline): the label of one or two words between
    them says the first line is the page's masthead, not a headline with its standfirst."""
    if live[:1] != [first] or len(live) < 3 or live[2] != found:
        return False
    label, masthead = doc.blocks[live[1]], doc.blocks[first]
    return label.feat.words <= 2 and not label.feat.digits and masthead.feat.words <= 8 and not masthead.feat.sentences


@section_rule("meta.lead_headline", "a headline-like line left at the top of the body (the title if none was found)")
def lead_headline(doc: Doc):
    """After the core: a body that opens with a headline-like line would give that line
    away as the title when cleaned again, so it is settled now: it becomes the title, or,
    when the page already had one, it goes (with the section labels over it); so do up to
    two more such lines under it, and any number of lines that the body repeats further
    down (a table of contents over the sections it lists), with the headline-like lines
    that follow them in that list. This keeps cleaning idempotent."""
    has_title = "title" in doc.meta
    live = doc.live()
    if live and doc.blocks[live[0]].key in doc.lex.set("summary", "headings"):
        return  # the story's key points open the body: the core let them in with the lead
    seen = Counter(doc.blocks[i].key for i in live)
    contents = False  # inside a table of contents: its remaining lines go too
    n = 0
    while n < len(live) - 1:  # the last block left is the body (a text of one block has no title)
        block = doc.blocks[live[n]]
        if not _top_line_title_like(doc, block):
            headline = _headline_under_labels(doc, live[n:]) if n < _LEAD_HEADLINES else None
            if headline is None or headline == live[-1]:
                return
            at = live.index(headline)  # 'BLOG' / 'News' over a headline: the labels go with it
            yield from live[n:at]
            n, block = at, doc.blocks[headline]
        elif n >= _LEAD_HEADLINES and seen[block.key] < 2 and not contents:
            return
        contents = contents or (n >= _LEAD_HEADLINES and seen[block.key] >= 2)
        yield live[n] if has_title else (live[n], _as_title(doc, live[n]))
        has_title = True
        n += 1


@section_rule("meta.title_repeat", "the title repeated on the page")
def title_repeat(doc: Doc):
    """Blocks that say the title again (the page's h1 after its <title>, teaser copies)."""
    if "title" not in doc.meta:
        return
    wanted = {key(doc.meta["title"])}
    title_words = frozenset(TOKEN.findall(doc.meta["title"].lower()))
    limit = len(doc.meta["title"]) * 1.6 + 20
    for i in doc.live():
        block = doc.blocks[i]
        if block.kind != "p" or block.feat.chars > limit or block.feat.sentences > 1:
            continue
        if len(title_words & block.feat.vocab) < min(2, len(title_words)):
            continue
        full = block.key
        head = key(_split_site(block.text)[0])
        if any(_similar(full, w) or _similar(head, w) for w in wanted):
            doc.meta.setdefault("_repeat_index", i)
            yield i


@section_rule("meta.subtitle", "the subtitle under the title (kept as the subtitle field)")
def subtitle(doc: Doc):
    """The block right after the title (or its first repeat) when byline, date or share
    debris separates it from the body, and running text follows."""
    anchors = [doc.meta.get("_title_index"), doc.meta.get("_repeat_index")]
    for anchor in anchors:
        if anchor is None:
            continue
        nxt = doc.next_live(anchor)
        if nxt is None:
            continue
        block = doc.blocks[nxt]
        f = block.feat
        if block.kind != "p" or not 4 <= f.words <= 60 or f.sentences > 2 or block.text.endswith(":"):
            continue
        if LEAD_DATELINE.match(block.text):
            continue  # 'TOKYO (Kyodo) -- ...' opens the story: a lead, not a standfirst
        if doc.prose_before(nxt + 1) >= 1.0:
            continue  # no prose under it: the story's only text, not its standfirst
        after = doc.next_live(nxt)
        gap = [b for b in doc.blocks[nxt + 1 : after if after is not None else len(doc.blocks)] if b.line > block.end]
        debris = _HEAD_DEBRIS  # (an ad label the block's sentence went on past is inside it, not after it)
        if any(b.removed_by in _BYLINE_OR_DATE for b in doc.blocks[anchor + 1 : nxt]):
            debris = ("meta.", "social.")  # under the byline, an ad slot after the lead does not make it a standfirst
        if any(b.removed_by and b.removed_by.startswith(debris) for b in gap):
            yield nxt, {"subtitle": block.text}
            return


_DOMAIN_NAME = re.compile(r"\b[\w-]+\.(?:com|net|org|co|id|it|de|fr|es|jp|kr|vn|my|sg|in|news|info|tv)\b", re.I)


@section_rule("meta.masthead", "the site's name over the headline (kept as the site field)")
def masthead(doc: Doc):
    """The page's first line, above the title, when it names a news outlet: a short line
    holding an outlet word or an agency's name ('Japan Today', 'ANTARA News', 'The Korea
    Herald') or a domain ('Kompas.com', 'ANSA.it'). Section labels ('Asia', 'World') name
    none and stay for the core."""
    title = doc.meta.get("_title_index")
    if title is None or "site" in doc.meta:
        return
    first = next((i for i in doc.live() if i < title), None)
    if first is None:
        return
    block = doc.blocks[first]
    if block.kind != "p" or block.feat.sentences or any(c in block.text for c in "|›»>"):
        return  # 'News|Trade War' is a section path
    # one word names an outlet only as an agency in capitals ('BERNAMA'; 'News' is a section)
    outlet = _outlet_line(block, doc) and (block.feat.words > 1 or block.text.strip().isupper())
    if outlet or (block.feat.words <= 5 and _DOMAIN_NAME.search(block.text)):
        yield first, {"site": block.text.strip()}
