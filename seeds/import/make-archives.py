#!/usr/bin/env python3
"""Builds the zip fixtures of seeds/import/ from the folders beside this script.

Run from anywhere: python3 seeds/import/make-archives.py. The archives are byte-for-byte the
same on every run (fixed times, order and permissions), so rebuilding them changes nothing in git
unless the folders changed.
"""
import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
TIME = (2025, 7, 8, 12, 0, 0)


def add(archive, name, data):
    info = zipfile.ZipInfo(name, date_time=TIME)
    if name.endswith("/"):
        info.external_attr = (0o40755 << 16) | 0x10
        archive.writestr(info, b"")
        return
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16
    archive.writestr(info, data)


def build(name, entries):
    with zipfile.ZipFile(HERE / name, "w") as archive:
        for entry, data in entries:
            add(archive, entry, data)


def folder(name):
    root = HERE / name
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


pocket = folder("pocket-export")
# Parts in a folder, listed out of order, beside an annotations file, a folder entry and
# macOS's resource forks: the import reads part_000000.csv, then part_000001.csv, and nothing else.
build("pocket-export.zip", [
    ("pocket/", b""),
    ("pocket/part_000001.csv", pocket["part_000001.csv"]),
    ("pocket/part_000000.csv", pocket["part_000000.csv"]),
    ("pocket/annotations/part_000000.json", pocket["annotations/part_000000.json"]),
    ("__MACOSX/pocket/._part_000000.csv", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X"),
])

# No CSV at all: its format is not detected, and --format pocket-zip refuses it.
build("pocket-no-csv.zip", [
    ("README.txt", b"Your Pocket export.\n"),
    ("annotations/part_000000.json", b"[]\n"),
])

# Omnivore's layout: metadata files at the top, content/ and highlights/ beside them.
omnivore = folder("omnivore-export")
build("omnivore-export.zip", [("content/", b""), ("highlights/", b"")] + sorted(omnivore.items()))

# A metadata file cut short (not JSON) before a good one: the good one is still imported.
build("omnivore-broken.zip", [
    ("metadata_0_to_20.json", b'[\n  {\n    "url": "https://example.com/omnivore/cut",\n    "title": "Cut sh'),
    ("metadata_20_to_21.json",
     b'[\n  {\n    "url": "https://example.com/omnivore/after-the-cut",\n    "state": "Active",\n    "labels": []\n  }\n]\n'),
])
