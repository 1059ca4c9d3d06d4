#!/usr/bin/env python3
"""Checks every test vector file under Protocol/vectors.

1. Each file is validated against Protocol/vectors/vector-file.schema.json
   (JSON Schema 2020-12, with the `jsonschema` package).
2. Case ids are unique across the whole suite.
3. Files of area "identity" are recomputed with identity_reference.py, an
   implementation of SPEC.md section 2 independent of the Swift code, files
   of areas "anchor" and "reanchor" with anchor_reference.py, one of section
   4, and files of
   area "merge" with merge_reference.py, one of section 3 (every order of a
   case's replicas); every flag a case uses is declared in the file's notes.
4. Files of area "codec" are checked with sync_reference.py, a decoder of
   section 6.1: every valid message validates against
   schemas/v1/sync-message.schema.json (with `jsonschema`) and decodes to the
   case's `decoded`; every invalid one is refused for the case's `reason`,
   and its flags say truly whether the schema alone rejects it. Files of
   area "session" are replayed on Python replicas (sync_reference.py and
   merge_reference.py): every message of every transcript validates against
   the sync-message schema and decodes, the pages continue one another and
   echo nothing back to the puller, the responder's `done` reports the
   checksum, `applied` and `summary` its merges give, a mismatch is repaired,
   and the final states and checksums are recomputed.
   Files of other areas are only validated against the schema.

Run from anywhere: python3 Protocol/tools/check_vectors.py
Exits non-zero if any check fails. The last line is `vectors: N passed, M failed`.
"""

from __future__ import annotations

import base64
import binascii
import json
import pathlib
import sys
import unicodedata

import jsonschema
from referencing import Registry, Resource

TOOLS = pathlib.Path(__file__).resolve().parent
ROOT = TOOLS.parents[1]
VECTORS = ROOT / "Protocol" / "vectors"
SCHEMA = VECTORS / "vector-file.schema.json"
MESSAGE_SCHEMAS = ROOT / "Protocol" / "schemas" / "v1"

sys.dont_write_bytecode = True  # keep Protocol/tools free of __pycache__
sys.path.insert(0, str(TOOLS))
import anchor_reference  # noqa: E402
import identity_reference as reference  # noqa: E402
import merge_reference  # noqa: E402
import sync_reference  # noqa: E402


def show(value) -> str:
    return json.dumps(value, ensure_ascii=True)


def expect(problems: list[str], field: str, expected, actual) -> None:
    if expected != actual:
        problems.append(f"{field}: expected {show(expected)}, got {show(actual)}")


def check_canonical_url(case: dict) -> list[str]:
    problems: list[str] = []
    try:
        canonical = reference.canonical_url(case["input"])
    except reference.CanonicalURLError as error:
        if "error" not in case:
            problems.append(f"error {show(error.reason)}, expected canonical {show(case['canonical'])}")
        else:
            expect(problems, "error", case["error"], error.reason)
        return problems
    if "error" in case:
        problems.append(f"canonical {show(canonical)}, expected error {show(case['error'])}")
        return problems
    expect(problems, "canonical", case["canonical"], canonical)
    expect(problems, "articleId", case["articleId"], reference.article_id(case["canonical"]))
    try:
        expect(problems, "canonical of canonical", case["canonical"], reference.canonical_url(case["canonical"]))
    except reference.CanonicalURLError as error:
        problems.append(f"canonical {show(case['canonical'])} fails to parse again: {error.reason}")
    return problems


def content_bytes(case: dict) -> bytes:
    if "inputUtf8" in case:
        return case["inputUtf8"].encode("utf-8")
    if "inputBase64" in case:
        return base64.b64decode(case["inputBase64"], validate=True)
    path = (ROOT / case["file"]).resolve()
    if ROOT not in path.parents:
        raise ValueError(f"file {show(case['file'])} is outside the repository")
    return path.read_bytes()


def check_content_id(case: dict) -> list[str]:
    problems: list[str] = []
    try:
        data = content_bytes(case)
    except (OSError, ValueError, binascii.Error) as error:
        return [f"cannot read the input bytes: {error}"]
    expect(problems, "sha256", case["sha256"], reference.content_digest(data))
    expect(problems, "articleId", case["articleId"], reference.content_article_id(data))
    return problems


def check_tag_name(case: dict) -> list[str]:
    problems: list[str] = []
    result = reference.tag_name(case["input"])
    if result is None:
        if "error" not in case:
            problems.append(f"error \"empty\", expected display {show(case['display'])}")
        else:
            expect(problems, "error", case["error"], "empty")
        return problems
    if "error" in case:
        problems.append(f"display {show(result[0])}, expected error {show(case['error'])}")
        return problems
    display, key = result
    expect(problems, "display", case["display"], display)
    expect(problems, "key", case["key"], key)
    expect(problems, "tagId", case["tagId"], reference.tag_id(case["key"]))
    expect(problems, "tag name of display", (case["display"], case["key"]), reference.tag_name(case["display"]))
    return problems


def check_imported_highlight_id(case: dict) -> list[str]:
    problems: list[str] = []
    expect(problems, "highlightId", case["highlightId"], reference.imported_highlight_id(case["articleId"], case["quote"]))
    return problems


IDENTITY_CHECKS = {
    "highlight": check_imported_highlight_id,
    "url": check_canonical_url,
    "content": check_content_id,
    "tag": check_tag_name,
}


def check_identity_case(case: dict, notes: dict) -> list[str]:
    problems = [f"flag {show(flag)} is not declared in notes" for flag in case.get("flags", []) if flag not in notes]
    check = IDENTITY_CHECKS.get(case["id"].split("-", 1)[0])
    if check is None:
        return problems + ["id prefix is not url-, content-, tag- or highlight-"]
    return problems + check(case)


def compare_anchors(problems: list[str], expected: dict | None, actual: dict | None) -> bool:
    """Adds where `actual` differs from `expected`; True when both are anchors (not null)."""
    if expected is None:
        if actual is not None:
            problems.append(f"found {show(actual)}, expected null")
        return False
    if actual is None:
        problems.append(f"not found, expected {show(expected)}")
        return False
    for field in ("quote", "prefix", "suffix", "start", "end"):
        expect(problems, field, expected[field], actual[field])
    return True


def check_anchor_case(case: dict, notes: dict) -> list[str]:
    problems = [f"flag {show(flag)} is not declared in notes" for flag in case.get("flags", []) if flag not in notes]
    if not case["id"].startswith("anchor-"):
        return problems + ["id prefix is not anchor-"]
    text, expected = case["text"], case["expected"]
    actual = anchor_reference.locate(case["quote"], text)
    if not compare_anchors(problems, expected, actual):
        return problems
    # The expected anchor is consistent with its own text, whatever the reference says.
    start, end, context = expected["start"], expected["end"], anchor_reference.CONTEXT_LENGTH
    expect(problems, "text[start:end]", expected["quote"], text[start:end] if 0 <= start <= end <= len(text) else None)
    expect(problems, "text before start", expected["prefix"], text[max(0, start - context):start])
    expect(problems, "text after end", expected["suffix"], text[end:end + context])
    return problems


def check_reanchor_case(case: dict, notes: dict) -> list[str]:
    problems = [f"flag {show(flag)} is not declared in notes" for flag in case.get("flags", []) if flag not in notes]
    if not case["id"].startswith("reanchor-"):
        return problems + ["id prefix is not reanchor-"]
    highlight, text, expected = case["highlight"], case["text"], case["expected"]
    actual = anchor_reference.relocate(highlight["quote"], highlight["prefix"], highlight["suffix"], highlight["start"], text)
    compare_anchors(problems, expected, actual)
    return problems


def check_merge_case(case: dict, notes: dict) -> list[str]:
    problems = [f"flag {show(flag)} is not declared in notes" for flag in case.get("flags", []) if flag not in notes]
    if not case["id"].startswith("merge-"):
        return problems + ["id prefix is not merge-"]
    return problems + merge_reference.check_case(case)


def message_validator() -> jsonschema.Draft202012Validator:
    """A validator of schemas/v1/sync-message.schema.json, which refers to the other schemas of v1."""
    resources = []
    for path in sorted(MESSAGE_SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    schema = json.loads((MESSAGE_SCHEMAS / "sync-message.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=Registry().with_resources(resources))


MESSAGES = message_validator()


def message_schema_errors(message) -> list[str]:
    errors = sorted(MESSAGES.iter_errors(message), key=lambda error: list(error.absolute_path))
    return [f"at {'/'.join(str(part) for part in error.absolute_path) or '(top)'}: {error.message}" for error in errors]


def check_codec_case(case: dict, notes: dict) -> list[str]:
    problems = [f"flag {show(flag)} is not declared in notes" for flag in case.get("flags", []) if flag not in notes]
    return problems + sync_reference.check_codec_case(case, MESSAGES.is_valid)


def check_session_case(case: dict, notes: dict) -> list[str]:
    problems = [f"flag {show(flag)} is not declared in notes" for flag in case.get("flags", []) if flag not in notes]
    return problems + sync_reference.check_session_case(case, message_schema_errors)


RECOMPUTED_AREAS = {
    "identity": check_identity_case,
    "anchor": check_anchor_case,
    "reanchor": check_reanchor_case,
    "merge": check_merge_case,
    "codec": check_codec_case,
    "session": check_session_case,
}


def main() -> int:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    if unicodedata.unidata_version != "14.0.0":
        print(f"note: this Python has Unicode {unicodedata.unidata_version}; SPEC.md section 2.2 uses 14.0.0")

    passed = failed = 0
    first_seen: dict[str, str] = {}
    files = sorted(path for path in VECTORS.rglob("*.json") if path != SCHEMA)
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            print(f"FAIL {name}: not JSON: {error}")
            failed += 1
            continue
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        if errors:
            for error in errors:
                location = "/".join(str(part) for part in error.absolute_path) or "(top)"
                print(f"FAIL {name}: schema: at {location}: {error.message}")
            cases = document.get("cases") if isinstance(document, dict) else None
            failed += len(cases) if isinstance(cases, list) and cases else 1
            continue
        if (path.parent / document["schema"]).resolve() != SCHEMA:
            print(f"FAIL {name}: \"schema\" {show(document['schema'])} does not lead to {SCHEMA.relative_to(ROOT)}")
            failed += len(document["cases"])
            continue

        file_passed = file_failed = 0
        for case in document["cases"]:
            problems = []
            if case["id"] in first_seen:
                problems.append(f"id also used in {first_seen[case['id']]}")
            else:
                first_seen[case["id"]] = name
            check = RECOMPUTED_AREAS.get(document["area"])
            if check is not None:
                problems += check(case, document["notes"])
            for problem in problems:
                print(f"FAIL {case['id']} ({name}): {problem}")
            if problems:
                file_failed += 1
            else:
                file_passed += 1
        checked = "recomputed" if document["area"] in RECOMPUTED_AREAS else "schema only"
        print(f"{name}: {file_passed} passed, {file_failed} failed ({checked})")
        passed += file_passed
        failed += file_failed

    if not files:
        print(f"FAIL no vector files under {VECTORS.relative_to(ROOT)}")
        failed += 1
    print(f"vectors: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
