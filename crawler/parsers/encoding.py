"""Reading the bytes of pages whose encoding the server misstates: several Belgian sites serve
latin-1 / cp1252 bytes under ``charset=utf-8`` (and the reverse happens). One rule for every
parser: bytes that are valid UTF-8 are UTF-8 (latin-1 text with accents is practically never
valid UTF-8), anything else is cp1252, the Windows superset of latin-1. Each source words its own
note about it (the note goes into the record's ``gaps`` or the parse log)."""

from __future__ import annotations

# The five bytes cp1252 leaves undefined; latin-1 gives them their C1 code point.
UNDEFINED_CP1252 = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


def utf8_or_cp1252(body: bytes, *, strict: bool = False) -> tuple[str, bool]:
    """(text, True) for UTF-8 bytes (a leading byte-order mark dropped); otherwise (text read as
    cp1252, False). ``strict``: a byte cp1252 leaves undefined raises UnicodeDecodeError instead
    of being kept as its latin-1 code point."""
    try:
        return body.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        pass
    if strict or not any(b in UNDEFINED_CP1252 for b in body):
        return body.decode("cp1252"), False
    return "".join(chr(b) if b in UNDEFINED_CP1252 else bytes((b,)).decode("cp1252") for b in body), False
