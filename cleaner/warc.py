"""WARC and WET input, read with FastWARC (streaming; ``.gz`` handled by the library).

HTML responses become HTML records, WET conversions and text resources become text
records; request, metadata and other records are skipped (they are not documents). A
record that cannot be read becomes an error record, and a broken archive ends with one,
so the batch reports it instead of stopping.
"""

from __future__ import annotations

from collections.abc import Iterator

from .io import Record

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(record) -> str | None:
    try:
        return record.http_charset
    except Exception:  # noqa: BLE001 - a malformed header is just "no charset"
        return None


def read_warc(path: str) -> Iterator[Record]:
    """Documents of a WARC/WET file (or ``-`` for stdin), in archive order."""
    import sys

    from fastwarc.warc import ArchiveIterator, WarcRecordType

    source = "<stdin>" if path == "-" else path
    wanted = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Record(source, error=f"cannot read: {exc.strerror or exc}")
        return
    number = 0
    try:
        # FastWARC detects gzip/zstd/lz4 compression itself (stream_detect).
        for record in ArchiveIterator(stream, record_types=wanted, parse_http=True):
            number += 1
            rid = record.record_id
            url = record.headers.get("WARC-Target-URI")
            where = f"{source}:{number}"
            try:
                payload = record.reader.read()
            except Exception as exc:  # noqa: BLE001
                yield Record(where, id=rid, url=url, error=f"cannot read record: {exc}")
                continue
            if record.record_type == WarcRecordType.response:
                content_type = (record.http_content_type or "").lower()
                if content_type and not content_type.startswith(_HTML_TYPES):
                    continue  # images, scripts, JSON: not pages
                charset = _charset(record)
                content: str | bytes = payload
                if charset:
                    try:
                        content = payload.decode(charset)
                    except (LookupError, UnicodeDecodeError):
                        content = payload  # let the page's own declaration or detection decide
                yield Record(where, content, "html", id=rid, url=url)
            else:
                text = payload.decode("utf-8", errors="replace")
                kind = "html" if (record.headers.get("Content-Type") or "").startswith(_HTML_TYPES) else "text"
                yield Record(where, text, kind, id=rid, url=url)
    except Exception as exc:  # noqa: BLE001 - a truncated or corrupt archive
        yield Record(f"{source}:{number + 1}", error=f"cannot read the archive further: {exc}")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
