"""Reference implementation of readlist protocol v1, section 4 (Highlight anchors).

Locates a highlight's quote in an article's text the way SPEC.md section 4.1
says, independently of the Swift code, so that the anchor test vectors are
checked by two implementations. Standard library only.

    locate(quote, text) -> dict | None

The result has the keys `quote`, `prefix`, `suffix`, `start` and `end`;
offsets count code points (Python string indexes), `end` exclusive, so
`text[start:end] == result["quote"]`. `None` means the quote is not found
(including an empty or white-space-only quote).

Case mappings come from this Python's `str.lower()`, applied to one character
at a time (Unicode 14.0 on Python 3.11); the vectors only use characters whose
mappings are stable since then.
"""

from __future__ import annotations

__all__ = ["CONTEXT_LENGTH", "TYPOGRAPHIC", "WHITE_SPACE", "locate", "reduce"]

# Code points of context kept on each side of a quote.
CONTEXT_LENGTH = 32

# SPEC.md 2.2: the Unicode White_Space property, listed explicitly (it is not
# str.isspace(), which is also true for U+001C-U+001F).
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)

# SPEC.md 4.1: typographic quotes and dashes and what they become.
TYPOGRAPHIC = {
    "\u2018": "'",  # LEFT SINGLE QUOTATION MARK
    "\u2019": "'",  # RIGHT SINGLE QUOTATION MARK
    "\u201b": "'",  # SINGLE HIGH-REVERSED-9 QUOTATION MARK
    "\u2032": "'",  # PRIME
    "\u201c": '"',  # LEFT DOUBLE QUOTATION MARK
    "\u201d": '"',  # RIGHT DOUBLE QUOTATION MARK
    "\u201f": '"',  # DOUBLE HIGH-REVERSED-9 QUOTATION MARK
    "\u2033": '"',  # DOUBLE PRIME
    "\u2010": "-",  # HYPHEN
    "\u2011": "-",  # NON-BREAKING HYPHEN
    "\u2012": "-",  # FIGURE DASH
    "\u2013": "-",  # EN DASH
    "\u2014": "-",  # EM DASH
    "\u2212": "-",  # MINUS SIGN
}


def _lowercase(char: str) -> str:
    """The full lowercase mapping of one character on its own (SPEC.md 2.2).

    `str.lower()` on a one-character string applies no Final_Sigma context
    (there is no preceding cased letter), so U+03A3 gives U+03C3; it is spelt
    out here so the rule does not depend on that detail.
    """
    if char == "\u03a3":
        return "\u03c3"
    return char.lower()


def reduce(text: str) -> tuple[str, list[int]]:
    """The reduced form of `text` for loose matching, and for each of its
    characters the offset in `text` of the character it comes from."""
    reduced: list[str] = []
    origins: list[int] = []
    pending_space: int | None = None
    for offset, char in enumerate(text):
        if char in WHITE_SPACE:
            # A run counts from its first character; leading runs are dropped.
            if pending_space is None and reduced:
                pending_space = offset
            continue
        if pending_space is not None:
            reduced.append(" ")
            origins.append(pending_space)
            pending_space = None
        mapped = TYPOGRAPHIC.get(char)
        if mapped is None:
            mapped = _lowercase(char)
        for part in mapped:
            reduced.append(part)
            origins.append(offset)
    # A trailing run (pending_space still set) is dropped.
    return "".join(reduced), origins


def _anchor(text: str, start: int, end: int) -> dict:
    return {
        "quote": text[start:end],
        "prefix": text[max(0, start - CONTEXT_LENGTH):start],
        "suffix": text[end:end + CONTEXT_LENGTH],
        "start": start,
        "end": end,
    }


def locate(quote: str, text: str) -> dict | None:
    """SPEC.md 4.1: the anchor of `quote` in `text`, or None if it is not found."""
    if all(char in WHITE_SPACE for char in quote):
        return None  # empty or only white space
    start = text.find(quote)
    if start >= 0:
        return _anchor(text, start, start + len(quote))
    reduced_text, origins = reduce(text)
    reduced_quote, _ = reduce(quote)
    match = reduced_text.find(reduced_quote)
    if not reduced_quote or match < 0:
        return None
    last = match + len(reduced_quote) - 1
    return _anchor(text, origins[match], origins[last] + 1)


def _common_suffix(context: str, before: str) -> int:
    count = 0
    while count < len(context) and count < len(before) and context[-1 - count] == before[-1 - count]:
        count += 1
    return count


def _common_prefix(context: str, after: str) -> int:
    count = 0
    while count < len(context) and count < len(after) and context[count] == after[count]:
        count += 1
    return count


def relocate(quote: str, prefix: str, suffix: str, start: int, text: str) -> dict | None:
    """SPEC.md 4.3: a highlight anchored earlier, found again in new `text`, or None (orphaned)."""
    if all(char in WHITE_SPACE for char in quote):
        return None
    best = None  # (score, -distance, -offset) is maximised
    offset = text.find(quote)
    while offset >= 0:
        end = offset + len(quote)
        score = _common_suffix(prefix, text[:offset]) + _common_prefix(suffix, text[end:])
        key = (score, -abs(offset - start), -offset)
        if best is None or key > best[0]:
            best = (key, offset)
        offset = text.find(quote, offset + 1)
    if best is not None:
        return _anchor(text, best[1], best[1] + len(quote))
    return locate(quote, text)
