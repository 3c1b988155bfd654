"""Page chrome no article contains: navigation labels, ad labels, consent banners,
comment-box headings, copyright footers, newsletter prompts."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import pairwise

from ..blocks import Block
from ..lexicon import Lexicon, key
from ..words import TOKEN
from .base import Doc, Rule, any_of, block_rule, has, keys, section_rule, term_hit, where, words
from .meta import CREDENTIAL_WORDS

_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d", re.I)


_COUNTER = re.compile(r"\s*[(\[]?\d{1,6}[)\]]?$")


def _short_with_phrase(block: Block, doc: Doc, group: str, max_chars: int) -> bool:
    """A block of at most ``max_chars`` holding a phrase of ``lexicon[group].phrases``."""
    return block.kind != "table" and block.feat.chars <= max_chars and has(doc, group, "phrases", block)


def _phrase_rule(rule_id: str, reason: str, group: str, max_chars: int, doc: str) -> Rule:
    """Declare a rule that removes a block of at most ``max_chars`` holding a phrase of
    ``lexicon[group].phrases``, or a term of its ``terms`` where :func:`term_hit` says;
    ``doc`` gives its examples."""

    def pred(block: Block, d: Doc) -> bool:
        if block.feat.chars > max_chars:
            return False
        return _short_with_phrase(block, d, group, max_chars) or term_hit(block, d, group)

    pred.__doc__ = doc
    return block_rule(rule_id, reason, any_of(words(group, "phrases"), words(group, "terms")))(pred)


_NEWSLETTER_CHARS = 400  # a sign-up box's text
_AD_TEASER_WORDS = 14  # a teaser an ad label opens is short
_CITATION_CHARS = 600  # a reference list's entry is at most this long
_CITATION_GAP_WORDS = 12  # short lines between citations (a publisher, a bare URL label)
_STOPS = (".", "!", "?", "。")
_BLURB_CHARS = 900  # a closing blurb about the author or the company is short
_NAV_PATTERN_WORDS = 12  # a counted or patterned nav label is short ('Showing 1 to 10 of 19 results')

# A line wrapped in quotation marks is someone speaking ('„Ok.“', '"Next!"'), not a button.
_QUOTED = re.compile(r"^[\"'„“”«»‘’‚「『].*[\"'“”«»‘’」』]$", re.S)


def _is_line(block: Block, doc: Doc, group: str) -> bool:
    return block.kind != "table" and block.key in doc.lex.set(group, "lines") and not _QUOTED.match(block.text)


@block_rule(
    "nav.label",
    "a navigation, account, search, pagination or page-feedback label",
    any_of(keys("nav", "lines"), where(lambda b: b.feat.words <= _NAV_PATTERN_WORDS)),
)
def nav_label(block: Block, doc: Doc) -> bool:
    """The whole block is one page-chrome label ('Skip to content', 'Sign in', 'Next'),
    a counted one ('Page 2 of 5', 'Showing 1 to 10 of 19 results') or a shop button
    ('See price at Amazon')."""
    if _is_line(block, doc, "nav"):
        return True
    pattern = doc.lex.patterns("nav", "patterns")
    short = block.kind != "table" and block.feat.words <= _NAV_PATTERN_WORDS
    return short and bool(pattern and pattern.search(block.key))


@section_rule("nav.menu_list", "a menu left as a list above the article: short items, no sentence, before any prose")
def menu_list(doc: Doc):
    """The list that opens the page when it is a menu or a trail of labels ('You are
    here: / Home / About us', 'Log in to: / Community / Store', the sections of a site):
    at least ``menu_list_items`` items of at most ``menu_item_words`` words, none a
    sentence, above the first paragraph of running text, with running text below it. A
    list of sentences (key points) or of quantities (ingredients) is the article's own."""
    live = doc.live()
    title = key(doc.meta.get("title") or "")
    run: list[int] = []
    for i in live:
        block = doc.blocks[i]
        if block.kind != "li":
            break
        if title and key(block.text) == title:  # a trail ends on the page itself: 'News / Lifestyle / <headline>'
            run.append(i)
            break
        if block.feat.words > doc.config.menu_item_words or block.feat.digits or block.text.rstrip().endswith(_STOPS):
            return  # a sentence, or a quantity ('2 cups flour'): the article's own list
        run.append(i)
    if len(run) < doc.config.menu_list_items or len(run) == len(live):
        return
    if any(doc.blocks[j].feat.prose for j in live[len(run) : len(run) + 4]):
        yield from run


# A link to the previous or next post: an arrow before or after a title, the arrow's pair
# absent (a French quotation opens with '«' and closes with '»').
_PREV_ARROW = re.compile(r"^\s*([←«‹⟵]|<<?)\s+\S")
_NEXT_ARROW = re.compile(r"\S\s+([→»›⟶]|>>?)\s*$")
_PAIRS = {"«": "»", "‹": "›", "»": "«", "›": "‹"}


def _arrow(text: str) -> int:
    """-1 for '← Title', 1 for 'Title →', 0 for neither."""
    for sign, pattern in ((-1, _PREV_ARROW.match(text)), (1, _NEXT_ARROW.search(text))):
        if pattern and _PAIRS.get(pattern.group(1), "\0") not in text:
            return sign
    return 0


def _short(block: Block) -> bool:
    return block.kind != "table" and block.feat.chars <= 200 and block.feat.sentences <= 2


_ARROWS = re.compile(r"[←«‹⟵→»›⟶]|<<?\s|\s>>?")


@block_rule(
    "nav.post_link",
    "a link to the previous or next post",
    any_of(words("nav", "post_links"), where(lambda b: b.feat.chars <= 200 and _ARROWS.search(b.text))),
)
def post_link(block: Block, doc: Doc) -> bool:
    """'Previous article Transforming Mount Trashmore', or a pair of arrow links side by
    side ('← Trying Out A New Recipe' over 'Day Nineteen: The Big Short →'): blogs link
    a post's neighbours so. One arrow alone is a call to action ('Read the review >>')."""
    if not _short(block):
        return False
    label = doc.lex.prefixes("nav", "post_links")
    if label and label.match(block.text) and not block.text.rstrip().endswith((".", ":")):
        return True
    sign = _arrow(block.text)
    if not sign:
        return False
    blocks, i = doc.blocks, block.index
    pair = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
    return any(_short(b) and _arrow(b.text) == -sign for b in pair)


_CRUMB = re.compile(r"\s+[»›>→/|]\s+")
_STRONG_CRUMB = re.compile(r"\s[»›]\s")  # not '→': 'Working Directory → Staging Area' is a diagram


@block_rule(
    "nav.breadcrumb",
    "a breadcrumb trail: the page's place in the site's sections",
    where(lambda b: b.feat.chars <= 300 and b.feat.sentences <= 1 and bool(_CRUMB.search(b.text))),
)
def breadcrumb(block: Block, doc: Doc) -> bool:
    """'Home » World » Japan Defense Purchases ...', 'Beranda > Internasional': two or
    more short steps joined by '»' or '›', or by '>', '→', '/', '|' after a home label."""
    if block.kind != "p" or block.feat.chars > 300 or block.text.rstrip().endswith((".", "!", "?")):
        return False
    if "«" in block.text or "‹" in block.text:
        return False  # French quotes: '« 1 » ou « 1* »'
    steps = [s for s in _CRUMB.split(block.text.strip()) if s.strip()]
    if len(steps) < 2 or any(len(s.split()) > 15 for s in steps):
        return False
    arrows = len(_STRONG_CRUMB.findall(block.text)) >= len(steps) - 1
    return arrows or key(steps[0]) in doc.lex.set("nav", "home")


_TAG_SEPARATORS = re.compile(r"\s*[,|·•;/#]\s*")


@block_rule(
    "nav.tags",
    "a tag or topic line: a label and a list of keywords",
    where(lambda b: b.feat.chars <= 300 and (":" in b.text[:30] or "：" in b.text[:30])),
)
def tag_line(block: Block, doc: Doc) -> bool:
    """'Tags: Japan, Tariffs, Defense', 'Topics: Trade | Japan', 'Schlagworte: ...': a
    label of the list and keywords after it, not a sentence; or the label alone over
    its keywords ('Tagged with:')."""
    if block.kind != "p" or block.feat.chars > 300:
        return False
    head, colon, rest = block.text.replace("：", ":", 1).partition(":")
    rest = rest.strip()
    if colon and not rest:
        return key(head) in doc.lex.set("tags", "labels")  # 'Tagged with:' over its tags, one per line
    if key(head) not in doc.lex.set("tags", "labels") or rest.endswith((".", "!", "?", "。")):
        return False
    items = [i for i in _TAG_SEPARATORS.split(rest) if i]
    if len(items) == 1:
        return len(rest.split()) <= 4
    return all(len(i.split()) <= 5 for i in items)


# An ad slot's label glued to its teaser by a dash or colon: '- Anzeige - Steuern Sie ...'.
_LABEL_SEPARATOR = re.compile(r"\s*[-–—:|]\s*\S")


@block_rule(
    "ads.label",
    "an advertising label or a 'continues below' notice left by an ad slot",
    any_of(keys("ads", "lines"), where(lambda b: b.feat.words <= _AD_TEASER_WORDS and not b.feat.sentences > 2)),
)
def ad_label(block: Block, doc: Doc) -> bool:
    """'Advertisement', 'Anzeige', 'Iklan', 'Scroll to continue with content'; and a short
    teaser its label opens ('- Anzeige - Steuern Sie Ihren Kundendienst per App'), not a
    sentence that ends in a full stop."""
    if _is_line(block, doc, "ads"):
        return True
    if block.kind == "table" or not block.text.lstrip("-–— ")[:1].isupper() or block.text.endswith("."):
        return False  # a statement under a 'Werbung:' topic label is news about advertising
    prefix = doc.lex.prefixes("ads", "teaser_labels")
    m = prefix.match(block.text) if prefix else None
    return bool(m and _LABEL_SEPARATOR.match(block.text, m.end()))


@section_rule("ads.sponsored_card", "a sponsored card under its label: a teaser headline and the advertiser's name")
def sponsored_card(doc: Doc):
    """Under a 'Sponsored Content' / 'Gesponsert' label inside the article, the card's
    lines that are not sentences ('Seniors Are Loving This New Walk-In Tub (See Price)',
    'WalkInTubs'); the first sentence or long block is the article going on. A label
    above all the prose heads a sponsored article, whose headline stays."""
    labels = doc.lex.set("ads", "sponsored")
    blocks = doc.blocks
    for block in blocks:
        if block.removed_by != "ads.label" or block.key not in labels or doc.prose_before(block.index) < 0.1:
            continue
        k, taken = block.index + 1, 0
        while k < len(blocks) and taken < doc.config.sponsored_card_blocks:
            b = blocks[k]
            if b.removed_by is None:
                if b.kind == "table" or b.feat.ends_sentence or b.feat.words > 15:
                    break
                yield k
                taken += 1
            k += 1


cookie_banner = _phrase_rule(
    "widget.cookie",
    "cookie or consent banner text",
    "cookie",
    1500,
    "A banner's own wording ('We use cookies ...', 'Accept all cookies'); a term any text "
    "about cookies or consent uses ('third-party cookies', 'Einwilligung') only in a short "
    "label or in a block that addresses the reader, so a news story on a cookie ruling or on "
    "consent to organ donation stays.",
)


def _thread_lines(doc: Doc) -> frozenset[int]:
    """Blocks shaped like comment metadata ('Anna says', 'Reply'), when the page has at
    least two of them: one 'X says' line is a headline, a column of them is a thread."""
    cached = doc.cache.get("comment_thread")
    if cached is None:
        pattern = doc.lex.patterns("comments", "thread_patterns")
        hits = [
            b.index
            for b in doc.blocks
            if pattern and b.kind != "table" and b.feat.words <= 10 and pattern.search(b.key)
        ]
        cached = frozenset(hits) if len(hits) >= 2 else frozenset()
        doc.cache["comment_thread"] = cached
    return cached


@block_rule(
    "widget.comments",
    "comment-widget chrome (heading, counter, empty-state message, reply link)",
    any_of(
        keys("comments", "lines"),
        words("comments", "phrases"),
        where(lambda b: b.feat.words <= 12 and b.feat.digits),
        lambda doc: _thread_lines(doc),
    ),
)
def comments_chrome(block: Block, doc: Doc) -> bool:
    """'Comments', 'No comments yet...', 'Leave a reply', '12 comments', the comment
    form's fine print, and in a thread the per-comment lines ('Anna says', 'Reply')."""
    if _is_line(block, doc, "comments"):
        return True
    # the comment form's fine print
    if block.feat.chars <= 400 and has(doc, "comments", "phrases", block):
        return True
    pattern = doc.lex.patterns("comments", "patterns")
    if block.feat.words <= 12 and pattern and pattern.search(block.key):
        return True
    # a comment heading with its counter: 'Comments (12)', 'Komentar 3'
    counted = _COUNTER.sub("", block.key)
    if counted != block.key and counted in doc.lex.set("comments", "lines"):
        return True
    return block.index in _thread_lines(doc)


@section_rule("widget.comment_text", "a reader's comment inside a comment thread")
def comment_text(doc: Doc):
    """The text between a thread's per-comment lines ('Anna says' ... 'Reply'): where
    at least ``comment_thread_min`` comments sit between such lines, each no longer than
    ``comment_max_blocks`` blocks, what lies between them is readers' comments."""
    cfg = doc.config
    lines = sorted(i for i in _thread_lines(doc) if doc.blocks[i].removed_by == "widget.comments")
    spans = []
    for a, b in pairwise(lines):
        inner = [i for i in range(a + 1, b) if doc.blocks[i].removed_by is None]
        if inner and b - a <= cfg.comment_max_blocks + 2:
            spans.append(inner)
    if len(spans) >= cfg.comment_thread_min:
        for inner in spans:
            yield from inner


@section_rule("widget.dated_comments", "a reader's comment in a thread whose comments each carry a date stamp")
def dated_comments(doc: Doc):
    """Under a comment heading ('59 Comments on “...”', 'Kommentare'), date stamps
    that recur every few blocks ('Anna' / 'December 18, 2025, 9:46 pm' / her text) mark
    a thread: with at least ``comment_thread_min`` stamps no more than
    ``comment_stamp_gap`` blocks apart, everything from the heading to the last
    comment is readers' comments. Without the heading, stamped sections are a live blog's
    updates and stay."""
    cfg = doc.config
    blocks = doc.blocks
    stamps = [b.index for b in blocks if b.removed_by == "meta.dateline"]
    if len(stamps) < cfg.comment_thread_min:
        return
    walked = -1  # stamps already walked from an earlier heading: each is walked once
    for heading in (b.index for b in blocks if b.removed_by == "widget.comments"):
        k = bisect_right(stamps, max(heading, walked))
        if k == len(stamps) or stamps[k] - heading > cfg.comment_max_blocks:
            continue
        run = [stamps[k]]
        for i in stamps[k + 1 :]:
            if i - run[-1] > cfg.comment_stamp_gap:
                break
            run.append(i)
        walked = run[-1]
        if len(run) >= cfg.comment_thread_min:
            break
    else:
        return
    end = run[-1] + 1  # the last comment: up to the next debris, at most one comment long
    while end < len(blocks) and end <= run[-1] + cfg.comment_max_blocks and blocks[end].removed_by is None:
        end += 1
    yield from (i for i in range(heading + 1, end) if blocks[i].removed_by is None)


@block_rule(
    "footer.copyright",
    "a copyright or legal footer line",
    any_of(
        words("footer", "phrases"), where(lambda b: "©" in b.text or "(c)" in b.feat.low or "copyright" in b.feat.vocab)
    ),
)
def copyright_footer(block: Block, doc: Doc) -> bool:
    """Short lines with ©, '(c) 2024' or 'All rights reserved'."""
    if block.feat.chars > 300 or block.kind == "table":
        return False
    if _COPYRIGHT.search(block.text):
        return True
    return has(doc, "footer", "phrases", block)


@block_rule(
    "promo.newsletter",
    "asks the reader to subscribe, sign up or log in to keep reading",
    any_of(
        words("newsletter", "phrases"),
        words("newsletter", "terms"),
        where(lambda b: b.feat.words <= 12 and b.key.endswith("newsletter")),
    ),
)
def newsletter(block: Block, doc: Doc) -> bool:
    """Newsletter boxes and paywall prompts ('Sign up for our newsletter'). A full sentence
    must address the reader: 'It would never miss a payment, the firm said.' is news. Words
    a how-to also says to the reader ('your email address', 'already have an account')
    count in a short label, or beside a word of the sign-up box (a newsletter, the
    publisher speaking as 'we')."""
    if block.text.rstrip().endswith("."):
        if has(doc, "caption", "reporting", block):
            return False  # '..., the minister urged residents on Monday.': a call reported, not made
        if not doc.addresses_reader(block) and not has(doc, "newsletter", "phrases", block, start=True):
            return False  # (a sentence opening with a call, 'Sign up to get ...', speaks to the reader)
    if block.kind == "p" and block.key.endswith("newsletter"):
        if block.feat.words <= 4:
            return True  # the heading of a sign-up box: 'PC Gamer Newsletter'
        if block.feat.words <= 12 and has(doc, "newsletter", "calls", block, start=True):
            return True  # 'Get the Most Popular Stories in a Weekly Newsletter'
    if block.feat.chars > _NEWSLETTER_CHARS:
        return False
    return _short_with_phrase(block, doc, "newsletter", _NEWSLETTER_CHARS) or term_hit(
        block, doc, "newsletter", context=("newsletter", "signals")
    )


disclosure = _phrase_rule(
    "promo.disclosure",
    "an affiliate-link or advertising disclosure",
    "disclosure",
    600,
    "'This post contains affiliate links...', 'We may earn a commission...'.",
)
disclaimer = _phrase_rule(
    "footer.disclaimer",
    "the site's legal or machine-translation disclaimer (for information only, not advice; may hold errors)",
    "disclaimer",
    800,
    "'This material is for informational purposes only and does not constitute advice...'",
)
syndication = _phrase_rule(
    "footer.syndication",
    "a notice that the story was syndicated or first published elsewhere",
    "syndication",
    400,
    "'(This story has not been edited by X staff and is auto-generated from a syndicated feed.)', "
    "'This article was originally published on Y.', 'Artikel ini telah tayang di Z'.",
)


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _bio_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    verbs, roles = lex.items("author_box", "bio_verbs"), lex.items("author_box", "bio_roles")
    if not verbs or not roles:
        return None
    name = r"(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,3}[A-ZÀ-Þ][\w'’.-]*"
    role = rf"(?:\w+-)?(?i:{_alternatives(roles)})"  # also in a hyphenated compound: 'ERP-Experte'
    handle = r"(?:\s*\(@\w{1,30}\))?"  # 'Eduard Kovacs (@EduardKovacs) is the managing editor ...'
    return re.compile(rf"^{name}{handle},?\s+(?i:{_alternatives(verbs)})\s+(?:\S+\s+){{0,8}}?{role}\b")


def _introduces_self(block: Block, doc: Doc) -> bool:
    """'Hallo, ich bin Foodbloggerin, ...', 'Hi, I'm Jane': a blogger's about-me box."""
    opener = doc.lex.prefixes("author_box", "openers")
    pattern = doc.lex.patterns("author_box", "patterns")
    return bool((opener and opener.match(block.text)) or (pattern and pattern.match(block.text)))


@block_rule(
    "widget.author_bio",
    "a short biography of the author after the article",
    lambda doc: [
        b.index
        for b in doc.blocks
        if b.kind == "p"
        and b.feat.chars <= 800
        and b.text[:1].isupper()
        and doc.prose_before(b.index) >= doc.config.late_prose_share
    ],
)
def author_bio(block: Block, doc: Doc) -> bool:
    """'Jane Doe is a senior writer for Example News. @janedoe' in the last part of the
    page: a name, a linking verb and a writer's role (also in a compound, 'ERP-Experte');
    or a blogger introducing themselves there ('Hi, I'm Jane, ...')."""
    if block.feat.sentences > 5 or block.feat.chars > 800:
        return False
    pattern = _bio_pattern(doc.lex)
    if not (pattern is not None and pattern.search(block.text)) and not _introduces_self(block, doc):
        return False
    return doc.prose_before(block.index) >= doc.config.late_prose_share


@cache
def _blurb_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    """'Jane Roe, CFP, is the founder of ...', 'Acme is a full-service design agency ...':
    a name (with a title, a nickname in parentheses or credentials), a linking verb and, as
    its complement, a role or a kind of organisation a few words on with no preposition
    between ('... is the largest creditor of the company' is not one). 'Ana Costa founded
    Verde Yoga in 2014' is not one either: the last entry of a list of founders reads so."""
    verbs, roles = lex.items("author_box", "blurb_verbs"), lex.items("author_box", "blurb_roles")
    if not verbs or not roles:
        return None
    word = r"[A-ZÀ-Þ][\w'’.&-]*"
    links = lex.items("byline", "particles") + lex.items("author_box", "blurb_links")  # 'van', 'of'
    link = rf"|(?:{_alternatives(links)})(?=\s+[A-ZÀ-Þ])" if links else ""
    name = rf"(?:{word})(?:\s+(?:\([^()]{{1,30}}\)\s+)?(?:{word}{link})){{0,4}}"
    credentials = rf"(?:,\s*{CREDENTIAL_WORDS}){{0,4}},?"
    articles = lex.items("author_box", "blurb_articles")
    article = rf"(?:(?i:{_alternatives(articles)})\s+)?" if articles else ""
    stops = lex.items("author_box", "blurb_stops")
    free = rf"(?!(?i:{_alternatives(stops)})\b)" if stops else ""
    role = rf"(?:\w+-)?(?i:{_alternatives(roles)})"
    linked = rf"(?i:{_alternatives(verbs)})\s+{article}(?:{free}\S+\s+){{0,6}}?{role}\b"
    return re.compile(rf"^(?P<name>{name}){credentials}\s+{linked}")


def _blurb(block: Block, doc: Doc) -> str | None:
    """The name a paragraph presents, a person or an organisation, not a pronoun ('It is a
    company that ...') or a plain word of the page's language opening a sentence."""
    if block.kind != "p" or block.feat.chars > _BLURB_CHARS or block.feat.sentences > 6:
        return None
    pattern = _blurb_pattern(doc.lex)
    found = pattern.match(block.text) if pattern is not None else None
    if found is None:
        return None
    name = found.group("name")
    first = name.split()[0].lower()
    if first not in doc.stopwords:
        return name
    return name if len(name.split()) > 1 and first in doc.lex.set("author_box", "blurb_articles") else None


def _names(block: Block, name: str, doc: Doc) -> bool:
    """Whether a paragraph names the one a blurb presented, by any word of the name ('Karina
    holds an MBA ...', 'When she is not leading the firm, Cohen ...')."""
    words = [w for w in TOKEN.findall(name) if len(w) > 2 and w.lower() not in doc.stopwords]
    return any(re.search(rf"\b{re.escape(w)}\b", block.text) for w in words)


@section_rule(
    "widget.about_blurb",
    "the closing blurb about the author or the publisher: who they are, what the company does",
)
def about_blurb(doc: Doc):
    """The last paragraphs of the page, when each presents a person or an organisation
    ('Maria Lopez is the owner of Bright Homes ...', 'Northwind Studio is a full-service
    design firm ...'): the box about the author or the site under an article. The blurb's
    last ``blurb_tail`` paragraphs may go on about the person it presented, by name ('Maria
    holds an MBA ...'; not after a one-word name: an article on a company names it
    throughout). Only at the very end, below most of the prose and under at least
    ``blurb_min_before`` paragraphs: the same sentence inside a story is its text. HTML mode
    only (see ``TEXT_SKIP``)."""
    live = doc.live()
    for tail in range(doc.config.blurb_tail + 1):
        if tail >= len(live):
            return
        taken: list[int] = []
        names: list[str] = []
        for i in reversed(live[: len(live) - tail]):
            name = _blurb(doc.blocks[i], doc)
            if name is None:
                break
            taken.append(i)
            names.append(name)
        if not taken:
            continue
        name = names[0]  # the blurb right above the paragraphs that go on about it
        after = live[len(live) - tail :]
        if after and len(name.split()) < 2:  # 'Acme serves clients ...' after 'Acme is a firm': an article on Acme
            continue
        if any(doc.blocks[j].kind != "p" or not _names(doc.blocks[j], name, doc) for j in after):
            continue
        if len(live) - len(taken) - tail < doc.config.blurb_min_before:
            return
        if doc.prose_before(taken[-1]) >= doc.config.late_prose_share:
            yield from [*after, *taken]
        return


def _citation(block: Block, doc: Doc) -> bool:
    """A reference list's entry: a year in parentheses, a DOI or URL, an author list
    ('Akbaraly TN, Ferrie JE'), a volume and issue, 'Retrieved from', 'abgerufen am'."""
    if block.kind == "table" or block.feat.chars > _CITATION_CHARS:
        return False
    pattern = doc.lex.patterns("references", "patterns")
    return bool(pattern and pattern.search(block.text)) or has(doc, "references", "phrases", block)


@section_rule("footer.references", "the list of references or sources after the article: citations, not its text")
def references(doc: Doc):
    """A 'References' / 'Sources' / 'Quellen' heading below most of the page's prose,
    with a citation among the first blocks under it: the heading and the citations go,
    with short lines between them (at most two in a row), up to the last citation. A
    'Sources' heading over a list of links without citations stays (a resource list)."""
    headings = doc.lex.set("references", "headings")
    live = doc.live()
    for n, i in enumerate(live):
        block = doc.blocks[i]
        if block.key not in headings or doc.prose_before(i) < doc.config.late_prose_share:
            continue
        taken, since = [i], 0
        for j in live[n + 1 :]:
            entry = doc.blocks[j]
            if _citation(entry, doc):
                taken.append(j)
                since = 0
            elif since < 2 and entry.kind != "table" and entry.feat.words <= _CITATION_GAP_WORDS:
                taken.append(j)
                since += 1
            else:
                break
        taken = taken[: len(taken) - since]
        if len(taken) > 1 and any(_citation(doc.blocks[j], doc) for j in taken[1:4]):
            yield from taken
            return


@section_rule("widget.author_box", "an author box: its heading and the short biography under it")
def author_box(doc: Doc):
    """'About the author' (or 'Über den Autor', 'Tentang Penulis') and the next block
    when it is a short biography, not the article going on."""
    headings = doc.lex.set("author_box", "headings")
    live = doc.live()
    for n, i in enumerate(live):
        block = doc.blocks[i]
        if block.kind != "p" or block.feat.words > 6 or block.key not in headings:
            continue
        yield i
        if n + 1 < len(live):
            bio = doc.blocks[live[n + 1]]
            if bio.kind == "p" and bio.feat.chars <= 700 and bio.feat.sentences <= 5:
                yield bio.index
