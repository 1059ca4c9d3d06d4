"""Reference implementation of readlist protocol v1, section 2 (Identity).

Written from Protocol/SPEC.md alone, independently of the Swift code, so that
the test vectors are checked by two implementations. Standard library only.

    canonical_url(text) -> str              raises CanonicalURLError(reason)
    article_id(canonical) -> str            lowercase UUID string
    content_digest(data) -> str             lowercase hex SHA-256
    content_article_id(data) -> str         lowercase UUID string
    tag_name(text) -> (display, key) | None
    tag_id(key) -> str                      lowercase UUID string
    imported_highlight_id(article, quote) -> str   lowercase UUID string

Unicode data comes from this Python's unicodedata module (Unicode 14.0 on
Python 3.11); the vectors only use characters whose properties are stable
since then.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import urllib.parse
import uuid

__all__ = [
    "ARTICLE_NAMESPACE",
    "CONTENT_NAMESPACE",
    "TAG_NAMESPACE",
    "CanonicalURLError",
    "ERROR_REASONS",
    "TRACKING_PARAMETERS",
    "article_id",
    "canonical_url",
    "content_article_id",
    "content_digest",
    "imported_highlight_id",
    "tag_id",
    "tag_name",
]

# --- 2.1 Namespaces ---------------------------------------------------------

ARTICLE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://readlist.dev/ns/article")
TAG_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://readlist.dev/ns/tag")
CONTENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://readlist.dev/ns/content")
IMPORTED_HIGHLIGHT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://readlist.dev/ns/imported-highlight")

# --- 2.2 White space (Unicode White_Space property, listed explicitly) ------

WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)
_WHITE_SPACE_CHARS = "".join(sorted(WHITE_SPACE))
_WHITE_SPACE_RUN = re.compile("[" + re.escape(_WHITE_SPACE_CHARS) + "]+")


def _trim(text: str) -> str:
    return text.strip(_WHITE_SPACE_CHARS)


# --- 2.3 Canonical URL ------------------------------------------------------

ERROR_REASONS = (
    "empty",
    "not_a_url",
    "unsupported_scheme",
    "missing_host",
    "invalid_host",
    "invalid_port",
)

TRACKING_PARAMETERS = frozenset(
    """
    fbclid gclid dclid gbraid wbraid msclkid mc_cid mc_eid yclid igshid twclid
    _ga _gl _hsenc _hsmi mkt_tok oly_anon_id oly_enc_id vero_id rb_clickid
    s_cid ref_src ref_url
    """.split()
)
TRACKING_PREFIX = "utm_"

DEFAULT_PORTS = {"http": 80, "https": 443}

_ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_DIGIT = "0123456789"
UNRESERVED = frozenset(_ALPHA + _DIGIT + "-._~")
SUB_DELIMS = frozenset("!$&'()*+,;=")
PCHAR = UNRESERVED | SUB_DELIMS | frozenset(":@")
PATH_CHARS = PCHAR | frozenset("/")
QUERY_CHARS = PCHAR | frozenset("/?")
FRAGMENT_CHARS = PCHAR | frozenset("/?")
HOST_LABEL_ASCII = frozenset(_ALPHA + _DIGIT + "-_")

_SCHEME_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", re.DOTALL)
_PORT_NOT_SCHEME = re.compile(r"[0-9]+(?:[/?#].*)?", re.DOTALL)
# RFC 3986, appendix B.
_RFC3986_SPLIT = re.compile(r"(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?", re.DOTALL)
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


class CanonicalURLError(ValueError):
    """The input has no canonical URL; `reason` is one of ERROR_REASONS."""

    def __init__(self, reason: str, text: str):
        super().__init__(f"{reason}: {text!r}")
        self.reason = reason
        self.text = text


def _percent_normalize(text: str, allowed: frozenset[str]) -> str:
    """Section 2.3, "percent-normalize"."""
    out = []
    i = 0
    while i < len(text):
        escape = _ESCAPE.match(text, i)
        if escape:
            byte = int(escape.group(1), 16)
            out.append(chr(byte) if chr(byte) in UNRESERVED else "%%%02X" % byte)
            i += 3
            continue
        char = text[i]
        if char in allowed:
            out.append(char)
        else:
            out.extend("%%%02X" % b for b in char.encode("utf-8"))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986, section 5.2.4, transcribed literally."""
    inp, out = path, ""
    while inp:
        if inp.startswith("../"):
            inp = inp[3:]
        elif inp.startswith("./"):
            inp = inp[2:]
        elif inp.startswith("/./"):
            inp = "/" + inp[3:]
        elif inp == "/.":
            inp = "/"
        elif inp.startswith("/../"):
            inp = "/" + inp[4:]
            out = out[: out.rfind("/")] if "/" in out else ""
        elif inp == "/..":
            inp = "/"
            out = out[: out.rfind("/")] if "/" in out else ""
        elif inp in (".", ".."):
            inp = ""
        else:
            start = 1 if inp.startswith("/") else 0
            end = inp.find("/", start)
            end = len(inp) if end < 0 else end
            out += inp[:end]
            inp = inp[end:]
    return out


def _lowercase(text: str) -> str:
    # Full lowercase mapping of each code point on its own (no Final_Sigma, no locale).
    return "".join(char.lower() for char in text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _canonical_host(host: str, text: str) -> str:
    if host.startswith("["):
        inner = host[1:-1]
        if not inner or ":" not in inner or any(c not in "0123456789abcdefABCDEF:." for c in inner):
            raise CanonicalURLError("invalid_host", text)
        return "[" + inner.lower() + "]"
    if re.search(r"%(?![0-9A-Fa-f]{2})", host):
        raise CanonicalURLError("invalid_host", text)
    try:
        decoded = urllib.parse.unquote_to_bytes(host).decode("utf-8", "strict")
    except UnicodeDecodeError:
        raise CanonicalURLError("invalid_host", text) from None
    if decoded.endswith("."):
        decoded = decoded[:-1]
    labels = []
    for label in decoded.split("."):
        if not label or any(
            (c not in HOST_LABEL_ASCII) if ord(c) < 0x80 else (c in WHITE_SPACE) for c in label
        ):
            raise CanonicalURLError("invalid_host", text)
        label = _nfc(_lowercase(_nfc(label)))
        if label.isascii():
            labels.append(label)
        else:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(labels)


def _canonical_port(port: str, scheme: str, text: str) -> str:
    if port == "":
        return ""
    if any(c not in _DIGIT for c in port):
        raise CanonicalURLError("invalid_port", text)
    value = int(port, 10)
    if value > 65535:
        raise CanonicalURLError("invalid_port", text)
    if value == DEFAULT_PORTS[scheme]:
        return ""
    return ":" + str(value)


def _canonical_path(path: str) -> str:
    path = _remove_dot_segments(_percent_normalize(path, PATH_CHARS))
    if path == "":
        return "/"
    stripped = path.rstrip("/")
    return stripped if stripped else "/"


def _canonical_query(query: str | None) -> str:
    if not query:
        return ""
    kept = []
    for parameter in query.split("&"):
        if parameter == "":
            continue
        name, has_value, value = parameter.partition("=")
        name = _percent_normalize(name, QUERY_CHARS)
        lowered = name.lower()  # ASCII only after normalization
        if lowered.startswith(TRACKING_PREFIX) or lowered in TRACKING_PARAMETERS:
            continue
        if has_value:
            kept.append((name, name + "=" + _percent_normalize(value, QUERY_CHARS)))
        else:
            kept.append((name, name))
    kept.sort(key=lambda pair: pair[0].encode("ascii"))  # list.sort is stable
    return "?" + "&".join(pair[1] for pair in kept) if kept else ""


def _canonical_fragment(fragment: str | None) -> str:
    if fragment and fragment[0] in "!/":
        return "#" + _percent_normalize(fragment, FRAGMENT_CHARS)
    return ""


def _looks_like_host(text: str) -> bool:
    first = re.match(r"[^/?#]*", text, re.DOTALL).group(0)
    return (
        "." in first
        and not first.startswith(".")
        and "@" not in first
        and not any(c in WHITE_SPACE for c in first)
    )


def canonical_url(text: str) -> str:
    """Section 2.3: the canonical URL string of `text`."""
    original = text
    text = _trim(text)
    if text == "":
        raise CanonicalURLError("empty", original)

    # Step 2: scheme.
    if text.startswith("//"):
        text = "https:" + text
    else:
        prefix = _SCHEME_PREFIX.fullmatch(text)
        if prefix and not ("." in prefix.group(1) and _PORT_NOT_SCHEME.fullmatch(prefix.group(2))):
            if prefix.group(1).lower() not in DEFAULT_PORTS:
                raise CanonicalURLError("unsupported_scheme", original)
        elif _looks_like_host(text):
            text = "https://" + text
        else:
            raise CanonicalURLError("not_a_url", original)

    # Step 3: split; scheme; userinfo.
    parts = _RFC3986_SPLIT.fullmatch(text)
    scheme = parts.group(2).lower()
    authority = parts.group(4)
    path, query, fragment = parts.group(5), parts.group(7), parts.group(9)
    if authority is None:
        raise CanonicalURLError("missing_host", original)
    authority = authority.rpartition("@")[2]

    # Steps 4 and 5: host, then port.
    if authority.startswith("["):
        close = authority.find("]")
        if close < 0:
            raise CanonicalURLError("invalid_host", original)
        host, rest = authority[: close + 1], authority[close + 1 :]
        if rest and not rest.startswith(":"):
            raise CanonicalURLError("invalid_host", original)
        port = rest[1:]
    else:
        host, _, port = authority.partition(":")
    if host == "":
        raise CanonicalURLError("missing_host", original)
    host = _canonical_host(host, original)
    port = _canonical_port(port, scheme, original)

    # Steps 6 to 8.
    return (
        scheme + "://" + host + port
        + _canonical_path(path)
        + _canonical_query(query)
        + _canonical_fragment(fragment)
    )


def article_id(canonical: str) -> str:
    """Section 2.4: article id of a canonical URL string."""
    return str(uuid.uuid5(ARTICLE_NAMESPACE, canonical))


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_article_id(data: bytes) -> str:
    """Section 2.5: article id of a file saved without a URL."""
    return str(uuid.uuid5(CONTENT_NAMESPACE, "sha256:" + content_digest(data)))


# --- 2.6 Tags ---------------------------------------------------------------


def tag_name(text: str) -> tuple[str, str] | None:
    """Section 2.6: (display, key), or None when nothing is left after trimming."""
    trimmed = _trim(text)
    if trimmed == "":
        return None
    display = _nfc(_WHITE_SPACE_RUN.sub(" ", trimmed))
    key = _nfc(display.casefold())
    return display, key


def tag_id(key: str) -> str:
    return str(uuid.uuid5(TAG_NAMESPACE, key))


# --- 2.1 Imported highlights --------------------------------------------------


def imported_highlight_id(article: str, quote: str) -> str:
    """Section 2.1: the id of a highlight read from another service's export."""
    return str(uuid.uuid5(IMPORTED_HIGHLIGHT_NAMESPACE, article.lower() + "\n" + _nfc(_trim(quote))))


if __name__ == "__main__":
    import sys

    for argument in sys.argv[1:]:
        try:
            canonical = canonical_url(argument)
            print(canonical, article_id(canonical))
        except CanonicalURLError as error:
            print("error:", error.reason)
