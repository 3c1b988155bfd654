"""The shape-based core: find the article among blocks no rule named.

The algorithm (prose in ``docs/algorithm.md``):

1. **Classify** each live block on its own, from its features only: ``good`` (running
   text: long, stopword-dense, punctuated), ``neargood`` (prose-like but weaker),
   ``short`` (too short to tell: headings, list items, labels) or ``bad`` (link lists,
   menus: few stopwords, many links or capitals, no sentence).
2. **Find the article region**: give each block a weight (good and neargood text counts
   for its length, short blocks cost a little, bad blocks cost more) and take the run of
   consecutive blocks with the largest total, the densest run of prose. A second run is
   kept too when it weighs at least ``region_keep_ratio`` of the first and only a little
   boilerplate separates them.
3. **Settle by neighbours** inside the region: short and neargood blocks follow the
   nearest classified blocks around them (jusText's context pass); bad blocks go.

Every block it drops is returned with the rule id that explains why.
"""

from __future__ import annotations

from collections.abc import Iterator

from .config import Config
from .rules.base import Doc, Rule

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
# Blocks removed as metadata (title, byline, date) sit inside articles: they cost nothing.
_SILENT = frozenset({"meta.title", "meta.title_repeat", "meta.subtitle", "meta.byline", "meta.dateline",
                     "meta.site", "marker.end", "marker.symbols"})

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


def classify(doc: Doc, i: int) -> str:
    """Context-free class of block ``i`` from its features alone."""
    block = doc.blocks[i]
    cfg = doc.config
    f = block.feat
    if block.kind == "table":
        return GOOD if block.table is not None and block.table.rows else SHORT
    if f.links > cfg.link_high:
        return BAD
    if f.chars < cfg.short_chars or (not f.sentences and f.words <= 20):
        return SHORT  # too short to judge, or a heading: its neighbours decide
    if doc.stopwords:
        if f.stop >= cfg.stop_high:
            return GOOD if (f.ends_sentence or f.chars >= cfg.good_chars) and f.sentences else NEARGOOD
        if f.stop >= cfg.stop_low:
            return NEARGOOD
        return BAD
    if f.sentences and f.chars >= cfg.good_chars:
        return GOOD
    return NEARGOOD if f.sentences else BAD


def _weight(cls: str, chars: int, cfg: Config) -> float:
    if cls == GOOD:
        return float(chars)
    if cls == NEARGOOD:
        return chars * 0.5
    if cls == SHORT:
        return -cfg.short_block_weight
    return -(cfg.bad_block_weight + chars * 0.5)


def _best_run(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
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


def _neighbour(classes: list[str], k: int, step: int, cfg: Config, skip: tuple[str, ...]) -> str:
    """Class of the nearest block in direction ``step`` whose class is not in ``skip``."""
    j, seen = k + step, 0
    while 0 <= j < len(classes) and seen < cfg.neighbour_distance:
        if classes[j] not in skip:
            return classes[j]
        j += step
        seen += 1
    return BAD


def _settle(classes: list[str], lo: int, hi: int, cfg: Config) -> list[str]:
    """jusText's context pass, restricted to the region ``[lo, hi)``."""
    out = list(classes)
    region = classes[lo:hi]
    for k in range(lo, hi):
        cls = classes[k]
        if cls == NEARGOOD:
            prev = _neighbour(region, k - lo, -1, cfg, (SHORT, NEARGOOD))
            nxt = _neighbour(region, k - lo, 1, cfg, (SHORT, NEARGOOD))
            out[k] = BAD if prev == BAD and nxt == BAD else GOOD
        elif cls == SHORT:
            prev = _neighbour(region, k - lo, -1, cfg, (SHORT,))
            nxt = _neighbour(region, k - lo, 1, cfg, (SHORT,))
            out[k] = BAD if prev == BAD and nxt == BAD else GOOD
    return out


#: Rules whose removed block opens a section that is not the article (related list,
#: comments). The region search may not cross one, and a run found after one that
#: follows real prose is discounted: such sections come after the article.
BARRIERS = frozenset({"related.section", "widget.comments"})
DEBRIS = "debris"


def _weights(doc: Doc, classes: list[str]) -> list[float]:
    cfg = doc.config
    out = []
    for block, cls in zip(doc.blocks, classes):
        if cls == DEBRIS:
            out.append(-cfg.debris_block_weight)
        elif cls:
            out.append(_weight(cls, block.feat.chars, cfg))
        else:
            out.append(0.0)
    return out


def _segments(doc: Doc, classes: list[str]) -> list[tuple[int, int, int]]:
    """Runs between barrier blocks as ``(start, end, late)``; ``late`` counts the
    barriers before the run that themselves follow prose."""
    segments, start, late, prose = [], 0, 0, 0
    for i, block in enumerate(doc.blocks):
        if block.removed_by in BARRIERS:
            if i > start:
                segments.append((start, i, late))
            if prose >= doc.config.barrier_prose_chars:
                late += 1
                prose = 0
            start = i + 1
        elif classes[i] == GOOD:
            prose += block.feat.chars
    if start < len(doc.blocks):
        segments.append((start, len(doc.blocks), late))
    return segments


def scan(doc: Doc) -> Iterator[tuple[int, Rule]]:
    """Blocks the core drops, as ``(index, rule)``; it also sets ``cls`` and ``label``."""
    cfg = doc.config
    blocks = doc.blocks
    if not any(b.removed_by is None for b in blocks):
        return
    classes = [classify(doc, i) if b.removed_by is None else (DEBRIS if b.removed_by not in _SILENT else "")
               for i, b in enumerate(blocks)]
    weights = _weights(doc, classes)
    best, lo, hi, best_score = 0.0, 0, 0, 0.0
    for a, b, late in _segments(doc, classes):
        value, x, y = _best_run(weights, a, b)
        score = value * cfg.late_section_discount**late
        if score > best_score:
            best, lo, hi, best_score = value, x, y, score
    if best <= 0:
        lo, hi = 0, len(blocks)  # nothing reads as prose: leave it to the guard
    regions = [(lo, hi)]
    seg = next(((a, b) for a, b, _ in _segments(doc, classes) if a <= lo < b), (0, len(blocks)))
    for side_lo, side_hi in ((seg[0], lo), (hi, seg[1])):
        value, a, b = _best_run(weights, side_lo, side_hi)
        if value >= cfg.region_keep_ratio * best and value > 0:
            regions.append((a, b))
    live = [i for i, b in enumerate(blocks) if b.removed_by is None]
    position = {i: k for k, i in enumerate(live)}
    live_classes = [classes[i] for i in live]
    final = list(live_classes)
    keep = [False] * len(live)
    for a, b in regions:
        ks = [position[i] for i in range(a, b) if i in position]
        if not ks:
            continue
        settled = _settle(live_classes, ks[0], ks[-1] + 1, cfg)
        for k in ks:
            final[k] = settled[k]
            keep[k] = settled[k] != BAD
    for k, i in enumerate(live):
        blocks[i].cls = live_classes[k]
        blocks[i].label = final[k]
        if not keep[k]:
            inside = any(a <= i < b for a, b in regions)
            yield i, BOILERPLATE if inside else OUTSIDE
