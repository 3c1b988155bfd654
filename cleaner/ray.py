"""Ray Data: clean a column of text dumps or HTML pages across a Ray cluster.

    import ray, cleaner.ray
    ds = ray.data.read_parquet("s3://bucket/pages/")
    ds = cleaner.ray.clean_dataset(ds, column="html", kind="html")

Each batch is cleaned by the same function as the local CLI path (``cleaner.batch.process``),
so the Article fields are the same record for record. Needs the ``ray`` extra:
``pip install 'cleaner[ray]'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .api import Cleaner
from .batch import STATS_KEY, process
from .config import Config
from .io import Record, looks_like_html

#: Columns added to a dataset by :func:`clean_dataset`.
ARTICLE_COLUMNS = ("body", "title", "subtitle", "authors", "published", "site", "lang", "flags", "error")


class CleanBatch:
    """A ``map_batches`` callable: one :class:`~cleaner.Cleaner` per Ray worker.

    ``kind`` is ``"text"``, ``"html"`` or ``"auto"`` (sniffed per row). The input columns
    are kept; the Article fields are added (``removed`` too with ``explain``).
    """

    def __init__(self, config: Config | None = None, column: str = "text", kind: str = "auto", explain: bool = False):
        self.cleaner = Cleaner(config)
        self.column = column
        self.kind = kind
        self.explain = explain

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        values = list(batch[self.column])
        columns: dict[str, list[Any]] = {name: [] for name in ARTICLE_COLUMNS}
        if self.explain:
            columns["removed"] = []
        for n, value in enumerate(values):
            content = value if isinstance(value, str | bytes) else ("" if value is None else str(value))
            kind = self.kind
            if kind == "auto":
                kind = (
                    "html"
                    if looks_like_html(content if isinstance(content, str) else content[:2048].decode("latin-1"))
                    else "text"
                )
            out = process(Record(f"row:{n}", content, kind), self.cleaner, self.explain)
            out.pop(STATS_KEY, None)
            for name in columns:
                columns[name].append(out.get(name, [] if name in ("authors", "flags", "removed") else None))
        return {**{k: list(v) for k, v in batch.items()}, **columns}


def clean_dataset(
    ds: Any,
    *,
    column: str = "text",
    kind: str = "auto",
    config: Config | None = None,
    explain: bool = False,
    batch_size: int = 64,
    concurrency: int | None = None,
) -> Any:
    """Map a ``ray.data.Dataset`` column of text dumps or HTML to Article columns."""
    kwargs: dict[str, Any] = {}
    if concurrency is not None:
        kwargs["concurrency"] = concurrency
    return ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"config": config, "column": column, "kind": kind, "explain": explain},
        batch_size=batch_size,
        batch_format="default",
        **kwargs,
    )


class _Records:
    """``map_batches`` callable over serialised records: output dicts as JSON strings,
    exactly what the local path writes."""

    def __init__(self, cleaner: Cleaner, explain: bool):
        self.cleaner = cleaner
        self.explain = explain

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = []
        for payload in batch["record"]:
            fields = json.loads(payload)
            content = fields.pop("content")
            if fields.pop("binary", False):
                content = content.encode("latin-1")
            result = process(Record(content=content, **fields), self.cleaner, self.explain)
            out.append(json.dumps(result, ensure_ascii=False))
        return {"result": out}


def _serialise(record: Record) -> str:
    binary = isinstance(record.content, bytes)
    content = record.content.decode("latin-1") if isinstance(record.content, bytes) else record.content
    return json.dumps(
        {
            "source": record.source,
            "content": content,
            "kind": record.kind,
            "id": record.id,
            "url": record.url,
            "error": record.error,
            "notes": record.notes,
            "extra": record.extra,
            "binary": binary,
        }
    )


def run_records(
    records: Iterable[Record],
    cleaner: Cleaner,
    *,
    explain: bool = False,
    address: str | None = None,
    chunk: int = 20_000,
    batch_size: int = 64,
) -> Iterator[dict[str, Any]]:
    """The CLI's ``--engine ray``: clean records on a Ray cluster (a local one when
    ``address`` is None), ``chunk`` records at a time so the driver's memory stays flat,
    yielding output records in input order."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, ignore_reinit_error=True, include_dashboard=False, log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    iterator = iter(records)
    while True:
        items = [{"record": _serialise(r)} for r in islice(iterator, chunk)]
        if not items:
            return
        ds = ray.data.from_items(items).map_batches(
            _Records,
            fn_constructor_kwargs={"cleaner": cleaner, "explain": explain},
            batch_size=batch_size,
            concurrency=(1, max(1, int(ray.available_resources().get("CPU", 1)))),
        )
        for row in ds.iter_rows():
            yield json.loads(row["result"])
