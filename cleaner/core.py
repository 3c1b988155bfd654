"""The shape-based core: find the article among blocks no rule named.

The algorithm (in prose in ``docs/algorithm.md``):

1. **Classify** each live block on its own, from its features only: ``good`` (running
   text: long, stopword-dense, punctuated), ``neargood`` (prose-like but weaker),
   ``short`` (too short to tell: headings, list items, labels) or ``bad`` (link lists,
   menus: few stopwords, many links, no sentence).
2. **Find the article region**: give each block a weight (good and neargood text counts
   for its length, short blocks cost a little, bad blocks and blocks a named rule removed
   cost more) and take the run of consecutive blocks with the largest total: the densest
   run of prose. The repeated headline (h1) starts the article: runs do not cross it and
   runs above it are discounted. A related-news or comment heading that follows prose (or
   a share bar or newsletter prompt after much prose) is expensive to cross, and the prose
   below it is discounted: such sections come after the article. A second run is kept too
   when it weighs ``region_keep_ratio`` of the first.
3. **Settle by neighbours** inside the region (jusText's context pass): neargood blocks
   become good unless both nearest good-or-bad neighbours are bad, and bad blocks that are
   not link lists become good beside running text; then short blocks follow their nearest
   settled neighbours; bad blocks go.
4. **Repeat to a fixed point** on what was kept, so that cleaning the result again keeps
   all of it (cleaning is idempotent); before each new round, second copies of a section
   among the kept blocks go (``dup.repeated_section``).

Every block it drops is reported with the rule id that explains why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice, takewhile

from .blocks import Block
from .config import Config
from .features import Features
from .lexicon import Lexicon
from .rules.base import Doc, Hit, Rule
from .rules.dup import repeated_runs

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
DEBRIS = "debris"  # removed by a named rule: never kept, weighs against its neighbourhood
INLINE = "inline"  # removed by a rule for debris that sits inside articles: weighs less

OUTSIDE = Rule(
    "core.outside_article",
    "outside the densest run of prose that forms the article (menus, footers, sidebars)",
    "core",
    lambda doc: iter(()),
)
BOILERPLATE = Rule(
    "core.boilerplate",
    "inside the article's run but shaped like boilerplate (link list, label, menu line)",
    "core",
    lambda doc: iter(()),
)
REPEATED = Rule(
    "dup.repeated_section",
    "a second copy of a run of paragraphs printed earlier in the article",
    "core",
    lambda doc: iter(()),
    repeated_runs.__doc__ or "",
)
AFTER_MARK = Rule(
    "core.after_related",
    "below the related or comment heading the article ends at (HTML mode): the page's other boxes",
    "core",
    lambda doc: iter(()),
)
RULES = (OUTSIDE, BOILERPLATE, REPEATED, AFTER_MARK)

#: Rules whose removed block opens a section that is not the article (related list,
#: comments). When one follows real prose, crossing it is expensive and the prose below it
#: is discounted: such sections come after the article.
BARRIERS = frozenset({"related.section", "widget.comments", "widget.author_box"})
#: Rules whose removed block usually closes the article (share bar, newsletter or follow
#: prompt), but may also stand after its lead paragraph: a barrier only after
#: ``weak_barrier_prose_chars`` of prose.
WEAK_BARRIERS = frozenset({"promo.newsletter", "social.share_bar", "social.follow_prompt"})
#: Metadata lines sit inside articles: removing them costs the region nothing.
SILENT = frozenset(
    {
        "meta.title",
        "meta.title_repeat",
        "meta.subtitle",
        "meta.masthead",
        "meta.byline",
        "meta.author_line",
        "meta.dateline",
        "meta.site",
        "marker.end",
        "marker.symbols",
    }
)
#: Debris that pages put inside the article's text (ad slots, read-also links, captions,
#: promotions between paragraphs): crossing it costs ``inline_debris_weight``.
INLINE_RULES = frozenset(
    {
        "ads.label",
        "related.inline",
        "related.box",
        "caption.credit",
        "caption.photo_description",
        "media.alt_text",
        "media.viewer",
        "promo.upsell",
        "promo.newsletter",
        "promo.app_download",
    }
)
#: Debris whose lines belong to one widget (each share button on its own line).
_WIDGETS = frozenset({"social.share_bar", "social.follow_prompt", "media.viewer"})
_TITLES = frozenset({"meta.title", "meta.title_repeat"})
_MAX_ROUNDS = 4
_MAX_MARKS = 16
_RESUME_LOOKAHEAD = 200  # blocks looked at below a short related list (keeps the search linear)
_MARK_REACH = 2  # blocks between the article region's end and the heading that closes it


def classify(block: Block, cfg: Config, stoplist: bool) -> str:
    """Context-free class of a block from its features alone."""
    f = block.feat
    if block.kind == "table":
        return GOOD if block.table is not None and block.table.rows else SHORT
    if f.links > cfg.link_high:
        return BAD
    if f.size < cfg.short_chars or (not f.sentences and f.words <= 20):
        return SHORT  # too short to judge, or a heading: its neighbours decide
    if stoplist:
        if f.stop >= cfg.stop_high:
            return GOOD if (f.ends_sentence or f.size >= cfg.good_chars) and f.sentences else NEARGOOD
        if f.stop >= cfg.stop_low:
            return NEARGOOD
        return BAD
    if f.sentences and f.size >= cfg.good_chars:
        return GOOD
    return NEARGOOD if f.sentences else BAD


def _weight(cls: str, f: Features, cfg: Config) -> float:
    """A block's contribution to the region search, in characters of prose."""
    if cls == GOOD:
        return float(f.size)
    if cls == NEARGOOD:
        return f.size * 0.5
    if cls == SHORT:
        # A short sentence ("Nobody was hurt.") leans towards prose; a label does not.
        if f.ends_sentence and ((f.sentences and f.words >= 3) or f.words >= cfg.lead_in_clause_words):
            return f.size * 0.5  # a short sentence, or a clause leading into a list ('... find it here:')
        return -cfg.short_block_weight
    if cls == DEBRIS:
        return -cfg.debris_block_weight
    if cls == INLINE:
        return -cfg.inline_debris_weight
    if cls == BAD:
        if f.ends_sentence and f.sentences and f.links <= cfg.link_high:
            return -cfg.terse_block_weight  # terse prose ('Cooling Test: Perfect 10/10.'): settled by its neighbours
        return -(cfg.bad_block_weight + f.size * 0.5)
    return 0.0


def _best_run(weights: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Largest-sum run of ``weights[lo:hi]`` (Kadane): (sum, start, end exclusive)."""
    best, best_start, best_end = 0.0, lo, lo
    total, start = 0.0, lo
    for k in range(lo, hi):
        if total <= 0:
            total, start = 0.0, k
        total += weights[k]
        if total > best:
            best, best_start, best_end = total, start, k + 1
    return best, best_start, best_end


def _headline(blocks: Sequence[Block], classes: Sequence[str]) -> int | None:
    """Position of the page's headline repeated above the article (its h1), if it comes
    before most of the prose: the article starts under it."""
    total = sum(b.feat.size for b, c in zip(blocks, classes, strict=True) if c == GOOD)
    prose = 0
    for i, block in enumerate(blocks):
        if block.removed_by == "meta.title_repeat":
            return i if prose < total / 2 else None
        if classes[i] == GOOD:
            prose += block.feat.size
    return None


def _late_marks(blocks: Sequence[Block], classes: Sequence[str], cfg: Config) -> list[int]:
    """Related or comment headings that follow real prose: what comes after them is
    another section, not more article."""
    marks: list[int] = []
    prose = 0
    for i, block in enumerate(blocks):
        weak = block.removed_by in WEAK_BARRIERS
        if weak or block.removed_by in BARRIERS:
            needed = cfg.weak_barrier_prose_chars if weak else cfg.barrier_prose_chars
            if prose >= needed and (not marks or marks[-1] != i - 1) and not _resumes(blocks, classes, i, cfg):
                marks.append(i)
                if len(marks) >= _MAX_MARKS:
                    break
            prose = 0 if prose >= needed else prose
        elif classes[i] == GOOD:
            prose += block.feat.size
    return marks


def _opening(block: Block) -> str:
    return " ".join(block.key.split()[:2])


def _recurring(blocks: Sequence[Block], classes: Sequence[str], marks: list[int], cfg: Config) -> dict[int, int]:
    """Marks that open the same short box after each section of one article ('More on
    HBS:', 'More on Stanford GSB:' in a ranking) are not its end: when ``recurring_boxes``
    or more lists in a row open with the same words, are short, and have prose after them
    before the next, they are no marks, and each costs as one inline box. The last box,
    with no prose after it, stays a mark, and so do footer sections, which have headings of
    their own. Returns each such box's heading with the end of its list."""
    if len(marks) < cfg.recurring_boxes:
        return {}
    followed, ends = [], []
    for n, m in enumerate(marks):
        k = m
        while k < len(blocks) and blocks[k].removed_by == "related.section":
            k += 1
        ends.append(k)
        stop = marks[n + 1] if n + 1 < len(marks) else min(len(blocks), k + _RESUME_LOOKAHEAD)
        prose = sum(blocks[j].feat.size for j in range(k, stop) if classes[j] == GOOD)
        followed.append(k - m <= cfg.resumed_section_blocks and prose >= cfg.barrier_prose_chars)
    boxes: dict[int, int] = {}
    n = 0
    while n < len(marks):
        end = n
        while end < len(marks) and followed[end] and _opening(blocks[marks[end]]) == _opening(blocks[marks[n]]):
            end += 1
        if end - n >= cfg.recurring_boxes:
            boxes.update(zip(marks[n:end], ends[n:end], strict=True))
        n = max(end, n + 1)
    return boxes


def _resumes(blocks: Sequence[Block], classes: Sequence[str], i: int, cfg: Config) -> bool:
    """Whether the related list opened at ``i`` is a short sidebar the article resumes
    after: at most ``resumed_section_blocks`` blocks, then ``resumed_prose_chars`` of
    prose before any other debris."""
    rule = blocks[i].removed_by
    if rule != "related.section" or not cfg.resumed_section_blocks:
        return False
    k = i
    while k < len(blocks) and blocks[k].removed_by == rule:
        k += 1
    if k - i > cfg.resumed_section_blocks:
        return False
    prose, stop = 0, min(len(blocks), k + _RESUME_LOOKAHEAD)
    while k < stop and prose < cfg.resumed_prose_chars:
        if classes[k] == GOOD:
            prose += blocks[k].feat.size
        elif classes[k] in (DEBRIS, INLINE) and blocks[k].removed_by in BARRIERS:
            return False
        k += 1
    return prose >= cfg.resumed_prose_chars


def _one_per_widget(blocks: Sequence[Block], classes: Sequence[str], weights: list[float]) -> None:
    """The lines of one widget cost as one block: consecutive lines of a share bar (a
    button per line); labels in and right after a related box ('list 1 of 4', 'end of
    list') cost nothing beyond its links."""
    k = 0
    while k < len(blocks):
        if classes[k] not in (DEBRIS, INLINE):
            k += 1
            continue
        end = k
        while end < len(blocks) and classes[end] in (DEBRIS, INLINE):
            end += 1
        for j in range(k + 1, end):  # one line after another of the same widget
            if blocks[j].removed_by == blocks[j - 1].removed_by in _WIDGETS:
                weights[j] = 0.0
        boxed = [j for j in range(k, end) if blocks[j].removed_by == "related.box"]
        for j in range(boxed[0] + 1, end) if boxed else ():
            if blocks[j].removed_by == "nav.label":
                weights[j] = 0.0  # counters in a box ('list 1 of 4', 'end of list') are the box's
        k = end


def _ingredient_line(block: Block, cls: str, patterns: tuple[re.Pattern[str], re.Pattern[str]], cfg: Config) -> str:
    """``unit`` or ``count`` for a line opened by a quantity, ``label`` for a short line
    that may stand between them (a metadata line a rule took counts as one), else ''."""
    f = block.feat
    if block.removed_by is not None:
        return "label" if cls == "" and f.words <= cfg.recipe_label_words else ""
    if block.kind == "table" or f.words > cfg.recipe_line_words or block.text.endswith("."):
        return "label" if block.kind != "table" and f.words <= cfg.recipe_label_words else ""
    with_unit, count = patterns
    if with_unit.match(block.text):
        return "unit"
    if f.words <= cfg.recipe_label_words + 3 and count.match(block.text):
        return "count"
    return "label" if f.words <= cfg.recipe_label_words else ""


def _ingredient_lists(
    blocks: Sequence[Block], classes: Sequence[str], lex: Lexicon, cfg: Config
) -> tuple[list[tuple[int, int]], list[int]]:
    """Runs of an ingredient list: lines opened by a quantity, at least
    ``recipe_min_units`` of them with a unit and at least half of the run's lines; short
    labels may stand between them (a sub-heading 'Für die Füllung:', a bare 'Salz'), up
    to two in a row. Returns the runs, each (its heading or first quantity line, last
    quantity line + 1), and the quantity lines in them."""
    patterns = lex.quantities
    runs: list[tuple[int, int]] = []
    found: list[int] = []
    start = heading = -1
    units = lines = labels = 0
    members: list[int] = []
    for k in range(len(blocks) + 1):  # one step past the end closes the last run
        kind = _ingredient_line(blocks[k], classes[k], patterns, cfg) if k < len(blocks) else ""
        if kind in ("unit", "count"):
            if start < 0:  # the list's heading ('Zutaten', 'For the dough:') comes with it
                start, units, lines, labels, members = k - (heading == k - 1), 0, 0, 0, []
            units += kind == "unit"
            lines += labels + 1
            labels = 0
            members.append(k)
        elif kind == "label" and start >= 0 and labels < 2:
            labels += 1
        elif kind == "label" and start < 0:
            heading = k if blocks[k].removed_by is None else -1
        else:
            if start >= 0 and units >= cfg.recipe_min_units and 2 * len(members) >= lines:
                runs.append((start, members[-1] + 1))
                found += members
            start = -1
    return runs, found


def _regions(
    blocks: Sequence[Block],
    classes: Sequence[str],
    cfg: Config,
    summaries: frozenset[int] = frozenset(),
    lists: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """The article region (and a second run when it is nearly as heavy).

    Runs may not cross the repeated headline; a run above it weighs
    ``pre_headline_discount`` of its size. Crossing a late related/comment heading costs
    ``barrier_block_weight``, and prose below n of them weighs ``late_section_discount ** n``
    of its size. The region grows over an ingredient list (``lists``) that ends at most
    ``recipe_reach`` blocks above it or starts as close below it: a recipe's list of
    quantities sits beside its steps.
    """
    marks = _late_marks(blocks, classes, cfg)
    weights = [_weight(c, b.feat, cfg) for b, c in zip(blocks, classes, strict=True)]
    _one_per_widget(blocks, classes, weights)
    boxes = _recurring(blocks, classes, marks, cfg)
    for m, end in boxes.items():  # a box inside the article: its heading costs as inline debris, its links nothing
        weights[m:end] = [-cfg.inline_debris_weight] + [0.0] * (end - m - 1)
    marks = [m for m in marks if m not in boxes]
    late, marked = 0, set(marks)
    for k in range(len(weights)):
        late += k in marked
        if late and weights[k] > 0:
            weights[k] *= cfg.late_section_discount**late
    for m in marks:
        weights[m] = -cfg.barrier_block_weight
    headline = _headline(blocks, classes)
    parts = (
        [(0, headline, cfg.pre_headline_discount), (headline + 1, len(blocks), 1.0)]
        if headline is not None
        else [(0, len(blocks), 1.0)]
    )
    best = (0.0, 0.0, 0, 0, 0, len(blocks))  # (score, value, start, end, part start, part end)
    for a, b, discount in parts:
        ends = [m for m in marks if a < m < b] + [b]
        for end in ends:
            value, x, y = _best_run(weights, a, end)
            score = value * discount
            if score > best[0]:
                best = (score, value, x, y, a, b)
    _, value, lo, hi, a, b = best
    if value <= 0:
        return [(0, len(blocks))]  # nothing reads as prose: leave it to the guard
    lo, hi = _over_lists(lists, lo, hi, a, b, cfg)
    lo = _lead_in(blocks, classes, lo, a, cfg, summaries)
    regions = [(lo, hi)]
    for side_lo, side_hi in ((a, lo), (hi, b)):
        extra, x, y = _best_run(weights, side_lo, side_hi)
        if side_lo == hi and any(hi <= m < x for m in marks) and _teaser_summaries(blocks, classes, x, y):
            continue  # under a related heading, headline and summary by turns: teasers, not the article
        if extra > 0 and extra >= cfg.region_keep_ratio * value:
            regions.append((x, y))
    return regions


def _teaser_summaries(blocks: Sequence[Block], classes: Sequence[str], x: int, y: int) -> bool:
    """Whether the run ``[x, y)`` is a teaser list's summaries: two or more paragraphs, each
    right under a short line with no sentence end (its headline). An article that goes on
    under an inline box has paragraphs in a row."""
    goods = [k for k in range(x, y) if classes[k] == GOOD]
    return len(goods) >= 2 and all(
        k > 0 and classes[k - 1] == SHORT and not blocks[k - 1].feat.ends_sentence for k in goods
    )


def _over_lists(lists: Sequence[tuple[int, int]], lo: int, hi: int, a: int, b: int, cfg: Config) -> tuple[int, int]:
    """The region ``[lo, hi)`` grown over the ingredient lists near it, above and below
    (within the part ``[a, b)`` the run search looked in), each list from the last one's edge."""
    for s, e in reversed(lists):  # from the nearest up: a list may have others over it
        if a <= s < lo and lo - e <= cfg.recipe_reach:
            lo = s
    for s, e in lists:
        if hi < e <= b and s - hi <= cfg.recipe_reach:
            hi = e
    return lo, hi


def _lead_in(
    blocks: Sequence[Block], classes: Sequence[str], lo: int, floor: int, cfg: Config, summaries: frozenset[int]
) -> int:
    """Extend the region start over a heading (or two short lines) right above it: the
    run search never starts on a negative block, but an article often opens with its
    first section heading. A longer run of short blocks above is a menu and stays out,
    unless a summary heading ('Key points', 'Summary') opens it: the story's points over
    its lead. Nothing above the title comes in: the article starts under its headline."""
    k, shorts = lo - 1, []
    while k >= floor and classes[k] in (SHORT, "") and blocks[k].removed_by not in _TITLES:
        if classes[k] == SHORT:
            shorts.append(k)
        k -= 1
    if not shorts:
        return lo
    if len(shorts) <= cfg.lead_in_blocks:
        return min(shorts)
    head = max((j for j in shorts if blocks[j].index in summaries), default=None)
    if head is not None and sum(j > head for j in shorts) <= cfg.summary_max_points:
        return head
    return lo


def _nearest(classes: Sequence[str], skip: tuple[str, ...], limit: int) -> tuple[list[str], list[str]]:
    """For each block, the class of the nearest block before and after it whose class is not
    in ``skip``, at most ``limit`` blocks away (``bad`` when there is none): one linear pass
    each way."""
    n = len(classes)
    before, after = [BAD] * n, [BAD] * n
    last, at = BAD, -(limit + 1)
    for k in range(n):
        before[k] = last if k - at <= limit else BAD
        if classes[k] not in skip:
            last, at = classes[k], k
    last, at = BAD, n + limit + 1
    for k in range(n - 1, -1, -1):
        after[k] = last if at - k <= limit else BAD
        if classes[k] not in skip:
            last, at = classes[k], k
    return before, after


def _settle(classes: list[str], linky: list[bool], cfg: Config) -> list[str]:
    """jusText's context pass over one region: neargood blocks first (and bad blocks that
    are not link lists, when running text stands next to them), then short blocks against
    the settled classes."""
    out = list(classes)
    before, after = _nearest(classes, (SHORT, NEARGOOD), cfg.neighbour_distance)
    for k, cls in enumerate(classes):
        if cls == NEARGOOD:
            out[k] = BAD if before[k] == BAD and after[k] == BAD else GOOD
        elif cls == BAD and not linky[k] and GOOD in (before[k], after[k]):
            out[k] = GOOD  # terse prose (spec lines, "Label: description." items) beside running text
    before, after = _nearest(out, (SHORT,), cfg.short_neighbour_distance)
    for k, cls in enumerate(classes):
        if cls == SHORT:
            out[k] = BAD if before[k] == BAD and after[k] == BAD else GOOD
    return out


def _removed_class(rule_id: str) -> str:
    return "" if rule_id in SILENT else INLINE if rule_id in INLINE_RULES else DEBRIS


def _round(
    blocks: Sequence[Block],
    cfg: Config,
    stoplist: bool,
    ends: frozenset[int],
    summaries: frozenset[int] = frozenset(),
    recipe: Lexicon | None = None,
) -> dict[int, Rule]:
    """One pass over ``blocks`` (live and rule-removed): positions to drop, with why.
    ``recipe`` is the lexicon on a page that may hold an ingredient list, else None."""
    classes = [classify(b, cfg, stoplist) if b.removed_by is None else _removed_class(b.removed_by) for b in blocks]
    if len(blocks) == 1 and blocks[0].feat.chars < cfg.tiny_input_chars:  # later rounds: what was kept
        return _tiny(blocks, classes, cfg)
    end = _article_end(blocks, classes, ends, cfg)
    lists, ingredients = _ingredient_lists(blocks[:end], classes[:end], recipe, cfg) if recipe else ([], [])
    regions = [(a, min(b, end)) for a, b in _regions(blocks[:end], classes[:end], cfg, summaries, lists) if a < end]
    for k in ingredients:  # an ingredient's line is the list's, whatever its neighbours
        classes[k] = GOOD
    drop: dict[int, Rule] = {}
    inside = [False] * len(blocks)
    for a, b in regions:
        live = [k for k in range(a, b) if blocks[k].removed_by is None]
        linky = [blocks[k].feat.links > cfg.link_high for k in live]
        settled = _settle([classes[k] for k in live], linky, cfg)
        for k, label in zip(live, settled, strict=True):
            inside[k] = True
            blocks[k].label = label
            if label == BAD:
                drop[k] = BOILERPLATE
    for k, block in enumerate(blocks):
        if block.removed_by is None:
            block.cls = classes[k]
            if not inside[k]:
                block.label = BAD
                drop[k] = OUTSIDE
    return drop


def _tiny(blocks: Sequence[Block], classes: Sequence[str], cfg: Config) -> dict[int, Rule]:
    """A text of one short paragraph has no menus and footers to tell the article from:
    it is kept unless a rule named it or it is a link list (features set for the callers).
    (With two or more blocks, rules that look at neighbours could judge a block otherwise
    once the others are gone: those texts go through the core.)"""
    drop: dict[int, Rule] = {}
    for k, block in enumerate(blocks):
        if block.removed_by is None:
            block.cls = classes[k]
            linky = block.feat.links > cfg.link_high
            block.label = BAD if linky else GOOD
            if linky:
                drop[k] = BOILERPLATE
    return drop


def _article_end(blocks: Sequence[Block], classes: Sequence[str], ends: frozenset[int], cfg: Config) -> int:
    """Where the article stops: right after a block whose last sentence carried an end
    marker ('...dynamics.***'), when most of the page's prose stands above it; else the
    end of the page."""
    if not ends:
        return len(blocks)
    total = sum(b.feat.size for b, c in zip(blocks, classes, strict=True) if c == GOOD)
    prose = 0
    for k, block in enumerate(blocks):
        if classes[k] == GOOD:
            prose += block.feat.size
        if block.index in ends and block.removed_by is None and prose >= cfg.late_prose_share * total:
            return k + 1
    return len(blocks)


def _summary_headings(doc: Doc) -> frozenset[int]:
    """Summary headings ('Key points') whose points are said once: under a table of
    contents ('Summary' / 'Frequently Asked Questions' / ...) the lines come back as the
    article's section headings."""
    headings = doc.lex.set("summary", "headings")
    found = [b.index for b in doc.blocks if b.removed_by is None and b.key in headings]
    if not found:
        return frozenset()
    counts = Counter(b.key for b in doc.blocks if b.key)
    valid = []
    for i in found:
        points = [b for b in doc.blocks[i + 1 : i + 2 + doc.config.summary_max_points] if b.removed_by is None]
        points = list(takewhile(lambda b: b.feat.chars < doc.config.short_chars, points))
        if all(counts[b.key] == 1 for b in points if b.key):
            valid.append(i)
    return frozenset(valid)


def _has_unit_lines(doc: Doc) -> bool:
    """Whether the page holds at least ``recipe_min_units`` lines opened by a quantity and
    a unit (one regex pass over its text): else no round looks for ingredient lists."""
    text = "\n".join(b.text for b in doc.blocks if b.removed_by is None and b.kind != "table")
    found = doc.lex.unit_lines.finditer(text)
    return sum(1 for _ in islice(found, doc.config.recipe_min_units)) >= doc.config.recipe_min_units


def scan(doc: Doc) -> Iterator[tuple[int, Rule]]:
    """Blocks the core drops, as ``(index, rule)``; sets each block's ``cls`` and ``label``.

    The first round sees rule-removed blocks as debris; later rounds see only what was
    kept, as cleaning the output again would, until nothing more goes.
    """
    cfg = doc.config
    stoplist = bool(doc.stopwords)
    ends = frozenset(doc.cache.get("end_marks", ()))
    summaries = _summary_headings(doc)
    recipe = doc.lex if _has_unit_lines(doc) else None
    dropped = _round(doc.blocks, cfg, stoplist, ends, summaries, recipe)
    yield from sorted(dropped.items())
    kept = [b for k, b in enumerate(doc.blocks) if b.removed_by is None and k not in dropped]
    for _ in range(_MAX_ROUNDS):
        again: dict[int, Rule] = dict.fromkeys(repeated_runs(kept, cfg), REPEATED)
        kept_once = [b for k, b in enumerate(kept) if k not in again]
        more = _round(kept_once, cfg, stoplist, ends, summaries, recipe) if kept_once else {}
        if not again and not more:
            return
        yield from sorted((kept[k].index, rule) for k, rule in again.items())
        yield from sorted((kept_once[k].index, rule) for k, rule in more.items())
        kept = [b for k, b in enumerate(kept_once) if k not in more]


def _step(doc: Doc) -> Iterator[Hit]:
    for index, rule in list(scan(doc)):
        yield Hit(index, rule=rule)


def _after_mark(doc: Doc) -> Iterator[Hit]:
    """HTML mode, where the core does not run: trafilatura's selection can go on below the
    article into the page's other boxes (teasers, the site's pitch, a contact box) under a
    related or comment heading (or a share bar, a newsletter prompt) a rule removed. When
    the article's region (as the core finds it) ends at such a mark, what follows it goes,
    if the related rule took the lines right under it or at most ``tail_prose_share`` of
    what follows reads as prose in paragraphs (a 'Further reading' or "What's next" section
    of paragraphs is the article's last; a list's items under it are teasers, 'Title by
    Author Summary'), and most of the page's prose stands above it."""
    blocks, cfg = doc.blocks, doc.config
    if not any(b.removed_by in BARRIERS or b.removed_by in WEAK_BARRIERS for b in blocks):
        return  # no heading to end at (most pages): the core's classes are not worth computing
    stoplist = bool(doc.stopwords)
    classes = [classify(b, cfg, stoplist) if b.removed_by is None else _removed_class(b.removed_by) for b in blocks]
    end = _article_end(blocks, classes, frozenset(doc.cache.get("end_marks", ())), cfg)
    regions = [(a, min(b, end)) for a, b in _regions(blocks[:end], classes[:end], cfg) if a < end]
    if not regions:
        return
    hi = max(b for _, b in regions)
    marks = [m for m in _late_marks(blocks[:end], classes[:end], cfg) if hi - 1 <= m <= hi + _MARK_REACH]
    if not marks:
        return
    mark = marks[0]
    tail = [k for k in range(max(hi, mark), len(blocks)) if blocks[k].removed_by is None]
    prose = sum(b.feat.size for b, c in zip(blocks, classes, strict=True) if c == GOOD and b.removed_by is None)
    below = sum(blocks[k].feat.size for k in tail if classes[k] == GOOD)
    if not tail or below > (1 - cfg.late_prose_share) * prose:
        return
    taken = mark + 1 < len(blocks) and blocks[mark + 1].removed_by is not None
    paragraphs = sum(blocks[k].feat.size for k in tail if classes[k] == GOOD and blocks[k].kind != "li")
    if not taken and paragraphs > cfg.tail_prose_share * sum(blocks[k].feat.size for k in tail):
        return
    for k in tail:
        yield Hit(blocks[k].index, rule=AFTER_MARK)


def _repeats(doc: Doc) -> Iterator[Hit]:
    live = doc.live()
    for k in repeated_runs([doc.blocks[i] for i in live], doc.config):
        yield Hit(live[k], rule=REPEATED)


#: Second copies among the blocks kept: none are left after the core, which drops them as
#: it goes; in HTML mode, where the core does not run, in trafilatura's selection.
REPEATS = Rule("repeats", "second copies of a section among the kept blocks", "step", _repeats)

#: HTML mode's trim below the related heading the article ends at (text mode's core does it).
AFTER_RELATED = Rule("core.tail", "what follows the related heading the article ends at", "step", _after_mark)

#: The core as one pipeline step; its hits name ``core.outside_article`` or ``core.boilerplate``.
STEP = Rule("core", "the shape-based core (see docs/algorithm.md)", "step", _step)
