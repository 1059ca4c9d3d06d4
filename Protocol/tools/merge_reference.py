"""Reference implementation of readlist protocol v1, section 3 (Data model and merge rules).

Written from Protocol/SPEC.md alone, independently of the Swift code, so that
the merge test vectors are checked by two implementations. Standard library
only.

    State()                        an empty replica: no rows
    State.apply(change)            merges one field change (SPEC.md 3.3); raises ChangeError
    State.rows() -> list[dict]     every stored field, sorted by (entity, key, field)
    State.checksum() -> str        the state checksum of SPEC.md 3.6
    checksum(rows) -> str          the same, of a list of stored fields
    check_case(case) -> list[str]  problems with one case of a merge vector file

A field change is a dict as it stands in the vectors and on the wire (SPEC.md
6.1): `entity`, `key` (a list of lowercase UUIDs), `field`, `value` (null, a
boolean, an integer or a string), `hlc` (16 lowercase hex digits) and
`replica` (a lowercase UUID).

Existence and membership break ties on the hlc alone (SPEC.md 3.3): at equal
hlc readings, whatever the replica ids, `false` wins for existence and `true`
for membership. Two different values of a last-writer-wins field under the very
same stamp cannot come from conforming replicas (3.7); a merge meeting one
raises OpenQuestion, so no vector depends on it.
"""

from __future__ import annotations

import itertools
import json
import re

__all__ = [
    "ChangeError",
    "ENTITIES",
    "OpenQuestion",
    "State",
    "check_case",
    "checksum",
    "fnv1a64",
]

# --- 3.1 Entities and fields ------------------------------------------------

LWW = "last-writer-wins"
EARLIEST = "earliest-value-wins"
DELETE_WINS = "existence-delete-wins"
ADD_WINS = "membership-add-wins"

BOOLEAN = "boolean"
INTEGER = "integer"
TEXT = "text"


class Entity:
    def __init__(self, name: str, code: int, key_parts: int, fields: list[tuple[int, str, str, str]]):
        self.name = name
        self.code = code
        self.key_parts = key_parts
        # field name -> (index, rule, kind)
        self.fields = {name: (index, rule, kind) for index, name, rule, kind in fields}


ENTITIES = {
    entity.name: entity
    for entity in [
        Entity("article", 1, 1, [
            (0, "_alive", DELETE_WINS, BOOLEAN),
            (1, "url", LWW, TEXT),
            (2, "canonicalUrl", LWW, TEXT),
            (3, "title", LWW, TEXT),
            (4, "byline", LWW, TEXT),
            (5, "site", LWW, TEXT),
            (6, "excerpt", LWW, TEXT),
            (7, "content", LWW, TEXT),
            (8, "language", LWW, TEXT),
            (9, "publishedAt", LWW, INTEGER),
            (10, "wordCount", LWW, INTEGER),
            (11, "addedAt", EARLIEST, INTEGER),
            (12, "readAt", LWW, INTEGER),
            (13, "archived", LWW, BOOLEAN),
            (14, "favorite", LWW, BOOLEAN),
            (15, "progress", LWW, INTEGER),
        ]),
        Entity("tag", 2, 1, [
            (0, "_alive", DELETE_WINS, BOOLEAN),
            (1, "name", LWW, TEXT),
        ]),
        Entity("articleTag", 3, 2, [
            (0, "_alive", ADD_WINS, BOOLEAN),
        ]),
        Entity("highlight", 4, 1, [
            (0, "_alive", DELETE_WINS, BOOLEAN),
            (1, "articleId", LWW, TEXT),
            (2, "quote", LWW, TEXT),
            (3, "prefix", LWW, TEXT),
            (4, "suffix", LWW, TEXT),
            (5, "start", LWW, INTEGER),
            (6, "end", LWW, INTEGER),
            (7, "note", LWW, TEXT),
            (8, "color", LWW, TEXT),
            (9, "createdAt", LWW, INTEGER),
        ]),
    ]
}

COLORS = frozenset(["yellow", "green", "blue", "pink", "purple"])
MAX_PROGRESS = 10_000
MAX_WIRE_INTEGER = 2**53  # SPEC.md 6.1: integer values lie within +-2^53

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HLC = re.compile(r"^[0-9a-f]{16}$")


class ChangeError(ValueError):
    """A field change that is not valid by SPEC.md 3.1 and 6.1."""


class OpenQuestion(Exception):
    """A merge that conforming replicas cannot produce (two values under one stamp)."""


def _validate(change: dict) -> None:
    keys = {"entity", "key", "field", "value", "hlc", "replica"}
    if not isinstance(change, dict) or set(change) != keys:
        raise ChangeError(f"a change has exactly the keys {sorted(keys)}")
    entity = ENTITIES.get(change["entity"])
    if entity is None:
        raise ChangeError(f"unknown entity {change['entity']!r}")
    if change["field"] not in entity.fields:
        raise ChangeError(f"{entity.name} has no field {change['field']!r}")
    key = change["key"]
    if not isinstance(key, list) or len(key) != entity.key_parts or not all(
        isinstance(part, str) and _UUID.match(part) for part in key
    ):
        raise ChangeError(f"the key of {entity.name} is {entity.key_parts} lowercase UUID(s), not {key!r}")
    if not isinstance(change["hlc"], str) or not _HLC.match(change["hlc"]):
        raise ChangeError(f"hlc {change['hlc']!r} is not 16 lowercase hex digits")
    if not isinstance(change["replica"], str) or not _UUID.match(change["replica"]):
        raise ChangeError(f"replica {change['replica']!r} is not a lowercase UUID")
    _, _, kind = entity.fields[change["field"]]
    value = change["value"]
    if kind == BOOLEAN:
        # Booleans are booleans; existence is written true or false, never null.
        if type(value) is not bool:
            raise ChangeError(f"{change['field']} is a boolean, not {value!r}")
    elif value is None:
        pass
    elif kind == INTEGER:
        if type(value) is not int or not -MAX_WIRE_INTEGER <= value <= MAX_WIRE_INTEGER:
            raise ChangeError(f"{change['field']} is an integer within +-2^53, not {value!r}")
        if change["field"] == "progress" and not 0 <= value <= MAX_PROGRESS:
            raise ChangeError(f"progress is 0-10000 basis points, not {value}")
    else:
        if type(value) is not str:
            raise ChangeError(f"{change['field']} is text, not {value!r}")
        if change["field"] == "color" and value not in COLORS:
            raise ChangeError(f"color {value!r} is not one of {sorted(COLORS)}")


# --- 3.2 Stamps -----------------------------------------------------------------

def _stamp(value: tuple) -> tuple[int, bytes]:
    """(hlc, replica id bytes): ordered by hlc, then by the id's bytes."""
    _, hlc, replica = value
    return hlc, replica.encode("utf-8")


# --- 3.3 Merge rules ----------------------------------------------------------


def _wins(rule: str, incoming: tuple, stored: tuple) -> bool:
    """Whether `incoming` (value, hlc, replica) replaces `stored` under `rule`."""
    new_value, old_value = incoming[0], stored[0]
    if rule == LWW:
        if _stamp(incoming) == _stamp(stored) and _show(new_value) != _show(old_value):
            raise OpenQuestion(
                f"{_show(new_value)} and {_show(old_value)} carry the same stamp: SPEC.md 3.3 does not say which wins"
            )
        return _stamp(incoming) > _stamp(stored)
    if rule == EARLIEST:
        # Keep the smaller value; if equal, the greater stamp. Null is no value yet:
        # any value replaces it whatever the stamps, it never replaces a value, and of
        # two nulls the greater stamp is kept.
        if old_value is None and new_value is None:
            return _stamp(incoming) > _stamp(stored)
        if old_value is None:
            return True
        if new_value is None:
            return False
        if new_value != old_value:
            return new_value < old_value
        return _stamp(incoming) > _stamp(stored)
    preferred = rule == ADD_WINS  # delete wins: false; add wins: true
    if incoming[1] == stored[1] and new_value != old_value:
        # A tie of hlc readings, whatever the replica ids: the preferred value wins.
        return new_value is preferred
    return _stamp(incoming) > _stamp(stored)


class State:
    """The synced state of one replica: the value and stamp of every written field."""

    def __init__(self) -> None:
        # (entity, key tuple, field) -> (value, hlc int, replica)
        self.fields: dict[tuple[str, tuple[str, ...], str], tuple] = {}

    def apply(self, change: dict) -> bool:
        """Merges one change. Returns whether it won (and was stored)."""
        _validate(change)
        entity = ENTITIES[change["entity"]]
        _, rule, _ = entity.fields[change["field"]]
        address = (entity.name, tuple(change["key"]), change["field"])
        incoming = (change["value"], int(change["hlc"], 16), change["replica"])
        stored = self.fields.get(address)
        if stored is not None and not _wins(rule, incoming, stored):
            return False
        self.fields[address] = incoming
        return True

    def rows(self) -> list[dict]:
        return [
            {"entity": entity, "key": list(key), "field": field, "value": value, "hlc": f"{hlc:016x}", "replica": replica}
            for (entity, key, field), (value, hlc, replica) in sorted(self.fields.items(), key=lambda item: item[0])
        ]

    def checksum(self) -> str:
        return checksum(self.rows())


# --- 3.6 State checksum -------------------------------------------------------

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1


def fnv1a64(data: bytes) -> int:
    value = FNV_OFFSET
    for byte in data:
        value = ((value ^ byte) * FNV_PRIME) & MASK64
    return value


def checksum(rows: list[dict]) -> str:
    """The sum modulo 2^64 of FNV-1a 64 of `<entity> <key parts> <field> <hlc> <replica>`."""
    total = 0
    for row in rows:
        text = " ".join([row["entity"], *row["key"], row["field"], row["hlc"], row["replica"]])
        total = (total + fnv1a64(text.encode("utf-8"))) & MASK64
    return f"{total:016x}"


# --- Checking a vector case ---------------------------------------------------------


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


def _address(row: dict) -> tuple:
    return row["entity"], tuple(row["key"]), row["field"]


def _differences(expected: list[dict], actual: list[dict]) -> list[str]:
    """What differs between two lists of stored fields (values compared with their JSON type)."""
    want = {_address(row): _show(row) for row in expected}
    have = {_address(row): _show(row) for row in actual}
    lines = []
    for address in sorted(set(want) | set(have)):
        if want.get(address) != have.get(address):
            lines.append(f"{' '.join([address[0], *address[1], address[2]])}: "
                         f"expected {want.get(address, 'nothing')}, got {have.get(address, 'nothing')}")
    return lines


def check_case(case: dict) -> list[str]:
    """Applies the case's replicas in every order and compares with `expected` and `checksum`."""
    problems: list[str] = []
    replicas: dict[str, list[dict]] = case["replicas"]
    expected: list[dict] = case["expected"]

    addresses = [_address(row) for row in expected]
    if addresses != sorted(addresses):
        problems.append("expected is not sorted by (entity, key, field)")
    if len(set(addresses)) != len(addresses):
        problems.append("expected lists a field twice")
    for row in expected:
        try:
            _validate(row)
        except ChangeError as error:
            problems.append(f"expected row {_show(row)}: {error}")
    if checksum(expected) != case["checksum"]:
        problems.append(f"checksum of expected is {checksum(expected)}, the case says {case['checksum']}")

    for order in itertools.permutations(sorted(replicas)):
        state = State()
        try:
            for label in order:
                for change in replicas[label]:
                    state.apply(change)
            # Applying everything again changes nothing (SPEC.md 3.5).
            before = state.rows()
            for label in order:
                for change in replicas[label]:
                    state.apply(change)
        except (ChangeError, OpenQuestion) as error:
            problems.append(f"order {' '.join(order)}: {type(error).__name__}: {error}")
            break
        differences = _differences(expected, state.rows())
        if differences:
            problems += [f"order {' '.join(order)}: {line}" for line in differences]
            break
        if state.rows() != before:
            problems.append(f"order {' '.join(order)}: applying the changes again changed the state")
            break
        if state.checksum() != case["checksum"]:
            problems.append(f"order {' '.join(order)}: checksum {state.checksum()}, expected {case['checksum']}")
            break
    return problems
