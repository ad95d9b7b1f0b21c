"""How the corpus job decodes a document's bytes (article_highlighter.documents): a page by its
byte order mark, its HTTP charset, its <meta charset>, else UTF-8, with labels read as a browser
reads them; bytes that cannot be decoded replaced and counted."""

import pytest
from article_highlighter.documents import decode, from_text_bytes, page_encoding


@pytest.mark.parametrize(
    "data, declared, expected",
    [
        (b'<meta charset="windows-1252"><p>x', None, ("cp1252", 0)),
        (b"<meta http-equiv=Content-Type content='text/html; charset=Shift_JIS'>", None, ("cp932", 0)),
        (b"<META CHARSET=gb2312>", None, ("gb18030", 0)),
        (b"<meta charset=iso-8859-1>", None, ("cp1252", 0)),
        (b"<meta charset=utf-16>", None, ("utf-8", 0)),
        (b"<meta charset=klingon>", None, ("utf-8", 0)),
        (b"<p>no declaration", None, ("utf-8", 0)),
        (b"<meta charset=windows-1252>", "koi8-r", ("koi8-r", 0)),
        (b"<meta charset=windows-1252>", "no-such-charset", ("cp1252", 0)),
        (b"\xef\xbb\xbf<meta charset=windows-1252>", "koi8-r", ("utf-8", 3)),
        (b"\xff\xfe<\x00p\x00>\x00", None, ("utf-16-le", 2)),
    ],
)
def test_a_pages_encoding_by_bom_then_http_then_meta(data, declared, expected):
    assert page_encoding(data, declared) == expected


def test_a_declaration_late_in_a_long_head_is_found():
    head = b"<script>" + b"var x = 1;\n" * 500 + b"</script><meta charset=windows-1252>"
    assert len(head) > 1024
    assert page_encoding(head + b"<p>\x93Yes\x94</p>") == ("cp1252", 0)


def test_undecodable_bytes_become_replacement_characters_and_are_counted():
    assert decode(b"ok \xff\xfe ok \xe2\x80", "utf-8") == ("ok \ufffd\ufffd ok \ufffd", 4)
    assert decode("“ok” \ufffd".encode(), "utf-8") == ("“ok” \ufffd", 0)
    assert decode(b"\x93ok\x94 \x81", "cp1252") == ("“ok” \ufffd", 1)


def test_a_text_file_keeps_its_utf8_byte_order_mark_as_the_cli_does():
    document = from_text_bytes("a.txt", b"\xef\xbb\xbfSadiq")
    assert (document.text, document.encoding) == ("\ufeffSadiq", "utf-8")
