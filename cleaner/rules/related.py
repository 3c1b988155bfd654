"""Related, latest and popular-news blocks: their headings, teasers and inline links."""

from __future__ import annotations

import re

from ..blocks import Block
from ..dates import find_date
from .base import Doc, block_rule, has, section_rule, words
from .meta import is_date_line, read_byline

_WORD = re.compile(r"[^\W_][\w'’-]*")
_LINK_SEPARATOR = re.compile(r"^\W*[:：|»>›→\-–—]")
# Prose before a related heading needed before its teasers may include summaries: a list
# near the top of the page is a menu whose "summary" would be the article itself.
_PROSE_BEFORE_SUMMARIES = 400


def is_related_heading(block: Block, doc: Doc) -> bool:
    """A short block that is (or opens with) a related/latest-news heading phrase."""
    if block.kind != "p" or block.feat.words > 8 or block.feat.sentences > 1:
        return False
    lex = doc.lex
    if block.key in lex.set("related", "headings"):
        return True
    return block.feat.words <= 7 and has(doc, "related", "heading_prefixes", block, start=True, text=block.key)


def _relative_time(block: Block, doc: Doc) -> bool:
    if block.feat.words > 8 or not doc.lex.mentions("relative_time", block.text):
        return False
    pattern = doc.lex.patterns("relative_time", "patterns")
    return bool(pattern and pattern.search(block.text))


def _dated(block: Block, doc: Doc) -> bool:
    return block.feat.words <= 12 and block.feat.digits > 0 and find_date(block.text, doc.lex) is not None


def _headline(block: Block) -> bool:
    """A teaser headline or label: short, and not a sentence ending in a full stop."""
    f = block.feat
    if block.kind not in ("p", "li") or not 1 <= f.words <= 25 or f.chars > 200:
        return False
    return f.sentences == 0 or (f.sentences == 1 and not block.text.endswith("."))


_BOX_ITEMS = 5  # headlines an inline related box holds at most
_BOX_PROSE_AFTER = 120  # the paragraph under it (a full sentence at least): the article goes on


def _teaser_follows(doc: Doc, i: int) -> bool:
    """Whether another teaser (a headline, then its date or relative time) comes right after
    block ``i``: a paragraph under a teaser's date is its summary only where the list goes
    on; after the list's last date the article resumes."""
    j = doc.next_live(i)
    if j is None or not _headline(doc.blocks[j]):
        return False
    k = doc.next_live(j)
    return k is not None and (_relative_time(doc.blocks[k], doc) or _dated(doc.blocks[k], doc))


@section_rule("related.box", "a box of links to other articles placed between the article's paragraphs")
def related_box(doc: Doc):
    """A related heading after the article began, two to five bare headlines (no dates,
    no relative times, no numbered section headings), then the article's next paragraph:
    a 'Related' box inside the text. Unlike a related section, the article goes on below
    it. Under a 'read also' cue (a ``related.inline`` phrase: 'Te puede interesar', or a
    bare 'Baca Juga:' that rule already took), one to five headlines do, but not the last
    of several unless they are list items or all capitalise every word as link titles do:
    a section heading over the next paragraph looks just like a link."""
    prose_before = 0
    live = doc.live()
    n = 0
    while n < len(live):
        block = doc.blocks[live[n]]
        late = prose_before >= doc.config.barrier_prose_chars
        heading = late and is_related_heading(block, doc)
        cue = late and not heading and live[n] > 0 and _bare_cue(doc.blocks[live[n] - 1])
        if heading or cue:
            k = n + 1 if heading else n
            items = []
            while k < len(live) and len(items) <= _BOX_ITEMS and _bare_headline(doc.blocks[live[k]], doc):
                items.append(live[k])
                k += 1
            after = doc.blocks[live[k]] if k < len(live) else None
            last = doc.blocks[items[-1]] if items else None
            if cue and len(items) >= 2 and last.kind != "li" and not _same_headline_case(doc.blocks[items[0]], last):
                items.pop()  # under a bare cue, the last line may head the paragraph under it
                k -= 1
                after = doc.blocks[live[k]]
            # one link under a 'read also' cue; a 'Related Articles' heading over one headline
            # and its summary opens a teaser list
            fewest = 1 if cue or block.key in doc.lex.set("related", "inline") else 2
            if fewest <= len(items) <= _BOX_ITEMS and after is not None and (cue or _paragraph(after)):
                if heading:
                    yield live[n]
                yield from items
                n = k
                continue
        if block.feat.prose:
            prose_before += block.feat.chars
        n += 1


def _same_headline_case(first: Block, last: Block) -> bool:
    """Both lines capitalise every word ('Trump Doubles Steel Tariffs To 50 Percent'), as
    a site's link titles do; an article's section heading seldom does."""
    return all(all(w[0].isupper() or w[0].isdigit() for w in _WORD.findall(b.text)) for b in (first, last))


def _bare_cue(block: Block) -> bool:
    """A 'Baca Juga:' / 'Read also:' line with nothing after its colon, taken by related.inline."""
    return block.removed_by == "related.inline" and block.text.rstrip().endswith((":", "："))


_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}[.)]|[A-Z][a-z]{1,10} \d{1,2}[:.)])")  # "2. ...", "Trend 5: ..."


def _bare_headline(block: Block, doc: Doc) -> bool:
    if not _headline(block) or block.feat.words < 3 or _SECTION_NUMBER.match(block.text) or block.text.endswith(":"):
        return False  # '2. Conduct Smarter Keyword Research' heads the article's next section
    return not _relative_time(block, doc) and not _dated(block, doc)


def _paragraph(block: Block) -> bool:
    return block.kind == "p" and block.feat.prose and block.feat.chars >= _BOX_PROSE_AFTER and block.feat.sentences >= 1


@section_rule(
    "related.section",
    "a related/latest/popular-news heading and the teaser list under it (headlines, dates, summaries)",
)
def related_section(doc: Doc):
    """From a related heading on, remove teasers: headlines, sources, dates, relative
    times and repeated titles. A prose block ends the section unless the list has shown
    teaser evidence (a date, a relative time, a repeated headline), the block follows a
    headline, and the heading came after the article began: then it is a teaser summary
    (under a teaser's date only if another teaser follows it: else the article resumes).
    A list above the article ends at the article's byline or its date line.
    """
    blocks = doc.blocks
    prose_before = 0
    i = 0
    n = len(blocks)
    while i < n:
        block = blocks[i]
        if block.removed_by is not None:
            i += 1
            continue
        if not is_related_heading(block, doc):
            if block.feat.prose:
                prose_before += block.feat.chars
            i += 1
            continue
        section = [i]
        evidence = False
        previous: Block | None = None
        seen: set[str] = set()
        i += 1
        while i < n:
            b = blocks[i]
            if b.removed_by is not None:
                i += 1
                continue
            if prose_before == 0 and (read_byline(b, doc) or is_date_line(b, doc)):
                # A list above the article ends at the article's byline or date line; the
                # headline right above it is the article's title, not a teaser.
                if previous is not None and _headline(previous) and len(section) > 1:
                    section.pop()
                break
            if is_related_heading(b, doc):
                section.append(i)
            elif _relative_time(b, doc) or _dated(b, doc) or (b.key and b.key in seen):
                evidence = True
                section.append(i)
            elif _headline(b) or (
                b.kind == "p"
                and evidence
                and previous is not None
                and _headline(previous)
                and prose_before >= _PROSE_BEFORE_SUMMARIES
                and (not (_relative_time(previous, doc) or _dated(previous, doc)) or _teaser_follows(doc, i))
            ):
                section.append(i)
            else:
                # The list ended at a paragraph: a headline right above it heads that
                # paragraph (the article's next section), not the list.
                if b.feat.prose and previous is not None and _headline(previous) and len(section) > 1:
                    section.pop()
                break
            seen.add(b.key)
            previous = b
            i += 1
        yield from section


@block_rule(
    "related.inline", "a 'read also' link to another article placed inside the text", words("related", "inline")
)
def related_inline(block: Block, doc: Doc) -> bool:
    """'Baca Juga: ...', 'Read also: ...', 'Lesen Sie auch: ...' lines."""
    f = block.feat
    if block.kind == "table" or f.chars > 250 or f.sentences > 2:
        return False
    if not has(doc, "related", "inline", block, start=True):
        return False
    prefix = doc.lex.prefixes("related", "inline")
    m = prefix.match(block.text) if prefix else None
    if not m:
        return False
    rest = block.text[m.end() :]
    if _LINK_SEPARATOR.match(rest):
        return True
    # Without a separator only a multi-word cue ("Baca juga Judul") followed by a title counts.
    return " " in m.group(0).strip() and bool(rest.strip()) and not rest.rstrip().endswith(".")


def _dated_headline(block: Block, doc: Doc) -> bool:
    """'Mazda fertigt flexibler 4. November 2021': a headline whose date closes it, as a list
    of other articles prints them; a bare date line between them counts too. A date that opens
    the line and a colon after it ('5 May 2021: the vote') is a timeline's entry instead."""
    if block.feat.digits == 0 or not _headline(block):
        return False
    date = find_date(block.text, doc.lex)
    if date is None:
        return False
    return not block.text[date.end :].strip(" ,·|–—-()")


@section_rule("related.dated_list", "a list of other articles' headlines, each closed by its date, after the article")
def dated_list(doc: Doc):
    """At least ``dated_list_min`` headlines in a row, each ending in its own date, below most
    of the page's prose and with next to none after it: an archive or 'latest' list whose
    heading the page left out. Dates that open a line (a timeline) and a list the article's
    prose goes on after stay."""
    cfg = doc.config
    run: list[int] = []
    for block in [*doc.blocks, None]:
        if block is not None and not run and doc.prose_before(block.index) < cfg.late_prose_share:
            continue  # a list must open below most of the prose: no need to look up here
        if block is not None and block.removed_by is None and _dated_headline(block, doc):
            run.append(block.index)
            continue
        if block is not None and block.removed_by is not None and run:
            continue  # a line another rule took does not break the list
        if (
            len(run) >= cfg.dated_list_min
            and doc.prose_before(run[0]) >= cfg.late_prose_share
            and doc.prose_before(run[-1] + 1) >= cfg.dated_list_prose_after
        ):
            yield from run
        run = []


@section_rule("related.teaser_list", "a list of teaser cards, each closed by its own 'Read more' link")
def teaser_list(doc: Doc):
    """Where 'Read more' (or 'Continue reading', 'Weiterlesen') closes at least
    ``teaser_list_min`` cards a few blocks apart, after most of the page's prose, the cards
    are other articles' teasers: title, date and summary, and the links themselves."""
    cfg = doc.config
    links = doc.lex.set("teaser", "more_links")
    marks = [b.index for b in doc.blocks if b.key in links and b.feat.words <= 5]
    if len(marks) < cfg.teaser_list_min:
        return
    clusters: list[list[int]] = [[marks[0]]]
    for m in marks[1:]:
        if m - clusters[-1][-1] <= cfg.teaser_card_blocks + 1:
            clusters[-1].append(m)
        else:
            clusters.append([m])
    for cluster in clusters:
        if len(cluster) < cfg.teaser_list_min or doc.prose_before(cluster[0]) < cfg.late_prose_share:
            continue  # a list inside the article ('Read more' after each resource) stays
        first = cluster[0] - min(cfg.teaser_card_blocks, cluster[1] - cluster[0] - 1)
        for i in range(max(first, 0), cluster[-1] + 1):
            if doc.blocks[i].removed_by is None:
                yield i
