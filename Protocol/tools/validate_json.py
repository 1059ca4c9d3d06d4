#!/usr/bin/env python3
"""Validate JSON documents against readlist's schemas with an independent validator.

Usage: validate_json.py SCHEMA FILE [FILE ...]
  SCHEMA is a file name in Protocol/schemas/v1 (e.g. article.schema.json), or the path of
  another schema file (e.g. Protocol/vectors/vector-file.schema.json).
Prints one line per file and a final 'json: N passed, M failed' line; exits 1 on any failure.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = pathlib.Path(__file__).resolve().parent.parent / "schemas" / "v1"


def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(schema)
        resources.append((schema["$id"], resource))
    return Registry().with_resources(resources)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    schema_path = SCHEMAS / argv[1]
    if "/" in argv[1]:
        schema_path = pathlib.Path(argv[1])
    if not schema_path.is_file():
        where = "" if "/" in argv[1] else f" in {SCHEMAS}"
        print(f"validate_json: no schema {argv[1]}{where}", file=sys.stderr)
        return 64
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, registry=registry())
    passed = failed = 0
    for name in argv[2:]:
        try:
            document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"FAIL {name}: not JSON: {error}")
            failed += 1
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            for error in errors[:5]:
                location = "/".join(str(p) for p in error.absolute_path) or "(root)"
                print(f"FAIL {name} at {location}: {error.message}")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"json: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
