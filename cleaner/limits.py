"""A per-document time limit that works inside library calls and worker processes."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(TimeoutError):
    """Raised when one document takes longer than ``Config.timeout_seconds``."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` of wall time.

    Uses ``SIGALRM``, so it applies only in the main thread on POSIX systems; elsewhere
    (threads, Windows) the block runs without a limit. An outer limit already armed is
    left in charge.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise DocumentTimeout(f"document took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
