"""A process pool that never loses a record, even when a document hangs a worker.

Each worker cleans batches of records and reports every record as it finishes. The
parent therefore knows which record each worker is on and since when. Python-level
runaways stop at ``Config.timeout_seconds`` inside the worker (``limits.time_limit``);
a document stuck in C code (a parser) cannot be interrupted that way, so after a hard
limit the parent kills the worker, emits a timeout record for that document, requeues the
rest of its batch and starts a fresh worker. A worker that dies (out of memory, a crash)
is handled the same way. Output follows input order unless asked otherwise, with a
bounded number of batches in flight, so memory stays flat on endless streams.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from .api import Cleaner
from .io import Record

_TICK = 0.2  # seconds between checks of the workers' progress


def _worker(cleaner: Cleaner, explain: bool, tasks: Any, results: Any) -> None:
    from .batch import process

    # Load the lexicons and the stoplist index now, so the first document's time limit
    # measures the document, not the start-up.
    cleaner.clean("Warm-up: the council met on Monday.\n\nIt voted to keep the library open.")
    while True:
        task = tasks.get()
        if task is None:
            return
        bid, start, records = task
        for k, record in enumerate(records, start):
            results.send((bid, k, process(record, cleaner, explain)))


@dataclass
class _Busy:
    """What a worker is doing: batch ``bid`` from record ``next`` on, since ``since``."""

    bid: int
    records: list[Record]
    start: int
    next: int
    since: float


def hard_limit(cleaner: Cleaner) -> float | None:
    """Seconds after which a worker stuck on one document is killed."""
    soft = cleaner.config.timeout_seconds
    return None if soft is None else soft * 1.5 + 2.0


def _failure(record: Record, message: str, timeout: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"source": record.source}
    if record.id is not None:
        out["id"] = record.id
    if record.url:
        out["url"] = record.url
    out["error"] = message
    if timeout:
        out["timeout"] = True
    return out


class Pool:
    """``jobs`` worker processes cleaning batches of ``batch_size`` records."""

    def __init__(self, cleaner: Cleaner, *, jobs: int, explain: bool = False, batch_size: int = 16, window: int = 32):
        self.cleaner = cleaner
        self.explain = explain
        self.jobs = max(1, jobs)
        self.batch_size = batch_size
        self.window = max(window, 2 * self.jobs)  # batches between reader and writer
        self.limit = hard_limit(cleaner)
        self.ctx = mp.get_context()
        # Each worker has its own task queue and result pipe: killing a worker can only
        # corrupt its own channels, which are thrown away with it.
        self.workers: dict[int, tuple[Any, Any, Any]] = {}  # wid -> (process, tasks, results)
        self.busy: dict[int, _Busy] = {}
        self.settled: set[tuple[int, int]] = set()  # records reported for a killed worker
        self._next_wid = 0

    def _spawn(self) -> None:
        wid = self._next_wid
        self._next_wid += 1
        tasks = self.ctx.Queue()
        receive, send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_worker, args=(self.cleaner, self.explain, tasks, send), daemon=True)
        proc.start()
        send.close()
        self.workers[wid] = (proc, tasks, receive)

    def _retire(self, wid: int) -> None:
        proc, tasks, receive = self.workers.pop(wid)
        proc.kill()
        proc.join(timeout=5)
        tasks.close()
        tasks.cancel_join_thread()
        receive.close()

    def imap(self, records: Iterable[Record], ordered: bool = True) -> Iterator[dict[str, Any]]:
        """Clean ``records``; yields one output record per input record."""
        for _ in range(self.jobs):
            self._spawn()
        try:
            yield from self._run(iter(records), ordered)
        finally:
            for _proc, tasks, _receive in self.workers.values():
                with contextlib.suppress(OSError, ValueError):
                    tasks.put(None)
            for wid in list(self.workers):
                self.workers[wid][0].join(timeout=2)
                self._retire(wid)

    def _run(self, records: Iterator[Record], ordered: bool) -> Iterator[dict[str, Any]]:
        pending: deque[tuple[int, int, list[Record]]] = deque()  # (bid, start, records) to dispatch
        sizes: dict[int, int] = {}  # bid -> number of records
        done: dict[tuple[int, int], dict[str, Any]] = {}
        emit_bid, emit_k, next_bid = 0, 0, 0
        exhausted = False
        window = self.window

        while True:
            # Keep a bounded number of batches between the reader and the writer.
            while not exhausted and next_bid - emit_bid < window:
                batch = [r for _, r in zip(range(self.batch_size), records, strict=False)]
                if not batch:
                    exhausted = True
                    break
                sizes[next_bid] = len(batch)
                pending.append((next_bid, 0, batch))
                next_bid += 1
            for wid, (_proc, tasks, _receive) in self.workers.items():
                if wid not in self.busy and pending:
                    bid, start, batch = pending.popleft()
                    tasks.put((bid, start, batch))
                    self.busy[wid] = _Busy(bid, batch, start, start, time.monotonic())
            if exhausted and not pending and not self.busy:
                break
            owners = {receive: wid for wid, (_p, _t, receive) in self.workers.items()}
            ready = wait(list(owners), timeout=_TICK)
            for conn in ready:
                wid = owners[conn]
                try:
                    while conn.poll():
                        bid, k, result = conn.recv()
                        if (bid, k) not in self.settled:
                            self._progress(wid, bid, k)
                            done[(bid, k)] = result
                except (EOFError, OSError):
                    pass  # the worker died: _police reports its document
            self._police(done, pending)
            # Emit what is ready.
            if ordered:
                while emit_bid in sizes and (emit_bid, emit_k) in done:
                    yield done.pop((emit_bid, emit_k))
                    emit_k += 1
                    if emit_k >= sizes[emit_bid]:
                        del sizes[emit_bid]
                        emit_bid, emit_k = emit_bid + 1, 0
            else:
                for key in list(done):
                    yield done.pop(key)
                    sizes[key[0]] -= 1
                    if sizes[key[0]] == 0:
                        del sizes[key[0]]
                emit_bid = min(sizes, default=next_bid)

    def _progress(self, wid: int, bid: int, k: int) -> None:
        busy = self.busy.get(wid)
        if busy is None or busy.bid != bid:
            return
        busy.next = k + 1
        busy.since = time.monotonic()
        if busy.next >= busy.start + len(busy.records):
            del self.busy[wid]

    def _police(self, done: dict[tuple[int, int], dict[str, Any]], pending: deque) -> None:
        """Kill workers stuck past the hard limit or dead; report and requeue their work."""
        now = time.monotonic()
        for wid, busy in list(self.busy.items()):
            proc = self.workers[wid][0]
            stuck = self.limit is not None and now - busy.since > self.limit
            if not stuck and proc.is_alive():
                continue
            offset = busy.next - busy.start
            record = busy.records[offset]
            message = (
                f"timeout: the worker was stopped after {self.limit:g} s on this document"
                if stuck
                else f"internal error: the worker died (exit code {proc.exitcode}) on this document"
            )
            done[(busy.bid, busy.next)] = _failure(record, message, timeout=stuck)
            self.settled.add((busy.bid, busy.next))
            rest = busy.records[offset + 1 :]
            if rest:
                pending.appendleft((busy.bid, busy.next + 1, rest))
            del self.busy[wid]
            self._retire(wid)
            self._spawn()
