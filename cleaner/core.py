"""The shape-based core: find the article among blocks no rule named.

The algorithm (in prose in ``docs/algorithm.md``):

1. **Classify** each live block on its own, from its features only: ``good`` (running
   text: long, stopword-dense, punctuated), ``neargood`` (prose-like but weaker),
   ``short`` (too short to tell: headings, list items, labels) or ``bad`` (link lists,
   menus: few stopwords, many links, no sentence).
2. **Find the article region**: give each block a weight (good and neargood text counts
   for its length, short blocks cost a little, bad blocks and blocks a named rule removed
   cost more) and take the run of consecutive blocks with the largest total: the densest
   run of prose. Related-news and comment headings are barriers the run may not cross,
   and a run found below such a heading that follows real prose is discounted. A second
   run is kept too when it weighs at least ``region_keep_ratio`` of the first.
3. **Settle by neighbours** inside the region (jusText's context pass): neargood blocks
   become good unless both nearest good-or-bad neighbours are bad; then short blocks
   follow their nearest settled neighbours; bad blocks go.
4. **Repeat to a fixed point** on what was kept, so that cleaning the result again keeps
   all of it (cleaning is idempotent).

Every block it drops is reported with the rule id that explains why.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .blocks import Block
from .config import Config
from .features import Features
from .rules.base import Doc, Hit, Rule

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
DEBRIS = "debris"  # removed by a named rule: never kept, weighs against its neighbourhood

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
RULES = (OUTSIDE, BOILERPLATE)

#: Rules whose removed block opens a section that is not the article (related list,
#: comments). The region search may not cross one, and a run found after one that
#: follows real prose is discounted: such sections come after the article.
BARRIERS = frozenset({"related.section", "widget.comments"})
#: Metadata lines sit inside articles: removing them costs the region nothing.
SILENT = frozenset(
    {
        "meta.title",
        "meta.title_repeat",
        "meta.subtitle",
        "meta.byline",
        "meta.dateline",
        "meta.site",
        "marker.end",
        "marker.symbols",
    }
)
_MAX_ROUNDS = 4


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
        return f.size * 0.5 if f.ends_sentence and f.sentences and f.words >= 3 else -cfg.short_block_weight
    if cls == DEBRIS:
        return -cfg.debris_block_weight
    if cls == BAD:
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


def _segments(blocks: Sequence[Block], classes: Sequence[str], cfg: Config) -> list[tuple[int, int, int]]:
    """Runs between barrier blocks as ``(start, end, late)``; ``late`` counts the
    barriers above the run that themselves follow prose."""
    segments, start, late, prose = [], 0, 0, 0
    for i, block in enumerate(blocks):
        if block.removed_by in BARRIERS:
            if i > start:
                segments.append((start, i, late))
            if prose >= cfg.barrier_prose_chars:
                late += 1
                prose = 0
            start = i + 1
        elif classes[i] == GOOD:
            prose += block.feat.size
    if start < len(blocks):
        segments.append((start, len(blocks), late))
    return segments


def _regions(blocks: Sequence[Block], classes: Sequence[str], cfg: Config) -> list[tuple[int, int]]:
    """The article region (and a second run when it is nearly as heavy)."""
    weights = [_weight(c, b.feat, cfg) for b, c in zip(blocks, classes, strict=True)]
    segments = _segments(blocks, classes, cfg)
    best, lo, hi, seg, best_score = 0.0, 0, 0, (0, len(blocks)), 0.0
    for a, b, late in segments:
        value, x, y = _best_run(weights, a, b)
        score = value * cfg.late_section_discount**late
        if score > best_score:
            best, lo, hi, seg, best_score = value, x, y, (a, b), score
    if best <= 0:
        return [(0, len(blocks))]  # nothing reads as prose: leave it to the guard
    regions = [(lo, hi)]
    for side_lo, side_hi in ((seg[0], lo), (hi, seg[1])):
        value, a, b = _best_run(weights, side_lo, side_hi)
        if value > 0 and value >= cfg.region_keep_ratio * best:
            regions.append((a, b))
    return regions


def _neighbour(classes: Sequence[str], k: int, step: int, cfg: Config, skip: tuple[str, ...]) -> str:
    """Class of the nearest block in direction ``step`` whose class is not in ``skip``."""
    j, seen = k + step, 0
    while 0 <= j < len(classes) and seen < cfg.neighbour_distance:
        if classes[j] not in skip:
            return classes[j]
        j += step
        seen += 1
    return BAD


def _settle(classes: list[str], cfg: Config) -> list[str]:
    """jusText's context pass over one region: neargood blocks first, then short blocks
    against the settled classes."""
    out = list(classes)
    for k, cls in enumerate(classes):
        if cls == NEARGOOD:
            prev = _neighbour(classes, k, -1, cfg, (SHORT, NEARGOOD))
            nxt = _neighbour(classes, k, 1, cfg, (SHORT, NEARGOOD))
            out[k] = BAD if prev == BAD and nxt == BAD else GOOD
    settled = list(out)
    for k, cls in enumerate(classes):
        if cls == SHORT:
            prev = _neighbour(settled, k, -1, cfg, (SHORT,))
            nxt = _neighbour(settled, k, 1, cfg, (SHORT,))
            out[k] = BAD if prev == BAD and nxt == BAD else GOOD
    return out


def _round(blocks: Sequence[Block], cfg: Config, stoplist: bool) -> dict[int, Rule]:
    """One pass over ``blocks`` (live and rule-removed): positions to drop, with why."""
    classes = [
        classify(b, cfg, stoplist) if b.removed_by is None else ("" if b.removed_by in SILENT else DEBRIS)
        for b in blocks
    ]
    regions = _regions(blocks, classes, cfg)
    drop: dict[int, Rule] = {}
    inside = [False] * len(blocks)
    for a, b in regions:
        live = [k for k in range(a, b) if blocks[k].removed_by is None]
        settled = _settle([classes[k] for k in live], cfg)
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


def scan(doc: Doc) -> Iterator[tuple[int, Rule]]:
    """Blocks the core drops, as ``(index, rule)``; sets each block's ``cls`` and ``label``.

    The first round sees rule-removed blocks as debris; later rounds see only what was
    kept, as cleaning the output again would, until nothing more goes.
    """
    cfg = doc.config
    stoplist = bool(doc.stopwords)
    dropped = _round(doc.blocks, cfg, stoplist)
    yield from sorted(dropped.items())
    kept = [b for k, b in enumerate(doc.blocks) if b.removed_by is None and k not in dropped]
    for _ in range(_MAX_ROUNDS):
        if not kept:
            return
        again = _round(kept, cfg, stoplist)
        if not again:
            return
        yield from sorted((kept[k].index, rule) for k, rule in again.items())
        kept = [b for k, b in enumerate(kept) if k not in again]


def _step(doc: Doc) -> Iterator[Hit]:
    for index, rule in list(scan(doc)):
        yield Hit(index, rule=rule)


#: The core as one pipeline step; its hits name ``core.outside_article`` or ``core.boilerplate``.
STEP = Rule("core", "the shape-based core (see docs/algorithm.md)", "step", _step)
