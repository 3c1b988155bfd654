"""Reading inputs: files, directories, stdin and JSONL streams, decoded safely.

Every input document becomes one :class:`Record`; a document that cannot be read or
decoded becomes a record with ``error`` set instead of disappearing, so the batch can
report it and go on. Nothing here raises on bad data.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst")
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".warc.wet.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


@dataclass
class Record:
    """One input document. ``content`` is text or HTML; ``kind`` says which."""

    source: str
    content: str | bytes = ""  # bytes only for HTML whose charset the page itself declares
    kind: str = "text"  # "text" or "html"
    id: str | None = None
    url: str | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Bytes -> (text, encoding used if not UTF-8, error). UTF-8 first, then detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:65536]
    if sample.count(b"\x00") > max(1, len(sample) // 1000) and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, None, "binary data (NUL bytes): not a text document"
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None, None, "cannot decode: not UTF-8 and no text encoding detected"
    return str(best), best.encoding, None


def looks_like_html(text: str) -> bool:
    """Content sniffing: a document that starts like HTML markup."""
    head = text[:2048].lstrip().lower()
    return (
        head.startswith(("<!doctype html", "<html", "<?xml"))
        or ("<body" in head and "</" in head)
        or (head.startswith("<") and any(tag in head for tag in ("<head", "<meta", "<title", "<div", "<p>")))
    )


def _kind(path: str, text: str, forced: str) -> str:
    if forced in ("text", "html"):
        return forced
    if path.lower().endswith(HTML_SUFFIXES):
        return "html"
    return "html" if looks_like_html(text) else "text"


def open_stream(path: str) -> IO[bytes]:
    """Open a file (or ``-`` for stdin) as bytes, decompressing .gz and .zst."""
    if path == "-":
        return sys.stdin.buffer
    lower = path.lower()
    if lower.endswith(".gz"):
        return gzip.open(path, "rb")
    if lower.endswith(".zst"):
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True)
    return open(path, "rb")


def expand(paths: list[str]) -> Iterator[str]:
    """Files named, and files under directories named (recursively, sorted, no dot-files)."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield p


def is_stream(path: str, forced: str = "auto") -> str | None:
    """'jsonl' or 'warc' when the path holds many records, else None."""
    if forced in ("jsonl", "warc"):
        return forced
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    return None


@dataclass(frozen=True)
class Fields:
    """Names of the JSONL fields read: text, html, id and url."""

    text: str = "text"
    html: str = "html"
    id: str = "id"
    url: str = "url"


def read_document(path: str, forced: str = "auto") -> Record:
    """One file (or stdin) as one record."""
    source = "<stdin>" if path == "-" else path
    try:
        with open_stream(path) as fh:
            data = fh.read()
    except OSError as exc:
        return Record(source, error=f"cannot read: {exc.strerror or exc}")
    rid = Path(source).stem if path != "-" else None
    html = forced == "html" or (
        forced == "auto" and (path.lower().endswith(HTML_SUFFIXES) or looks_like_html(data[:2048].decode("latin-1")))
    )
    if html:
        try:
            return Record(source, data.decode("utf-8-sig"), "html", id=rid)
        except UnicodeDecodeError:
            return Record(source, data, "html", id=rid)  # clean_html honours the declared charset
    text, encoding, error = decode(data)
    if error or text is None:
        return Record(source, error=error)
    record = Record(source, text, _kind(path, text, forced), id=rid)
    if encoding:
        record.notes.append(f"decoded_from:{encoding}")
    return record


def read_jsonl(path: str, fields: Fields, forced: str = "auto") -> Iterator[Record]:
    """Records of a JSONL stream; a bad line becomes an error record, never a skipped one."""
    source = "<stdin>" if path == "-" else path
    try:
        stream = open_stream(path)
    except OSError as exc:
        yield Record(source, error=f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        reader = io.BufferedReader(stream) if not hasattr(stream, "readline") else stream
        number = 0
        while True:
            try:
                raw = reader.readline()
            except (OSError, EOFError) as exc:  # truncated .gz/.zst
                yield Record(f"{source}:{number + 1}", error=f"cannot read further: {exc}")
                return
            if not raw:
                return
            number += 1
            if not raw.strip():
                continue
            yield _jsonl_record(raw, f"{source}:{number}", fields, forced)


def _jsonl_record(raw: bytes, source: str, fields: Fields, forced: str) -> Record:
    text, _, error = decode(raw)
    if text is None:
        return Record(source, error=error)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Record(source, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return Record(source, error="JSON line is not an object")
    rid = obj.get(fields.id)
    url = obj.get(fields.url)
    record = Record(source, id=None if rid is None else str(rid), url=url if isinstance(url, str) else None)
    html = obj.get(fields.html)
    body = obj.get(fields.text)
    if forced == "html" and isinstance(body, str) and not isinstance(html, str):
        html = body
    if isinstance(html, str) and forced != "text":
        record.content, record.kind = html, "html"
    elif isinstance(body, str):
        record.content, record.kind = body, "text"
    else:
        record.error = f"no string field {fields.text!r} or {fields.html!r}"
    return record
