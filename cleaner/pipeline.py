"""The pipeline: normalise -> blocks -> named rules -> core -> guard -> assemble.

This module is the only place that removes blocks and the only place that writes
:class:`~cleaner.article.Removal` records, so every removal names its rule and reason.
"""

from __future__ import annotations

from typing import Any

from . import core
from . import lang as langs
from .article import Article, Removal
from .blocks import Block, split_lines, to_blocks, unflatten
from .config import Config
from .lexicon import for_language
from .normalize import normalize
from .registry import BY_ID
from .rules.base import Doc, Hit, Rule
from .steps import GUARD, PIPELINE, TEXT_SKIP
from .tables import extract_tables

LOW_CONFIDENCE = "low_confidence"
#: Flag: the input had (almost) no line breaks; it was cut at sentences, one paragraph each.
FLATTENED = "flattened"


def _record(removals: list[Removal], rule: Rule, text: str, line: int) -> None:
    if text.strip():
        removals.append(Removal(rule.id, rule.reason, text, line))


def _apply(doc: Doc, rule: Rule, hit: Hit, removals: list[Removal]) -> None:
    block = doc.blocks[hit.index]
    if block.removed_by is not None:
        return
    if hit.spans:
        text, kept, last = block.text, [], 0
        for start, end in sorted(hit.spans):
            _record(removals, rule, text[start:end].strip(), block.line)
            kept.append(text[last:start])
            last = end
        kept.append(text[last:])
        block.text = "".join(kept).strip()
        if not block.text:
            block.removed_by = rule.id
        doc.refresh(block)
        return
    block.removed_by = rule.id
    _record(removals, rule, block.table.render() if block.table else block.text, block.line)
    for name, value in (hit.meta or {}).items():
        if name == "authors":
            known = doc.meta.setdefault("authors", [])
            known.extend(a for a in value if a not in known)
        elif value:
            doc.meta.setdefault(name, value)


def build(text: str, config: Config, lang: str | None) -> tuple[Doc, list[Removal]]:
    """Normalise the text and cut it into a :class:`Doc` of blocks (tables repaired)."""
    normalized = normalize(text, config)
    lines, flat = unflatten(split_lines(normalized), config)
    items, discards = extract_tables(lines)
    language = lang or langs.detect(normalized)
    lexicon = for_language(config.lexicons, language)
    blocks = to_blocks(items, config, lexicon)
    doc = Doc(blocks, lexicon, config, language, langs.stopwords(language))
    if flat:
        doc.cache[FLATTENED] = True
    removals: list[Removal] = []
    for d in discards:
        _record(removals, BY_ID[d.rule], d.text, d.line)
    return doc, removals


def run_steps(
    doc: Doc,
    removals: list[Removal],
    flags: list[str],
    steps: tuple[Rule, ...] = PIPELINE,
    skip: frozenset[str] = TEXT_SKIP,
) -> list[Removal]:
    """Run the pipeline steps in order (but those in ``skip``: by default the ones text
    mode leaves out); returns the removal records (the guard may take some back)."""
    config = doc.config
    for step in steps:
        if not config.enabled(step.id) or step.id in skip:
            continue
        if step is GUARD:
            removals = _guard(doc, removals, flags)
            continue
        for hit in step.scan(doc):
            rule = hit.rule or step
            if config.enabled(rule.id):
                _apply(doc, rule, hit, removals)
    if LOW_CONFIDENCE not in flags and _emptied(doc):
        flags.append(LOW_CONFIDENCE)  # nothing left of a long input: say so, even past the guard
    return removals


def _emptied(doc: Doc) -> bool:
    """Nothing of a long input is left (the guard restores prose, but later steps, such as
    the headline one, may take it again)."""
    if any(b.removed_by is None for b in doc.blocks):
        return False
    return sum(b.feat.chars for b in doc.blocks) >= doc.config.guard_min_input_chars


_CORE_DROPS = frozenset({core.OUTSIDE.id, core.BOILERPLATE.id})
_METADATA_LINES = frozenset(
    {
        "meta.title",
        "meta.title_repeat",
        "meta.byline",
        "meta.author_line",
        "meta.dateline",
        "meta.site",
        "meta.masthead",
    }
)


def _guard(doc: Doc, removals: list[Removal], flags: list[str]) -> list[Removal]:
    """If almost nothing survived a long input, restore the best prose region."""
    cfg = doc.config
    kept = sum(b.feat.chars for b in doc.blocks if b.removed_by is None)
    total = sum(b.feat.chars for b in doc.blocks)
    prose = sum(b.feat.chars for b in doc.blocks if b.feat.prose)
    if total < cfg.guard_min_input_chars or kept >= cfg.guard_min_body_ratio * max(prose, 1) or not prose:
        return removals
    # metadata lines stay out (a byline restored with the prose beside it would be removed
    # when the body is cleaned again: the guard must not make cleaning change twice)
    open_ = [i for i, b in enumerate(doc.blocks) if b.removed_by not in _METADATA_LINES]
    restored = _best_region(doc, open_)
    size = kept + sum(doc.blocks[i].feat.chars for i in restored)
    named = any(doc.blocks[i].removed_by not in (None, *_CORE_DROPS) for i in restored)
    if named and size < cfg.guard_min_input_chars and not _survives(doc, restored):
        # too short for the guard to fire on the body again, and a named rule would take its
        # debris back out then: only what the core's shape judgement dropped comes back
        restored = _best_region(doc, [i for i in open_ if doc.blocks[i].removed_by in (None, *_CORE_DROPS)])
    if not restored:
        return removals
    for i in restored:
        doc.blocks[i].removed_by = None
    doc.meta = {k: v for k, v in doc.meta.items() if k in ("authors", "published", "updated", "site")}
    flags.append(LOW_CONFIDENCE)
    lines = {doc.blocks[i].line for i in restored}
    texts = {doc.blocks[i].text for i in restored}
    return [r for r in removals if not (r.line in lines and r.text in texts)]


def _survives(doc: Doc, restored: set[int]) -> bool:
    """Whether the body the guard would give comes back unchanged when cleaned again (the
    guard does not fire on so short a text, so this recursion ends)."""
    saved = {i: doc.blocks[i].removed_by for i in restored}
    for i in restored:
        doc.blocks[i].removed_by = None
    body = assemble(doc.blocks)
    for i, rule in saved.items():
        doc.blocks[i].removed_by = rule
    return run(body, doc.config).body == body


def _best_region(doc: Doc, open_: list[int]) -> set[int]:
    """The longest prose block among ``open_`` and the prose next to it."""
    if not any(doc.blocks[i].feat.prose for i in open_):
        return set()
    best = max(open_, key=lambda i: doc.blocks[i].feat.chars * doc.blocks[i].feat.prose)
    restorable = set(open_)
    restored = {best}
    for step in (-1, 1):  # grow over neighbouring prose
        j = best + step
        while j in restorable and doc.blocks[j].feat.prose:
            restored.add(j)
            j += step
    return restored


def assemble(blocks: list[Block]) -> str:
    """Live blocks -> body text: blank line between blocks, list items kept together."""
    parts: list[str] = []
    items: list[str] = []
    for block in blocks:
        if block.removed_by is not None:
            continue
        if block.kind == "li":
            items.append(f"{block.marker or '-'} {block.text}")
            continue
        if items:
            parts.append("\n".join(items))
            items = []
        parts.append(block.table.render() if block.table is not None else block.text)
    if items:
        parts.append("\n".join(items))
    return "\n\n".join(p for p in parts if p)


def finish(doc: Doc, removals: list[Removal], flags: list[str]) -> Article:
    """The article a processed document stands for: body, metadata, sorted removals."""
    removals.sort(key=lambda r: r.line)
    meta: dict[str, Any] = doc.meta
    return Article(
        body=assemble(doc.blocks),
        title=meta.get("title"),
        subtitle=meta.get("subtitle"),
        authors=list(meta.get("authors", [])),
        published=meta.get("published") or meta.get("updated"),
        site=meta.get("site"),
        lang=doc.lang,
        removed=removals,
        flags=flags,
    )


def run(text: str, config: Config, lang: str | None = None, url: str | None = None) -> Article:
    """The whole text-mode pipeline on one document."""
    doc, removals = build(text, config, lang)
    flags: list[str] = [FLATTENED] if doc.cache.get(FLATTENED) else []
    removals = run_steps(doc, removals, flags)
    return finish(doc, removals, flags)
