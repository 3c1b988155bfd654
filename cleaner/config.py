"""One frozen object for every threshold and toggle of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Config:
    """Thresholds and rule toggles, in one place.

    Every numeric threshold the pipeline uses lives here, with the unit in its name or its
    comment. ``disabled_rules`` switches named rules off by id (see ``docs/rules.md``);
    a disabled rule's debris stays in the body. Instances are immutable, hashable and
    picklable; derive variants with :meth:`with_`.
    """

    # -- switches --------------------------------------------------------------------
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    fix_mojibake: bool = True  # run ftfy on text that shows mojibake
    lexicons: tuple[str, ...] | None = None  # lexicon files to load; None = all shipped

    # -- blocks ----------------------------------------------------------------------
    # A dump is "fragmented" (one line per inline tag) when at least this share of its
    # lines continue the previous line mid-sentence; fragments are then re-joined.
    fragment_line_share: float = 0.12
    max_block_chars: int = 50_000  # longer lines are cut into pieces of this size
    flat_max_lines: int = 3  # a page of at most this many lines ...
    flat_min_chars: int = 1500  # ... holding a line this long ...
    flat_min_sentences: int = 8  # ... with this many sentence breaks was flattened: cut at sentences
    wrap_min_lines: int = 8  # a text this long at least may be hard-wrapped (html2text, lynx)
    wrap_slack_chars: int = 20  # a wrapped line ends at most this many characters short of the width
    split_min_pairs: int = 4  # lines without a blank before them needed to judge a dump split at inline tags
    split_share: float = 0.15  # share of them opening in lower case mid-sentence
    split_fragment_chars: int = 40  # a block this long that stops mid-sentence goes on in the next line
    split_prose_words: int = 10  # ... with at least this many words in its last line
    split_lower_share: float = 0.5  # ... when this share of its last line's words open in lower case (not a headline)
    split_link_chars: int = 60  # or a line this short (a link's text) that the sentence goes on after

    # -- named rules -----------------------------------------------------------------
    term_label_words: int = 8  # a lexicon `terms` entry counts in a block this short (a label) ...
    # ... or in a longer one that addresses the reader ('third-party cookies' in news stays)
    byline_head_share: float = 0.2  # a 'Jane Doe in Tokyo' byline has at most this share of the prose above it ...
    byline_head_paragraphs: int = 1  # ... and at most this many prose paragraphs (a standfirst)
    comment_thread_min: int = 3  # comments between per-comment lines that make a thread
    comment_max_blocks: int = 6  # blocks one comment may span between such lines
    comment_stamp_gap: int = 24  # blocks between two date stamps of one dated comment thread
    repeat_run_min: int = 2  # repeated paragraphs in a row that make a section printed twice ...
    repeat_min_chars: int = 40  # ... counting those of this length or more
    repeat_template_copies: int = 3  # a paragraph printed this often is a template's, not a copy's ...
    repeat_whole_copy_blocks: int = 6  # ... unless its run is this long (a page printing its article three times)
    sponsored_card_blocks: int = 3  # lines of one sponsored card under its label (headline, advertiser, button)
    teaser_list_min: int = 3  # 'Read more' links a few blocks apart that make a teaser list
    dated_list_min: int = 3  # headlines ending in their dates in a row that make a list of other articles
    dated_list_prose_after: float = 0.85  # share of the page's prose above such a list's end
    teaser_card_blocks: int = 4  # blocks one teaser card may span before its link
    late_prose_share: float = 0.6  # share of the page's prose above a block that makes it "after the article"
    tail_prose_share: float = 0.8  # HTML mode: what follows the closing related heading goes at most this prosy
    menu_list_items: int = 2  # a list opening the page of this many short items or more is a menu
    menu_item_words: int = 5  # ... each of at most this many words
    blurb_min_before: int = 3  # a closing blurb about the author or the company needs this many blocks above it
    blurb_tail: int = 2  # paragraphs after the blurb that go on about the one it named (by name) go with it

    # -- shape-based core (see docs/algorithm.md) ------------------------------------
    short_chars: int = 60  # below this a block is too short to judge on its own
    good_chars: int = 120  # prose blocks from this length need no sentence punctuation
    stop_low: float = 0.20  # stopword density under which a block is not prose
    stop_high: float = 0.30  # stopword density from which a block reads as prose
    link_high: float = 0.34  # share of link-like tokens (URLs, @handles) that marks a link list
    neighbour_distance: int = 5  # how far a neargood block looks for a good or bad neighbour
    short_neighbour_distance: int = 50  # how far a short block looks for a settled neighbour
    bad_block_weight: float = 60.0  # region search: a boilerplate block costs this many chars
    short_block_weight: float = 8.0  # region search: an undecided block costs this many chars
    lead_in_clause_words: int = 8  # ... unless it has this many words and ends in a colon (it leads into a list)
    terse_block_weight: float = 30.0  # ... and a bad block that still ends a sentence (terse prose, spec lines)
    debris_block_weight: float = 90.0  # region search: a block a named rule removed costs this
    inline_debris_weight: float = 20.0  # ... when the rule names debris found inside articles
    barrier_prose_chars: int = 150  # prose before a related/comments heading that makes it "late"
    weak_barrier_prose_chars: int = 1200  # ... before a share bar or newsletter prompt
    barrier_block_weight: float = 400.0  # region search: crossing a late heading costs this
    late_section_discount: float = 0.4  # prose below n late headings weighs 0.4**n of its size
    resumed_section_blocks: int = 8  # a related list of at most this many blocks ...
    resumed_prose_chars: int = 3000  # ... with this much prose right below it is a sidebar, not the end
    recurring_boxes: int = 3  # boxes opening with the same words after as many sections sit inside the article
    pre_headline_discount: float = 0.2  # a run above the repeated headline (h1) weighs this share
    region_keep_ratio: float = 0.3  # a second prose region is kept when it has this share of the first
    lead_in_blocks: int = 1  # short blocks right above the region that still open the article
    summary_max_points: int = 6  # ... or points under a summary heading ('Key points') over the lead
    recipe_min_units: int = 3  # lines opened by a quantity and a unit ('125 g Mehl') that make an ingredient list
    recipe_line_words: int = 14  # ... each of at most this many words (a bare count, '2 Eier', at most label + 3)
    recipe_label_words: int = 5  # short labels between them ('Für die Füllung:'), two in a row at most
    recipe_reach: int = 12  # blocks between such a list and the article region that the region grows over

    # -- guard -----------------------------------------------------------------------
    guard_min_input_chars: int = 400  # below this input size the guard never triggers
    tiny_input_chars: int = 150  # an input of one paragraph shorter than this is kept by the core (not a link list)
    guard_min_body_ratio: float = 0.05  # body shorter than this share of the prose triggers it

    # -- HTML mode -------------------------------------------------------------------
    timeout_seconds: float | None = 20.0  # per-document time limit for HTML extraction
    max_html_bytes: int = 20_000_000  # larger HTML documents are cut before parsing
    fallback_min_chars: int = 250  # trafilatura output shorter than this is "too little"
    fallback_prose_share: float = 0.5  # ... or shorter than this share of the page's prose lines
    fallback_gain: float = 3.0  # the text-mode body replaces it when this many times longer
    fallback_overlap: float = 0.7  # ... and holding this share of trafilatura's text
    fallback_overwhelming_gain: float = 10.0  # ... unless this many times longer (then overlap is not asked)
    heading_restore: bool = True  # put back headings trafilatura's recovery path dropped (see html.restore_headings)
    quote_figures: bool = True  # keep pull quotes trafilatura deletes with their <figure> (html._quote_figures)
    heading_restore_steps: int = 12  # elements looked at after a heading for the paragraph it opens
    spare_box_chars: int = 800  # prose a box trafilatura deletes by a class word must hold to be kept (0: off)
    spare_box_share: float = 0.1  # ... and this share of the page's prose (html.spare_prose_boxes)
    spare_region_share: float = 0.9  # boxes made like it are kept inside its ancestor holding this share

    def enabled(self, rule_id: str) -> bool:
        """Whether the rule with this id runs."""
        return rule_id not in self.disabled_rules

    def with_(self, **changes: object) -> Config:
        """A copy with some fields changed, e.g. ``Config().with_(short_chars=40)``."""
        if "disabled_rules" in changes:
            changes["disabled_rules"] = frozenset(changes["disabled_rules"])  # type: ignore[arg-type]
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT = Config()
