"""Share bars and follow prompts: social-network widget chrome."""

from __future__ import annotations

import re

from ..blocks import Block
from .base import Candidates, Doc, any_of, block_rule, has, keys, term_hit, where, words

_ACCOUNT = re.compile(r"(?<!\w)@\w{2,}|\b(?:on|di|auf|en|sur|no|na|em|w)\s+[A-Z]\w+", re.I)
_HYPHENATED = re.compile(r"^\w+-")  # 'Follow-up talks ...'
_JOINED = re.compile(r"[^\W_]\s*[/|·]\s*[^\W_]")
_LABEL_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


_LABEL_LINE_WORDS = 40  # a line of share labels is at most this long, and one sentence at most


def _label_lines(find: Candidates) -> Candidates:
    """The blocks ``find`` gives that are short enough to be a line of labels."""

    def candidates(doc: Doc) -> list[int]:
        blocks = doc.blocks
        return [i for i in find(doc) if blocks[i].feat.words <= _LABEL_LINE_WORDS and blocks[i].feat.sentences <= 1]

    return candidates


@block_rule(
    "social.share_bar",
    "share-button labels or a share widget's 'link copied' notice",
    any_of(
        keys("share", "lines"),
        words("share", "phrases"),
        _label_lines(words("share", "networks")),
        _label_lines(words("share", "labels")),  # 'on', 'this': most blocks hold one
    ),
)
def share_bar(block: Block, doc: Doc) -> bool:
    """A line made only of share labels and network names, or a copy notice."""
    lex = doc.lex
    if block.key in lex.set("share", "lines"):
        return True
    if block.feat.chars <= 100 and has(doc, "share", "phrases", block):
        return True
    if block.feat.words > _LABEL_LINE_WORDS or block.feat.sentences > 1:
        return False
    if networks_named(block, doc) >= 1:
        return True
    # a column of button labels, one per line ('Share' / 'Tweet' / 'Pin'), no network named
    if networks_named(block, doc) == 0:
        if len(_LABEL_TOKEN.findall(block.key)) >= 2 and _JOINED.search(block.text):
            return True  # 'Share/Copy', 'Print | Email': buttons the dump joined with their separators
        near = [doc.blocks[j] for j in (block.index - 1, block.index + 1) if 0 <= j < len(doc.blocks)]
        return any(b.removed_by == "social.share_bar" or networks_named(b, doc) >= 0 for b in near)
    return False


def networks_named(block: Block, doc: Doc) -> int:
    """How many network names a line of share-button labels holds (0: labels only), or
    -1 when the line holds any other word."""
    if block.kind == "table" or block.feat.words > _LABEL_LINE_WORDS or block.feat.sentences > 1:
        return -1
    tokens = _LABEL_TOKEN.findall(block.key)
    networks, labels = doc.lex.set("share", "networks"), doc.lex.set("share", "labels")
    if not tokens or not all(t in networks or t in labels for t in tokens):
        return -1
    return sum(t in networks for t in tokens)


@block_rule(
    "social.follow_prompt",
    "asks the reader to follow the site on a social network or channel",
    any_of(words("follow", "phrases"), words("follow", "terms"), words("follow", "verbs")),
)
def follow_prompt(block: Block, doc: Doc) -> bool:
    """Short lines like 'Follow us on Instagram' or 'Ikuti kami di Google News', or a
    prompt that opens with a follow verb and names a network ('Follow The Gleaner on
    Twitter and Instagram @JamaicaGleaner'). A verb and a colon make a prompt over a row
    of icons when a name or the reader follows the verb ('Follow Al Jazeera English:',
    'Follow us:'); 'Follow these steps:' leads into instructions."""
    f = block.feat
    if f.chars <= 200 and (has(doc, "follow", "phrases", block) or term_hit(block, doc, "follow")):
        return True
    if f.chars <= 60 and block.text.rstrip().endswith(":") and _names_after_verb(block, doc):
        return True
    if f.chars > 300 or f.sentences > 2 or f.vocab.isdisjoint(doc.lex.set("share", "networks")):
        return False
    # the account must be named: a handle, or 'on/di/auf <Network>'
    if not _ACCOUNT.search(block.text) or _HYPHENATED.match(block.text):
        return False
    return has(doc, "follow", "verbs", block, start=True)


@block_rule(
    "social.embed",
    "the attribution line or buttons of an embedded social-media post",
    any_of(keys("embed", "lines"), words("embed", "lines"), where(lambda b: "@" in b.text or "pic.twitter" in b.text)),
)
def embed(block: Block, doc: Doc) -> bool:
    """'— Gen Nakatani (@gen_nakatani) May 30, 2025' under a quoted post, 'View this post
    on Instagram', 'A post shared by ...', a bare 'pic.twitter.com/...' link."""
    if block.kind == "table" or block.feat.chars > 160 or block.feat.sentences > 1:
        return False
    if block.key in doc.lex.set("embed", "lines"):
        return True
    pattern = doc.lex.patterns("embed", "patterns")
    return bool(pattern and pattern.search(block.text))


def _names_after_verb(block: Block, doc: Doc) -> bool:
    """The block opens with a follow verb followed by a name (capitalised, or in a script
    without case) or by a reader word ('us', 'kami')."""
    verbs = doc.lex.prefixes("follow", "verbs")
    m = verbs.match(block.text) if verbs else None
    if m is None:
        return False
    rest = block.text[m.end() :].lstrip()
    if not rest[:1].islower():
        return True
    first = rest.split(maxsplit=1)[0].strip(":").lower()
    return first in doc.reader[0]
