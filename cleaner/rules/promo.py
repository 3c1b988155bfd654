"""Promotional paragraphs: press-release ads, contact lines, portal plugs, app prompts,
product upsells. Each needs two signals (a topic and a call to action), so news *about*
press releases, apps or websites keeps its sentences."""

from __future__ import annotations

import re

from ..blocks import Block
from .base import Doc, any_of, block_rule, has, section_rule, words

# A phone number: 9+ digits, optionally grouped by spaces, dots, dashes or parentheses.
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\d\s().-]{7,18})\d(?!\w)")
_DOMAIN = re.compile(
    r"(?<![\w@/])[a-z0-9][\w-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:com|net|org|co|id|io|info|news|tv|me|my|sg|biz|online|site|web\.id|co\.id|or\.id|go\.id|ac\.id)\b",
    re.I,
)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\b(?:please|now|today|also)\s+)\W*$", re.I)


def _has(doc: Doc, group: str, name: str, block: Block) -> bool:
    return has(doc, group, name, block)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


@block_rule(
    "promo.press_release",
    "advertises press-release publication or distribution services",
    words("press_release", "topic"),
)
def press_release_ad(block: Block, doc: Doc) -> bool:
    """Mentions press releases together with an offer or call to action."""
    if block.feat.chars > 600 or block.kind == "table":
        return False
    text = block.text
    return (
        _has(doc, "press_release", "topic", block)
        and _has(doc, "press_release", "offers", block)
        and (
            _has(doc, "contact", "phrases", block)
            or bool(re.search(r"\b(?:please|click|klik|we|our|kami)\b", text, re.I))
            or bool(_DOMAIN.search(text))
            or "bulk" in text.lower()
            or _has_phone(text)
        )
    )


@block_rule("promo.contact", "a promotional contact line with phone or messenger numbers", words("contact", "phrases"))
def contact_line(block: Block, doc: Doc) -> bool:
    """'For information, please contact ...: 0853...' style lines."""
    if block.feat.chars > 400 or block.kind == "table":
        return False
    if block.feat.digits == 0:
        return False
    return _has_phone(block.text) and _has(doc, "contact", "phrases", block)


def _has_phone(text: str) -> bool:
    """Whether the text holds a phone number of nine digits or more."""
    return any(_digits(m.group(0)) >= 9 for m in _PHONE.finditer(text))


@block_rule(
    "promo.portal_plug", "points the reader to the publisher's other portals or channels", words("portal", "cta")
)
def portal_plug(block: Block, doc: Doc) -> bool:
    """A call to action naming a website or channel ('read more news on X.com')."""
    if block.feat.chars > 400 or block.kind == "table" or block.feat.sentences > 3:
        return False
    text = block.text
    if not _has(doc, "portal", "cta", block):
        return False
    return _has(doc, "portal", "venues", block) or ("." in text and bool(_DOMAIN.search(text)))


@block_rule(
    "promo.app_download",
    "asks the reader to download or install an app",
    any_of(words("app", "phrases"), words("app", "stores"), words("app", "nouns")),
)
def app_download(block: Block, doc: Doc) -> bool:
    """'Download our app', a store name with a download verb and the word app, or a
    prompt the group's patterns name ('For the latest news download the X apps for iOS')."""
    if block.feat.chars > 500 or block.kind == "table":
        return False
    text = block.text
    prompt = doc.lex.patterns("app", "patterns")
    if prompt is not None and block.feat.chars <= _APP_PROMPT_CHARS and prompt.search(text):
        return True
    phrases = doc.lex.phrases("app", "phrases") if _has(doc, "app", "phrases", block) else None
    for m in phrases.finditer(text) if phrases else ():
        # An imperative: the phrase opens the block or a sentence, or the block is a short prompt.
        if block.feat.chars <= 120 or _SENTENCE_START.search(text[: m.start()]):
            return True
    if not all(_has(doc, "app", name, block) for name in ("stores", "verbs", "nouns")):
        return False
    # A store, a verb and 'app' in a short prompt ('Get the app on Google Play'), not in an
    # explainer's paragraph ('You download apps from the Apple App Store while ...').
    if block.feat.sentences > 2 or block.feat.chars > _APP_PROMPT_CHARS:
        return False
    verbs = doc.lex.phrases("app", "verbs")
    starts = verbs is not None and any(_SENTENCE_START.search(text[: m.start()]) for m in verbs.finditer(text))
    return starts or block.feat.chars <= _APP_LABEL_CHARS


_APPEAL_CHARS = 800  # a reader-support appeal is one paragraph


@block_rule(
    "promo.upsell",
    "advertises the site's own product, feature or subscription",
    any_of(words("upsell", "phrases"), words("upsell", "offers")),
)
def upsell(block: Block, doc: Doc) -> bool:
    """Short headline-like blocks holding a call ('Try Our AI Features', 'Start your free
    trial'), the pitch right under such a heading or right over such a button, and a short
    pitch holding a call and an offer ('Get unlimited access ... only $1 per month'). An
    offer alone is not enough (reviews quote prices), and a sentence that ends with a full
    stop must address the reader ('you', 'our'): 'Rents rose to $2,000 per month.' is news.
    A paragraph that addresses the reader with two calls or more is an appeal for support
    ('... no paywalls ... give a one-off donation')."""
    f = block.feat
    if block.kind == "table":
        return False
    text = block.text.rstrip()
    if _pitch_over_call(block, doc):
        return True
    under_heading = block.index > 0 and doc.blocks[block.index - 1].removed_by == "promo.upsell"
    if under_heading and _buttons(block, doc):
        return True
    calls = _distinct(doc, "upsell", "phrases", block)
    if not calls:
        return False
    if under_heading and f.chars <= 500 and f.sentences <= 4:
        return True  # the pitch under the box's heading, whoever it addresses
    if calls >= 2 and f.chars <= _APPEAL_CHARS and f.sentences <= 8 and doc.addresses_reader(block):
        return True  # an appeal for the reader's support: two calls or more ('no paywalls ... one-off donation')
    if text.endswith(".") and not doc.addresses_reader(block):
        return False
    if f.chars <= 300 and f.sentences <= 3 and calls + _distinct(doc, "upsell", "offers", block) >= 2:
        return True
    return f.chars <= 160 and (f.sentences <= 1 or text.endswith(":"))


def _pitch_over_call(block: Block, doc: Doc) -> bool:
    """A short pitch holding an offer ('quality journalism', 'by subscribing') right over
    a subscription button ('SUBSCRIBE NOW', at most two lines down): the button says what
    the pitch sells."""
    f = block.feat
    if f.chars > 300 or f.sentences > 2 or f.digits or not _has(doc, "upsell", "offers", block):
        return False  # with a figure it may be the story's last line ('... to $500 per month.')
    below = doc.blocks[block.index + 1 : block.index + 3]
    return any(b.feat.chars <= 60 and b.kind == "p" and _has(doc, "upsell", "phrases", b) for b in below)


def _buttons(block: Block, doc: Doc) -> bool:
    """A row of two or three button labels ('Summarize' / 'Ask') right under an upsell box:
    each a word or two with no sentence end (four or more in a row are a menu, left to the
    core). One label alone may be the article's next subheading, so it stays."""
    start = block.index
    while start > 0 and _button_label(doc.blocks[start - 1]) and doc.blocks[start - 1].removed_by == "promo.upsell":
        start -= 1
    end = block.index
    while end + 1 < len(doc.blocks) and _button_label(doc.blocks[end + 1]):
        end += 1
    return _button_label(block) and 2 <= end - start + 1 <= 3


def _button_label(block: Block) -> bool:
    f = block.feat
    return block.kind == "p" and f.words <= 2 and f.chars <= 24 and not f.ends_sentence and not f.digits


def _distinct(doc: Doc, group: str, name: str, block: Block) -> int:
    """How many different phrases of the list the block holds."""
    pattern = doc.lex.phrases(group, name)
    if pattern is None or not _has(doc, group, name, block):
        return 0
    return len({m.group(0).lower() for m in pattern.finditer(block.text)})


_APP_PROMPT_CHARS = 250  # an app prompt is one or two sentences
_APP_LABEL_CHARS = 100  # ... and a short one needs no imperative ('Available on the App Store and Google Play')
_BOX_REACH = 8  # blocks an AI summary box may span under its heading


@section_rule("promo.ai_summary", "a machine-made summary box of the site's AI feature, not the article's text")
def ai_summary(doc: Doc):
    """A summary box under its heading ('AI Summary', 'Key points generated by AI'):
    the heading, the points, and the box's note ('This summary was generated by AI',
    'Was this summary helpful?'). Without such a note within a few blocks only a heading
    that names the AI goes; the points may be the article's own."""
    lex = doc.lex
    headings = lex.set("ai_summary", "headings")
    for i, block in enumerate(doc.blocks):
        if block.removed_by is not None or block.key not in headings:
            continue
        end = None
        for j in range(i + 1, min(len(doc.blocks), i + 1 + _BOX_REACH)):
            other = doc.blocks[j]
            if other.feat.chars <= 200 and has(doc, "ai_summary", "notes", other):
                end = j
            elif other.feat.sentences > 2 or other.kind == "table":
                break
        if end is not None:
            yield from (j for j in range(i, end + 1) if doc.blocks[j].removed_by is None)
        elif not block.feat.vocab.isdisjoint(lex.set("ai_summary", "names")):
            yield i
