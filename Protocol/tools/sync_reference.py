"""Reference implementation of readlist protocol v1, section 6.1 (messages), and checks of session transcripts (6.2-6.4).

Written from Protocol/SPEC.md and schemas/v1/sync-message.schema.json alone,
independently of the Swift code, so that the codec and session test vectors
are checked by two implementations. Standard library only, apart from
merge_reference.py (section 3) for merging and the state checksum.

    decode(value) -> dict                      the normalized form of a parsed message; raises MessageError
    decode_text(text) -> dict                  the same, of a message's line of JSON
    MessageError.reason                        a short code for what is wrong (see REASONS)
    check_codec_case(case) -> list[str]        problems with one case of a codec vector file
    check_session_case(case, validate) -> list[str]
                                               problems with one case of a session vector file

The normalized ("decoded") form is plain JSON, the same for every
implementation:

    hello    {type, protocol, minVersion, maxVersion, replica, incarnation, schemaVersion, capabilities}
    pull     {type, after, incarnation, limit, maxBytes (or null), includeOwn (false when absent)}
    changes  {type, after, to, more, end (or null),
              changes: [{entity, key, field, value, hlc, replica}, ...]}
             the field changes of the rows in row order, and within a row by field name
             (compared code point by code point); `replica` is the row's `r` resolved.
             Compact rows (6.1) are read out: each integer in a row's `k` is replaced by
             its entry in the page's `ids`, and a row after the first that leaves out
             `e`, `t` or `r` takes it from the row before, so a compact page decodes
             exactly as the same page written in full
    done     {type, checksum (or null), full, dryRun (false when absent), applied (or null),
              summary (or null; {articles, tags, highlights} of {added, updated, deleted})}
    error    {type, code, message}

Sequence numbers stay decimal strings, without leading zeros, so 64-bit values
survive every JSON parser. Keys a message does not define are ignored.
"""

from __future__ import annotations

import copy
import json
import re

import merge_reference

__all__ = ["MessageError", "REASONS", "check_codec_case", "check_session_case", "decode", "decode_text", "parse"]

# Why a message is refused; every refusal is the error code `bad_message` (SPEC.md 6.1).
REASONS = {
    "not-json": "not one JSON text (or not UTF-8)",
    "not-object": "JSON, but not an object",
    "missing-type": "no `type`",
    "unknown-type": "a `type` that is not hello, pull, changes, done or error",
    "missing-key": "a required key is absent",
    "wrong-type": "a key's value has the wrong JSON type",
    "bad-sequence": "a sequence number that is not a decimal string of a 64-bit value",
    "bad-uuid": "a replica id or incarnation that is not a lowercase UUID",
    "bad-version-range": "minVersion below 1 or above maxVersion",
    "bad-limit": "limit outside 1-100000",
    "bad-max-bytes": "maxBytes below 1024",
    "to-before-after": "a page whose `to` is less than its `after`",
    "bad-hlc": "a clock reading that is not 16 lowercase hex digits",
    "bad-replica-index": "`r` that is not an index into `replicas`",
    "bad-id-index": "a key element that is an integer but not an index into `ids` "
                    "(negative, not below the length of `ids`, or with no `ids`)",
    "empty-fields": "a row without fields",
    "bad-name": "an entity or field name outside ^[A-Za-z_][A-Za-z0-9_]{0,63}$",
    "bad-key": "a row key that is not 1-4 strings of 1-256 printable ASCII characters without spaces "
               "(once indexes are resolved), a key element that is neither such a string nor an integer, "
               "or an `ids` entry that is not such a string",
    "bad-value": "a field value that is not null, a boolean, an integer or a string without U+0000",
    "bad-integer": "an integer field value outside +-2^53",
    "bad-checksum": "a checksum that is not 16 lowercase hex digits",
    "negative-count": "a negative `applied` or summary count",
    "bad-schema-version": "a schemaVersion below 1",
}

ERROR_CODES = frozenset(
    ["version_not_supported", "cursor_invalid", "clock_skew", "bad_message", "checksum_mismatch", "internal_error"]
)
MAX_SEQUENCE = 2**63 - 1
MAX_WIRE_INTEGER = 2**53
COMPACT_ROWS = "compact-rows"  # the capability of SPEC.md 6.1's compact rows

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_SEQUENCE = re.compile(r"0|[1-9][0-9]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_KEY_PART = re.compile(r"[!-~]{1,256}")


class MessageError(ValueError):
    """A message that is not valid by SPEC.md 6.1: answered with `bad_message`."""

    def __init__(self, reason: str, detail: str):
        assert reason in REASONS, reason
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


# --- Reading values ------------------------------------------------------------


def _is_int(value) -> bool:
    return type(value) is int  # bool is a subclass of int in Python, and is not an integer here


def _get(message: dict, key: str, kind: str, required: bool = True):
    """The value of `key`, checked to be of JSON type `kind`; None when optional and absent."""
    if key not in message:
        if required:
            raise MessageError("missing-key", f"no {key!r}")
        return None
    value = message[key]
    ok = {
        "string": lambda v: type(v) is str,
        "integer": _is_int,
        "boolean": lambda v: type(v) is bool,
        "array": lambda v: type(v) is list,
        "object": lambda v: type(v) is dict,
    }[kind](value)
    if not ok:
        raise MessageError("wrong-type", f"{key!r} is not a JSON {kind}: {value!r}")
    return value


def _sequence(message: dict, key: str, required: bool = True) -> str | None:
    text = _get(message, key, "string", required)
    if text is None:
        return None
    if not _SEQUENCE.fullmatch(text) or int(text) > MAX_SEQUENCE:
        raise MessageError("bad-sequence", f"{key!r} is {text!r}, not a decimal 64-bit sequence number")
    return text


def _uuid(value: str, what: str) -> str:
    if not _UUID.fullmatch(value):
        raise MessageError("bad-uuid", f"{what} {value!r} is not a lowercase UUID")
    return value


def _count(value, what: str) -> int:
    if not _is_int(value):
        raise MessageError("wrong-type", f"{what} is not an integer: {value!r}")
    if value < 0:
        raise MessageError("negative-count", f"{what} is {value}")
    return value


# --- The messages (SPEC.md 6.1) -------------------------------------------------------


def _hello(message: dict) -> dict:
    protocol = _get(message, "protocol", "string")
    low = _get(message, "minVersion", "integer")
    high = _get(message, "maxVersion", "integer")
    replica = _get(message, "replica", "string")
    incarnation = _get(message, "incarnation", "string")
    schema_version = _get(message, "schemaVersion", "integer")
    capabilities = _get(message, "capabilities", "array")
    if not all(type(item) is str for item in capabilities):
        raise MessageError("wrong-type", "capabilities are not all strings")
    if low < 1 or low > high:
        raise MessageError("bad-version-range", f"{low}..{high}")
    if schema_version < 1:
        raise MessageError("bad-schema-version", f"schemaVersion {schema_version}")
    return {
        "type": "hello",
        "protocol": protocol,
        "minVersion": low,
        "maxVersion": high,
        "replica": _uuid(replica, "replica"),
        "incarnation": _uuid(incarnation, "incarnation"),
        "schemaVersion": schema_version,
        "capabilities": list(capabilities),
    }


def _pull(message: dict) -> dict:
    after = _sequence(message, "after")
    incarnation = _get(message, "incarnation", "string")
    limit = _get(message, "limit", "integer")
    max_bytes = _get(message, "maxBytes", "integer", required=False)
    include_own = _get(message, "includeOwn", "boolean", required=False)
    if not 1 <= limit <= 100_000:
        raise MessageError("bad-limit", f"limit {limit}")
    if max_bytes is not None and max_bytes < 1024:
        raise MessageError("bad-max-bytes", f"maxBytes {max_bytes}")
    return {
        "type": "pull",
        "after": after,
        "incarnation": _uuid(incarnation, "incarnation"),
        "limit": limit,
        "maxBytes": max_bytes,
        "includeOwn": bool(include_own),
    }


def _value(value, where: str):
    if type(value) is str and "\x00" in value:
        raise MessageError("bad-value", f"{where} contains U+0000")
    if value is None or type(value) in (bool, str):
        return value
    if _is_int(value):
        if not -MAX_WIRE_INTEGER <= value <= MAX_WIRE_INTEGER:
            raise MessageError("bad-integer", f"{where} is {value}, outside +-2^53")
        return value
    raise MessageError("bad-value", f"{where} is {value!r}")


def _key_part(part, ids: list, where: str):
    """A row's key element: a key part as written, or (compact rows, 6.1) an integer index into `ids`."""
    if type(part) is str:
        return part
    if not _is_int(part):
        raise MessageError("bad-key", f"{where}: key element {part!r} is neither a string nor an integer")
    if not 0 <= part < len(ids):
        raise MessageError("bad-id-index", f"{where}: key element {part} with {len(ids)} ids")
    return ids[part]


def _carried(row: dict, key: str, kind: str, previous, number: int):
    """`e`, `t` or `r` of a row: as written, or left out after the first row and then the row before's (6.1)."""
    if key not in row and previous is not None:
        return previous
    if key not in row:
        raise MessageError("missing-key", f"row {number} has no {key!r} (the first row has e, t and r)")
    return _get(row, key, kind)


def _changes(message: dict) -> dict:
    after = _sequence(message, "after")
    to = _sequence(message, "to")
    more = _get(message, "more", "boolean")
    end = _sequence(message, "end", required=False)
    replicas = _get(message, "replicas", "array")
    rows = _get(message, "rows", "array")
    ids = _get(message, "ids", "array", required=False)
    if int(to) < int(after):
        raise MessageError("to-before-after", f"to {to} < after {after}")
    for replica in replicas:
        if type(replica) is not str:
            raise MessageError("wrong-type", f"replica {replica!r} is not a string")
        _uuid(replica, "replica")
    # Every entry of `ids` is a key part, whether or not a row refers to it.
    for position, part in enumerate(ids or []):
        if type(part) is not str:
            raise MessageError("wrong-type", f"ids[{position}] is not a string: {part!r}")
        if not _KEY_PART.fullmatch(part):
            raise MessageError("bad-key", f"ids[{position}] {part!r} is not a key part")
    changes = []
    entity = hlc = index = None  # the row before's, once there is one
    for number, row in enumerate(rows, start=1):
        if type(row) is not dict:
            raise MessageError("wrong-type", f"row {number} is not an object")
        entity = _carried(row, "e", "string", entity, number)
        written_key = _get(row, "k", "array")
        hlc = _carried(row, "t", "string", hlc, number)
        index = _carried(row, "r", "integer", index, number)
        fields = _get(row, "f", "object")
        if not _NAME.fullmatch(entity):
            raise MessageError("bad-name", f"row {number}: entity {entity!r}")
        key = [_key_part(part, ids or [], f"row {number}") for part in written_key]
        if not 1 <= len(key) <= 4 or not all(_KEY_PART.fullmatch(part) for part in key):
            raise MessageError("bad-key", f"row {number}: key {written_key!r}")
        if not _HEX16.fullmatch(hlc):
            raise MessageError("bad-hlc", f"row {number}: t {hlc!r}")
        if not 0 <= index < len(replicas):
            raise MessageError("bad-replica-index", f"row {number}: r {index} with {len(replicas)} replicas")
        if not fields:
            raise MessageError("empty-fields", f"row {number}")
        for field in sorted(fields):  # Python compares str by code point
            if not _NAME.fullmatch(field):
                raise MessageError("bad-name", f"row {number}: field {field!r}")
            changes.append({
                "entity": entity,
                "key": list(key),
                "field": field,
                "value": _value(fields[field], f"row {number} field {field}"),
                "hlc": hlc,
                "replica": replicas[index],
            })
    return {"type": "changes", "after": after, "to": to, "more": more, "end": end, "changes": changes}


def _done(message: dict) -> dict:
    checksum = message.get("checksum")
    if checksum is not None:
        if type(checksum) is not str:
            raise MessageError("wrong-type", f"checksum {checksum!r}")
        if not _HEX16.fullmatch(checksum):
            raise MessageError("bad-checksum", f"checksum {checksum!r}")
    full = _get(message, "full", "boolean", required=False)
    dry_run = _get(message, "dryRun", "boolean", required=False)
    applied = _get(message, "applied", "integer", required=False)
    if applied is not None:
        _count(applied, "applied")
    summary = _get(message, "summary", "object", required=False)
    if summary is not None:
        normalized = {}
        for kind in ("articles", "tags", "highlights"):
            counts = _get(summary, kind, "object")
            normalized[kind] = {
                name: _count(_get(counts, name, "integer"), f"summary.{kind}.{name}")
                for name in ("added", "updated", "deleted")
            }
        summary = normalized
    return {
        "type": "done",
        "checksum": checksum,
        "full": bool(full),
        "dryRun": bool(dry_run),
        "applied": applied,
        "summary": summary,
    }


def _error(message: dict) -> dict:
    code = _get(message, "code", "string")
    text = _get(message, "message", "string")
    # A code from a later revision is read as internal_error, keeping the peer's message.
    return {"type": "error", "code": code if code in ERROR_CODES else "internal_error", "message": text}


_DECODERS = {"hello": _hello, "pull": _pull, "changes": _changes, "done": _done, "error": _error}


def _reject_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise MessageError("not-json", "an object repeats a key")
    return dict(pairs)


def _reject_constant(name):
    raise MessageError("not-json", f"{name} is not JSON")


def _reject_surrogates(value) -> None:
    """Refuses a string (a key or a value, at any depth) holding a lone surrogate: not a code point."""
    if type(value) is str:
        if any(0xD800 <= ord(character) <= 0xDFFF for character in value):
            raise MessageError("not-json", "a string holds a lone surrogate")
    elif type(value) is list:
        for element in value:
            _reject_surrogates(element)
    elif type(value) is dict:
        for key, element in value.items():
            _reject_surrogates(key)
            _reject_surrogates(element)


def parse(text: str):
    """One message's JSON text, strictly: no NaN or Infinity, no repeated keys, no lone surrogates, nothing after it."""
    try:
        value = json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)
    except (json.JSONDecodeError, RecursionError) as error:
        raise MessageError("not-json", str(error)) from None
    _reject_surrogates(value)
    return value


def decode_text(text: str | bytes) -> dict:
    """The normalized form of one message given as its line of JSON text; raises MessageError."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise MessageError("not-json", str(error)) from None
    return decode(parse(text))


def decode(message) -> dict:
    """The normalized form of one message given as a parsed JSON value (see the module docstring); raises MessageError."""
    if type(message) is not dict:
        raise MessageError("not-object", f"a JSON {type(message).__name__}")
    if "type" not in message:
        raise MessageError("missing-type", "no 'type'")
    kind = message["type"]
    if type(kind) is not str:
        raise MessageError("wrong-type", f"type {kind!r} is not a string")
    decoder = _DECODERS.get(kind)
    if decoder is None:
        raise MessageError("unknown-type", f"type {kind!r}")
    return decoder(message)


def show(value) -> str:
    """JSON with sorted keys: equal exactly when the values are equal with their JSON types."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


# --- Codec vectors -------------------------------------------------------------------------


def check_codec_case(case: dict, schema_accepts) -> list[str]:
    """`schema_accepts(value) -> bool` validates a message against sync-message.schema.json."""
    problems: list[str] = []
    if not case["id"].startswith("codec-"):
        return ["id prefix is not codec-"]
    flags = case.get("flags", [])
    parsed = None
    if "raw" in case:
        try:
            parsed = parse(case["raw"])
        except MessageError:
            pass
    else:
        parsed = case["message"]
    try:
        decoded = decode_text(case["raw"]) if "raw" in case else decode(case["message"])
    except MessageError as error:
        if "decoded" in case:
            return problems + [f"refused ({error}), expected {show(case['decoded'])}"]
        if error.reason != case["reason"]:
            problems.append(f"reason: expected {case['reason']!r}, got {error.reason!r} ({error})")
    else:
        if "decoded" not in case:
            return problems + [f"accepted as {show(decoded)}, expected bad_message ({case['reason']})"]
        if show(decoded) != show(case["decoded"]):
            problems.append(f"decoded: expected {show(case['decoded'])}, got {show(decoded)}")
    # What the JSON schema alone says must match the case's flags.
    if "decoded" in case:
        if not schema_accepts(parsed):
            problems.append("a valid message does not validate against sync-message.schema.json")
    else:
        verdict = "not-json" if "raw" in case and parsed is None else (
            "schema-accepts" if schema_accepts(parsed) else "schema-rejects")
        declared = [flag for flag in flags if flag in ("not-json", "schema-accepts", "schema-rejects")]
        if declared != [verdict]:
            problems.append(f"flags say {declared}, the schema check says {verdict!r}")
    return problems


# --- Session vectors (SPEC.md 6.2-6.4) -----------------------------------------------------


class Replica:
    """One replica's synced state: known fields through merge_reference, unknown ones (3.8) by stamp."""

    def __init__(self, changes: list[dict]):
        self.known = merge_reference.State()
        self.foreign: dict[tuple, tuple] = {}
        for change in changes:
            self.apply(change)

    @staticmethod
    def is_known(change: dict) -> bool:
        entity = merge_reference.ENTITIES.get(change["entity"])
        return entity is not None and change["field"] in entity.fields

    def apply(self, change: dict) -> bool:
        if self.is_known(change):
            return self.known.apply(change)
        # A value this version does not know (SPEC.md 3.8): checked as on the wire, kept by its stamp.
        key = change["key"]
        if not (_NAME.fullmatch(change["entity"]) and _NAME.fullmatch(change["field"])
                and type(key) is list and 1 <= len(key) <= 4 and all(type(part) is str and part for part in key)
                and _HEX16.fullmatch(change["hlc"]) and _UUID.fullmatch(change["replica"])):
            raise merge_reference.ChangeError(f"malformed change of an unknown entity or field: {show(change)}")
        try:
            _value(change["value"], f"{change['entity']}.{change['field']}")
        except MessageError as error:
            raise merge_reference.ChangeError(str(error)) from None
        address = (change["entity"], tuple(key), change["field"])
        incoming = (int(change["hlc"], 16), change["replica"].encode("utf-8"))
        stored = self.foreign.get(address)
        if stored is not None and incoming <= (stored[1], stored[2].encode("utf-8")):
            return False
        self.foreign[address] = (change["value"], incoming[0], change["replica"])
        return True

    def rows(self) -> list[dict]:
        foreign = [
            {"entity": e, "key": list(k), "field": f, "value": v, "hlc": f"{h:016x}", "replica": r}
            for (e, k, f), (v, h, r) in self.foreign.items()
        ]
        return sorted(self.known.rows() + foreign, key=lambda row: (row["entity"], row["key"], row["field"]))

    def checksum(self) -> str:
        return merge_reference.checksum(self.rows())

    def alive(self, entity: str, key: tuple) -> bool:
        stored = self.known.fields.get((entity, key, "_alive"))
        return bool(stored and stored[0] is True)


KINDS = {"article": "articles", "tag": "tags", "highlight": "highlights"}


class Tally:
    """What one side's merges did to rows people see (SPEC.md 6.4)."""

    def __init__(self) -> None:
        self.applied = 0
        self.rows: dict[tuple, list[bool]] = {}  # (entity, id) -> [alive before the first page, after the last]

    def page(self, replica: Replica, changes: list[dict]) -> None:
        """Merges one page into `replica` (a copy, in a dry run), counting what it does."""
        before = copy.deepcopy(replica)
        touched: list[tuple] = []
        memberships: list[str] = []
        for change in changes:
            if replica.apply(change):
                self.applied += 1
                if change["entity"] in KINDS:
                    touched.append((change["entity"], change["key"][0]))
                elif change["entity"] == "articleTag":
                    memberships.append(change["key"][0])
        for row in touched:
            alive = replica.alive(row[0], (row[1],))
            if row in self.rows:
                self.rows[row][1] = alive
            else:
                self.rows[row] = [before.alive(row[0], (row[1],)), alive]
        for article in memberships:
            # A changed membership is an update of its article, if the article is shown.
            row = ("article", article)
            if row not in self.rows:
                alive = replica.alive("article", (article,))
                self.rows[row] = [alive, alive]

    def summary(self) -> dict:
        summary = {kind: {"added": 0, "updated": 0, "deleted": 0} for kind in KINDS.values()}
        for (entity, _), (was, now) in self.rows.items():
            counts = summary[KINDS[entity]]
            if not was and now:
                counts["added"] += 1
            elif was and now:
                counts["updated"] += 1
            elif was and not now:
                counts["deleted"] += 1
        return summary


def check_session_case(case: dict, schema_errors) -> list[str]:
    """Replays a session case's transcripts on Python replicas (SPEC.md 6.2-6.4).

    `schema_errors(value) -> list[str]` validates a message against sync-message.schema.json.
    Checks that every message validates and decodes; that each side answers as 6.2 says, with
    pages that continue one another, are compact (6.1) only for a puller whose hello lists
    compact-rows, and leave out the puller's own values unless it asked for them (6.3); that
    the responder's `done` reports the checksum, `applied` and `summary` its merges give (6.4);
    that a checksum mismatch is repaired by a full exchange; and that the replicas end in
    `final`, with its checksums.
    """
    problems: list[str] = []
    if not case["id"].startswith("session-"):
        return ["id prefix is not session-"]
    labels = case["replicas"]
    try:
        replicas = {label: Replica(spec["changes"]) for label, spec in labels.items()}
    except (merge_reference.ChangeError, merge_reference.OpenQuestion) as error:
        return [f"starting state: {error}"]
    ids = {label: spec["replica"] for label, spec in labels.items()}
    if len(set(ids.values())) != len(ids):
        problems.append("two replicas share an id")

    for number, session in enumerate(case["sessions"], start=1):
        where = f"session {number}"
        initiator, responder = session["initiator"], session["responder"]
        if initiator not in labels or responder not in labels or initiator == responder:
            problems.append(f"{where}: initiator and responder are two of the case's replicas")
            continue
        decoded = []
        for index, entry in enumerate(session["transcript"]):
            expected_from = initiator if index % 2 == 0 else responder
            if entry["from"] != expected_from:
                problems.append(f"{where} message {index + 1}: from {entry['from']}, expected {expected_from}")
            for error in schema_errors(entry["message"]):
                problems.append(f"{where} message {index + 1}: schema: {error}")
            try:
                decoded.append(decode(entry["message"]))
            except MessageError as error:
                problems.append(f"{where} message {index + 1}: {error}")
                decoded.append(None)
        if problems:
            continue
        sizes = [len(json.dumps(entry["message"], ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
                 for entry in session["transcript"]]
        written = [entry["message"] for entry in session["transcript"]]
        problems += [f"{where}: {problem}" for problem in
                     _replay(session, decoded, written, sizes, replicas, labels, ids)]

    for label, final in case["final"].items():
        if label not in replicas:
            problems.append(f"final names an unknown replica {label!r}")
            continue
        state = replicas[label].rows()
        if show(state) != show(final["state"]):
            want = {show(row) for row in final["state"]}
            have = {show(row) for row in state}
            problems.append(f"final {label}: missing {sorted(want - have)}, unexpected {sorted(have - want)}")
        if merge_reference.checksum(final["state"]) != final["checksum"]:
            problems.append(f"final {label}: checksum of state is {merge_reference.checksum(final['state'])}, "
                            f"the case says {final['checksum']}")
    if set(case["final"]) != set(labels):
        problems.append("final does not list every replica")
    return problems


def _replay(session: dict, messages: list[dict], written: list[dict], sizes: list[int], replicas: dict, labels: dict,
            ids: dict) -> list[str]:
    """Walks one session's decoded messages (`written`: the same as on the wire), merging pages into the Python replicas."""
    problems: list[str] = []
    initiator, responder = session["initiator"], session["responder"]
    dry_run = session["options"]["dryRun"]
    outcome = session["outcome"]
    # The exchanges: a message of the initiator and the responder's answer, with their lengths.
    pairs = [(messages[i], messages[i + 1] if i + 1 < len(messages) else None) for i in range(0, len(messages), 2)]
    request_sizes = sizes[0::2]
    answer_sizes = [sizes[i + 1] if i + 1 < len(sizes) else None for i in range(0, len(sizes), 2)]
    if not pairs or pairs[0][0]["type"] != "hello":
        return ["the session does not start with hello"]
    hello, answer = pairs[0]
    if session.get("scripted"):
        # The initiator is a scripted peer: only the responder's answers are under test.
        if hello["minVersion"] > 1 or hello["maxVersion"] < 1:
            if answer is None or answer["type"] != "error" or answer["code"] != "version_not_supported":
                problems.append("versions that do not overlap are not answered with version_not_supported")
            if outcome.get("error") != "version_not_supported":
                problems.append("outcome is not the error version_not_supported")
            if len(messages) != 2:
                problems.append("the session goes on after version_not_supported")
        return problems
    if hello["replica"] != ids[initiator] or hello["incarnation"] != labels[initiator]["incarnation"]:
        problems.append("the initiator's hello does not carry its replica id and incarnation")
    if answer is None or answer["type"] != "hello":
        return problems + ["the responder does not answer hello with hello"]
    if answer["replica"] != ids[responder] or answer["incarnation"] != labels[responder]["incarnation"]:
        problems.append("the responder's hello does not carry its replica id and incarnation")
    # Compact rows only go to a puller whose hello listed compact-rows (6.1).
    compact = {initiator: COMPACT_ROWS in hello["capabilities"], responder: COMPACT_ROWS in answer["capabilities"]}

    start = {label: copy.deepcopy(replica) for label, replica in replicas.items()}
    responder_tally = Tally()
    position = 1
    exchanges = 0
    repaired = False
    while position < len(pairs):
        exchanges += 1
        full = exchanges == 2
        # Step 2: the initiator pulls until a page has no more.
        after_expected = None
        while position < len(pairs) and pairs[position][0]["type"] == "pull":
            pull, page = pairs[position]
            size = answer_sizes[position]
            page_written = written[2 * position + 1] if 2 * position + 1 < len(written) else None
            position += 1
            problems += _check_page(pull, page, puller=initiator, server=responder, ids=ids, labels=labels,
                                    full=full, after=after_expected, size=size,
                                    written=page_written, compact=compact[initiator])
            if page is None or page["type"] != "changes":
                return problems
            target = copy.deepcopy(start[initiator]) if dry_run else replicas[initiator]
            Tally().page(target, page["changes"])
            after_expected = page["to"]
            if not page["more"]:
                break
        # Step 3: done, then the responder pulls.
        if position >= len(pairs) or pairs[position][0]["type"] != "done":
            return problems + ["the initiator does not send done after its last page"]
        done, pull = pairs[position]
        position += 1
        if done["full"] != full or done["dryRun"] != dry_run or done["checksum"] is not None:
            problems.append(f"the initiator's done is {show(done)}")
        after_expected = None
        while pull is not None and pull["type"] == "pull":
            if position >= len(pairs):
                return problems + ["the transcript ends at the responder's pull"]
            page, answer = pairs[position]
            size = request_sizes[position]
            page_written = written[2 * position]
            position += 1
            problems += _check_page(pull, page, puller=responder, server=initiator, ids=ids, labels=labels,
                                    full=full, after=after_expected, size=size,
                                    written=page_written, compact=compact[responder])
            if dry_run:
                responder_tally.page(copy.deepcopy(start[responder]), page["changes"])
            else:
                responder_tally.page(replicas[responder], page["changes"])
            after_expected = page["to"]
            if page["more"] != (answer is not None and answer["type"] == "pull"):
                problems.append("the responder's answer to a page does not follow its `more`")
            pull = answer
        if pull is None or pull["type"] != "done":
            return problems + ["the responder does not end its pulls with done"]
        final = pull
        if final["applied"] != responder_tally.applied:
            problems.append(f"the responder's done says applied {final['applied']}, its merges give {responder_tally.applied}")
        if show(final["summary"]) != show(responder_tally.summary()):
            problems.append(f"the responder's done says summary {show(final['summary'])}, its merges give "
                            f"{show(responder_tally.summary())}")
        if dry_run:
            if final["checksum"] is not None:
                problems.append("a dry run's done carries a checksum")
            break
        theirs, ours = final["checksum"], replicas[initiator].checksum()
        if theirs != replicas[responder].checksum():
            problems.append(f"the responder's checksum {theirs} is not that of its state, {replicas[responder].checksum()}")
        if theirs == ours:
            break
        if full:
            if outcome.get("error") != "checksum_mismatch":
                problems.append("checksums still differ after a full exchange, but the outcome is not checksum_mismatch")
            break
        repaired = True
        if position >= len(pairs):
            problems.append(f"checksums differ ({ours} here, {theirs} there) and no full exchange follows")
    if position != len(pairs):
        problems.append(f"messages after the end of the session ({len(pairs) - position} exchanges)")
    if "error" not in outcome:
        if outcome.get("repaired") != repaired:
            problems.append(f"outcome says repaired {outcome.get('repaired')}, the transcript {repaired}")
        if outcome.get("checksum") != replicas[initiator].checksum():
            problems.append(f"outcome checksum {outcome.get('checksum')} is not the initiator's, {replicas[initiator].checksum()}")
    if dry_run:
        for label in (initiator, responder):
            if show(replicas[label].rows()) != show(start[label].rows()):
                problems.append(f"a dry run changed {label}")
    return problems


def compact_abbreviations(message: dict) -> list[str]:
    """The compact-row abbreviations (SPEC.md 6.1) a written `changes` message uses: none for a page in full."""
    used = []
    if "ids" in message:
        used.append("an `ids` table")
    for number, row in enumerate(message.get("rows") or [], start=1):
        if type(row) is not dict:
            continue
        if any(_is_int(part) for part in row.get("k") or []):
            used.append(f"an index in row {number}'s key")
        if number > 1:
            used += [f"row {number} without {key!r}" for key in ("e", "t", "r") if key not in row]
    return used


def _check_page(pull, page, puller, server, ids, labels, full, after, size, written=None, compact=False) -> list[str]:
    """A pull and the page that answers it (SPEC.md 6.1-6.3).

    `size` is the page's length as one line of JSON, `written` the page as on the wire, and
    `compact` whether the puller's hello listed compact-rows.
    """
    problems = []
    if pull["incarnation"] != labels[server]["incarnation"]:
        problems.append(f"{puller} pulls incarnation {pull['incarnation']} of {server}")
    if pull["includeOwn"] != full:
        problems.append(f"{puller}'s pull has includeOwn {pull['includeOwn']} in {'a full' if full else 'a normal'} exchange")
    if full and after is None and pull["after"] != "0":
        problems.append(f"{puller}'s full exchange starts after {pull['after']}, not 0")
    if after is not None and pull["after"] != after:
        problems.append(f"{puller} pulls after {pull['after']}, but the last page ended at {after}")
    if page is None or page["type"] != "changes":
        return problems + [f"{server} does not answer a pull with changes"]
    if page["after"] != pull["after"]:
        problems.append(f"a page after {page['after']} answers a pull after {pull['after']}")
    if not compact and written is not None:
        used = compact_abbreviations(written)
        if used:
            problems.append(f"{server} sends {puller} a compact page ({', '.join(used)}), "
                            f"but {puller}'s hello does not list {COMPACT_ROWS}")
    if len(page["changes"]) > pull["limit"] and len({(c["entity"], tuple(c["key"])) for c in page["changes"]}) > 1:
        problems.append(f"a page of {len(page['changes'])} changes answers a pull with limit {pull['limit']}")
    if page["end"] is not None and int(page["end"]) < int(page["to"]):
        problems.append(f"a page's end {page['end']} is before its to {page['to']}")
    if pull["maxBytes"] is not None and size is not None and size > pull["maxBytes"] \
            and len({(c["entity"], tuple(c["key"])) for c in page["changes"]}) > 1:
        problems.append(f"a page of {size} bytes and several rows answers a pull with maxBytes {pull['maxBytes']}")
    if not pull["includeOwn"]:
        echoes = [c for c in page["changes"] if c["replica"] == ids[puller]]
        if echoes:
            problems.append(f"{server} echoes {len(echoes)} of {puller}'s own values back to it")
    return problems
