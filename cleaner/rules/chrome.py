"""Page chrome no article contains: navigation labels, ad labels, consent banners,
comment-box headings, copyright footers, newsletter prompts."""

from __future__ import annotations

import re

from ..blocks import Block
from .base import Doc, block_rule

_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d", re.I)


def _is_line(block: Block, doc: Doc, group: str) -> bool:
    return block.kind != "table" and block.key in doc.lex.set(group, "lines")


@block_rule("nav.label", "a navigation, account, search or pagination label")
def nav_label(block: Block, doc: Doc) -> bool:
    """The whole block is one page-chrome label ('Skip to content', 'Sign in', 'Next')."""
    return _is_line(block, doc, "nav")


@block_rule("ads.label", "an advertising label or a 'continues below' notice left by an ad slot")
def ad_label(block: Block, doc: Doc) -> bool:
    """'Advertisement', 'Anzeige', 'Iklan', 'Scroll to continue with content'."""
    return _is_line(block, doc, "ads")


@block_rule("widget.cookie", "cookie or consent banner text")
def cookie_banner(block: Block, doc: Doc) -> bool:
    """Text about cookies together with consent or settings ('We use cookies ...')."""
    if block.feat.chars > 1500 or block.kind == "table":
        return False
    pattern = doc.lex.phrases("cookie", "phrases")
    return bool(pattern and pattern.search(block.text))


@block_rule("widget.comments", "comment-widget chrome (heading, counter or empty-state message)")
def comments_chrome(block: Block, doc: Doc) -> bool:
    """'Comments', 'No comments yet...', 'Leave a reply', '12 comments'."""
    if _is_line(block, doc, "comments"):
        return True
    pattern = doc.lex.patterns("comments", "patterns")
    return bool(block.feat.words <= 12 and pattern and pattern.search(block.key))


@block_rule("footer.copyright", "a copyright or legal footer line")
def copyright_footer(block: Block, doc: Doc) -> bool:
    """Short lines with ©, '(c) 2024' or 'All rights reserved'."""
    if block.feat.chars > 300 or block.kind == "table":
        return False
    if _COPYRIGHT.search(block.text):
        return True
    pattern = doc.lex.phrases("footer", "phrases")
    return bool(pattern and pattern.search(block.text))


@block_rule("promo.newsletter", "asks the reader to subscribe, sign up or log in to keep reading")
def newsletter(block: Block, doc: Doc) -> bool:
    """Newsletter boxes and paywall prompts ('Sign up for our newsletter')."""
    if block.feat.chars > 400 or block.kind == "table":
        return False
    pattern = doc.lex.phrases("newsletter", "phrases")
    return bool(pattern and pattern.search(block.text))
