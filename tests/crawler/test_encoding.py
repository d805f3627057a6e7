"""The one rule for pages whose server misstates their encoding (crawler/parsers/encoding.py)."""

import pytest

from crawler.parsers.encoding import utf8_or_cp1252


def test_utf8_bytes_are_utf8_and_a_byte_order_mark_is_dropped():
    assert utf8_or_cp1252("België €".encode()) == ("België €", True)
    assert utf8_or_cp1252(b"\xef\xbb\xbfBelgi\xc3\xab") == ("België", True)


def test_other_bytes_are_cp1252():
    assert utf8_or_cp1252("België – €".encode("cp1252")) == ("België – €", False)


def test_bytes_cp1252_leaves_undefined_keep_their_latin1_code_point_unless_strict():
    assert utf8_or_cp1252(b"\x80 \x81 \xeb") == ("€ \x81 ë", False)
    with pytest.raises(UnicodeDecodeError):
        utf8_or_cp1252(b"Belgi\x81", strict=True)
