"""Batch processing: records in, one output record per input record, in order.

The worker function never raises: a document that fails or times out yields a record
with ``error`` set, so one bad page never stops, shortens or reorders a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .api import Cleaner
from .io import Record
from .limits import DocumentTimeout, time_limit

#: Key of the per-rule removed-character counts in a result; not written to outputs.
STATS_KEY = "_removed_chars"


def process(record: Record, cleaner: Cleaner, explain: bool = False) -> dict[str, Any]:
    """Clean one record into an output dict (Article fields, or ``error``)."""
    out: dict[str, Any] = {"source": record.source}
    if record.id is not None:
        out["id"] = record.id
    if record.url:
        out["url"] = record.url
    out.update(record.extra)
    if record.error:
        out["error"] = record.error
        return out
    try:
        with time_limit(cleaner.config.timeout_seconds):
            if record.kind == "html":
                article = cleaner.clean_html(record.content, url=record.url)
            else:
                article = cleaner.clean(record.content, url=record.url)
    except DocumentTimeout as exc:
        out["error"] = f"timeout: {exc}"
        out["timeout"] = True
        return out
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        out["error"] = f"internal error: {type(exc).__name__}: {exc}"
        return out
    fields = article.to_dict()
    by_rule: dict[str, int] = {}
    for removal in article.removed:
        by_rule[removal.rule] = by_rule.get(removal.rule, 0) + len(removal.text)
    out[STATS_KEY] = by_rule
    if not explain:
        fields.pop("removed")
    if fields.get("error") is None:
        fields.pop("error", None)
    fields["flags"] = fields["flags"] + record.notes
    fields["input"] = record.kind
    out.update(fields)
    return out


def run(
    records: Iterable[Record],
    cleaner: Cleaner,
    *,
    explain: bool = False,
    jobs: int = 1,
    batch_size: int = 16,
    ordered: bool = True,
) -> Iterator[dict[str, Any]]:
    """Clean a stream of records, ``jobs`` processes wide, yielding output records.

    With one job the records are cleaned in this process (the soft time limit applies);
    with more, a :class:`~cleaner.workers.Pool` also enforces a hard limit by stopping a
    stuck worker. Memory stays bounded: at most 32 batches are in flight. With
    ``ordered`` the output follows the input order; without it, records come as they finish.
    """
    if jobs <= 1:
        for record in records:
            yield process(record, cleaner, explain)
        return
    from .workers import Pool

    yield from Pool(cleaner, jobs=jobs, explain=explain, batch_size=batch_size).imap(records, ordered=ordered)


def summarize(results: Iterable[dict[str, Any]], on_each: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """Pass each result (without its stats key) to ``on_each``; count documents, errors,
    timeouts, body characters and removed characters per rule."""
    stats: dict[str, Any] = {"documents": 0, "errors": 0, "timeouts": 0, "body_chars": 0, "removed_chars": {}}
    counts = stats["removed_chars"]
    for result in results:
        stats["documents"] += 1
        if "error" in result:
            stats["errors"] += 1
            stats["timeouts"] += bool(result.get("timeout"))
        stats["body_chars"] += len(result.get("body", ""))
        for rule, chars in result.pop(STATS_KEY, {}).items():
            counts[rule] = counts.get(rule, 0) + chars
        on_each(result)
    return stats
