"""The documents of a corpus as texts to scan: files (``.txt`` and ``.html``), WARC records and
values of a table's text column, each decoded and, for a page, reduced to its article's text, or
else skipped with the reason why.

The corpus job (``article_highlighter.spark``) reads every input through this module, so that a
bad document (a binary file, a page in a legacy encoding, an empty file, a WARC cut short) becomes
a skip with a reason, never an exception that fails the job. Nothing here needs Spark.

Decoding follows the command line where it can (a ``.txt`` file is UTF-8 and kept as it is, byte
order mark and all) and a browser where the command line refuses (its files must be UTF-8): a page
is decoded by its byte order mark, else the charset its HTTP response named (in a WARC), else its
``<meta charset>``, else as UTF-8, and bytes the encoding cannot decode become U+FFFD and are
counted rather than refused.
"""

import codecs
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from ._core import article_text

MAX_BYTES = 256 * 1024 * 1024
"""Text files and pages larger than this are skipped, as the command line refuses them."""

MAX_WARC_BYTES = 2**31 - 1
"""WARC files larger than this are skipped: Spark reads a file whole into one binary value, which
holds at most this many bytes."""

SKIPS = {
    "empty": "no bytes, or nothing but white space",
    "binary": "a NUL byte in its first 8 KiB: not text",
    "no-text": "a page on which no article text was found",
    "unsupported": "a file that is neither .txt nor .html or .htm",
    "too-large": f"a text file or page over {MAX_BYTES} bytes, or a WARC file over {MAX_WARC_BYTES}",
    "not-html": "a WARC response or resource whose content type is not HTML",
    "truncated": "a WARC record cut short (fewer bytes than its Content-Length), or a WARC file ending inside one",
    "unreadable": "a WARC file that cannot be read on from this point, or a record whose body cannot be decoded",
}
"""Why a document is skipped: each code and what it means."""


@dataclass(frozen=True)
class Document:
    """One document: the text to scan, or why there is none (``skipped``, a key of ``SKIPS``)."""

    doc_id: str | None
    source: str | None = None
    """The file it came from, relative to the input; None for a table's row."""
    url: str | None = None
    """A WARC record's target URI."""
    text: str | None = None
    encoding: str | None = None
    """The codec its bytes were decoded with; None for text that came as text."""
    replaced_bytes: int = 0
    """Bytes the encoding could not decode (each undecodable sequence is now one U+FFFD)."""
    skipped: str | None = None
    detail: str | None = None
    """More on a skip: the content type, the error."""


def skip(doc_id, reason, detail=None, **where) -> Document:
    return Document(doc_id, skipped=reason, detail=detail, **where)


# The count of bytes the last decoding on this thread replaced: a codec's error handler can only
# be named, not passed, so the handler registered below keeps its count here.
_replaced = threading.local()


def _replace_and_count(error: UnicodeDecodeError) -> tuple[str, int]:
    _replaced.count += error.end - error.start
    return "\ufffd", error.end


codecs.register_error("article_highlighter.count", _replace_and_count)


def decode(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded, and how many of its bytes could not be (each undecodable sequence
    becomes one U+FFFD)."""
    _replaced.count = 0
    text = data.decode(encoding, errors="article_highlighter.count")
    return text, _replaced.count


BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]

# Labels whose decoder in a browser is another than Python's codec of that name (the WHATWG
# Encoding Standard's table): ISO-8859-1 and ASCII pages are read as windows-1252, GB2312 as
# GB18030, Shift_JIS as Microsoft's code page 932, EUC-KR as 949, and a page cannot declare itself
# UTF-16 from inside (the declaration would not be readable), so that means UTF-8.
BROWSER_CODECS = {
    **dict.fromkeys(["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819"], "cp1252"),
    **dict.fromkeys(["iso-8859-9", "latin5", "l5"], "cp1254"),
    **dict.fromkeys(["iso-8859-11", "tis-620"], "cp874"),
    **dict.fromkeys(["gb2312", "gbk", "x-gbk", "gb_2312-80"], "gb18030"),
    **dict.fromkeys(["shift_jis", "shift-jis", "sjis", "ms_kanji", "windows-31j", "x-sjis"], "cp932"),
    **dict.fromkeys(["euc-kr", "ks_c_5601-1987", "windows-949"], "cp949"),
    **dict.fromkeys(["big5"], "big5hkscs"),
    **dict.fromkeys(["utf-16", "utf-16le", "utf-16be", "unicode"], "utf-8"),
}


def codec(label: str | None) -> str | None:
    """Python's codec for an encoding's label as a browser reads it, or None for no known one."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        return codecs.lookup(BROWSER_CODECS.get(label, label)).name
    except LookupError:
        return None


# `<meta charset="...">`, and `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)

PRESCAN_BYTES = 64 * 1024
"""How far into a page a `<meta charset>` is looked for. The HTML standard's prescan reads 1,024
bytes, then a browser that meets the declaration later reloads the page in it; head sections with
kilobytes of inline script before their `<meta>` are common."""


def page_encoding(data: bytes, declared: str | None = None) -> tuple[str, int]:
    """The codec a page's bytes are in, and how many bytes of byte order mark to drop."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    if found := codec(declared):
        return found, 0
    if (meta := META_CHARSET.search(data[:PRESCAN_BYTES])) and (found := codec(meta.group(1).decode("ascii"))):
        return found, 0
    return "utf-8", 0


def is_binary(data: bytes) -> bool:
    return b"\0" in data[:8192]


def is_blank(data: bytes) -> bool:
    return not data.strip()


def from_page(doc_id: str, data: bytes, declared: str | None = None, **where) -> Document:
    """A page: its article's text, from bytes decoded by `page_encoding`."""
    if is_blank(data):
        return skip(doc_id, "empty", **where)
    encoding, bom = page_encoding(data, declared)
    if not bom and is_binary(data):
        return skip(doc_id, "binary", **where)
    html, replaced = decode(data[bom:], encoding)
    text = article_text(html)
    if not text.strip():
        return skip(doc_id, "no-text", **where)
    return Document(doc_id, text=text, encoding=encoding, replaced_bytes=replaced, **where)


def from_text_bytes(doc_id: str | None, data: bytes, **where) -> Document:
    """A text file: UTF-8 kept as it is (a byte order mark stays, as the command line keeps it),
    or UTF-16 where a byte order mark says so."""
    if is_blank(data):
        return skip(doc_id, "empty", **where)
    encoding, bom = "utf-8", 0
    for mark, name in BOMS[1:]:
        if data.startswith(mark):
            encoding, bom = name, len(mark)
    if not bom and is_binary(data):
        return skip(doc_id, "binary", **where)
    text, replaced = decode(data[bom:], encoding)
    return Document(doc_id, text=text, encoding=encoding, replaced_bytes=replaced, **where)


def from_file(name: str, data: bytes | None) -> Document:
    """A file of a folder, by its extension, as the command line reads it; `data` is None for a
    file too large to have been read."""
    if not name.lower().endswith((".txt", ".html", ".htm")):
        return skip(name, "unsupported", source=name)
    if data is None:
        return skip(name, "too-large", source=name)
    if name.lower().endswith((".html", ".htm")):
        return from_page(name, data, source=name)
    return from_text_bytes(name, data, source=name)


def from_value(doc_id: str | None, value: str | bytes | None) -> Document:
    """A value of a table's text column: text as it is, bytes as a text file's."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return skip(doc_id, "empty")
    if isinstance(value, str):
        return Document(doc_id, text=value)
    return from_text_bytes(doc_id, bytes(value))


HTML_TYPES = ("text/html", "application/xhtml+xml")


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """A Content-Type's media type, lowercased, and its charset parameter."""
    media, *parameters = (content_type or "").split(";")
    charset = next((p.split("=", 1)[1] for p in parameters if p.strip().lower().startswith("charset=")), None)
    return media.strip().lower(), charset


def from_warc(source: str, data: bytes | None) -> Iterator[Document]:
    """The HTML responses and resources of a WARC file (gzipped or not), one document each, by
    its WARC-Record-ID; its other records (requests, metadata, ...) are no documents. A record cut
    short is skipped as ``truncated``; so is the end of a file that stops inside a record, and a
    file warcio cannot read on is ``unreadable`` from there. `data` is None for a file too large
    to have been read."""
    from warcio.archiveiterator import ArchiveIterator

    if data is None or is_blank(data):
        yield skip(source, "too-large" if data is None else "empty", source=source)
        return

    records = ArchiveIterator(BytesIO(data))
    try:
        for record in records:
            if record.rec_type in ("response", "resource"):
                yield _from_record(source, record)
    except Exception as error:  # noqa: BLE001 (whatever warcio raises on a broken file)
        yield skip(f"{source}@{records.offset}", "unreadable", f"{type(error).__name__}: {error}", source=source)
        return
    if records.offset < len(data):
        detail = f"{len(data) - records.offset} bytes after the last whole record"
        yield skip(f"{source}@{records.offset}", "truncated", detail, source=source)


def _from_record(source: str, record) -> Document:
    doc_id = record.rec_headers.get_header("WARC-Record-ID")
    where = {"source": source, "url": record.rec_headers.get_header("WARC-Target-URI")}
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    media, charset = _media_type(headers.get_header("Content-Type") if headers else None)
    try:
        body = record.content_stream().read()
    except Exception as error:  # noqa: BLE001 (a body that its Content-Encoding cannot undo, say)
        return skip(doc_id, "unreadable", f"{type(error).__name__}: {error}", **where)
    while record.raw_stream.read(64 * 1024):
        pass
    if record.raw_stream.limit:
        return skip(doc_id, "truncated", f"{record.raw_stream.limit} bytes missing", **where)
    if media not in HTML_TYPES:
        return skip(doc_id, "not-html", media or "no content type", **where)
    return from_page(doc_id, body, charset, **where)
