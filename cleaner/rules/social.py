"""Share bars and follow prompts: social-network widget chrome."""

from __future__ import annotations

import re

from ..blocks import Block
from .base import Doc, any_of, block_rule, has, keys, words

_LABEL_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


@block_rule(
    "social.share_bar",
    "share-button labels or a share widget's 'link copied' notice",
    any_of(keys("share", "lines"), words("share", "phrases"), words("share", "networks")),
)
def share_bar(block: Block, doc: Doc) -> bool:
    """A line made only of share labels and network names, or a copy notice."""
    lex = doc.lex
    if block.key in lex.set("share", "lines"):
        return True
    if block.feat.chars <= 100 and has(doc, "share", "phrases", block):
        return True
    if block.feat.words > 40 or block.feat.sentences > 1:
        return False
    networks = lex.set("share", "networks")
    if networks.isdisjoint(block.feat.vocab):
        return False
    tokens = _LABEL_TOKEN.findall(block.key)
    if not tokens:
        return False
    labels = lex.set("share", "labels")
    named = sum(t in networks for t in tokens)
    return named >= 1 and all(t in networks or t in labels for t in tokens)


@block_rule(
    "social.follow_prompt",
    "asks the reader to follow the site on a social network or channel",
    words("follow", "phrases"),
)
def follow_prompt(block: Block, doc: Doc) -> bool:
    """Short lines like 'Follow us on Instagram' or 'Ikuti kami di Google News'."""
    return block.feat.chars <= 200 and has(doc, "follow", "phrases", block)
