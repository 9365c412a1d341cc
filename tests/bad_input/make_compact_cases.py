#!/usr/bin/python3
"""Writes the compact-model cases of the bad-input corpus (tests/bad_input/compact-*/).

Usage: make_compact_cases.py [CORPUS_DIR]   (default: the directory of this script)

Each case is a small binary file in the compact format (docs/compact-format.md) that
breaks one rule, with the `cmd` and `expect` files bad_input_test.py reads. The files are
committed; run this again only to change a case. The valid base is the three-entity model
of tests/unit/compact_model_test.cc: provider "cloud", service "app" needing it, function
"pay" needing any of the two.
"""
import copy
import os
import struct
import sys

BASE = {
    "jurisdictions": [b"US", b"NL"], "tags": [b"critical"],
    "kind": [0, 1, 3], "jurisdiction": [0, 1, 1], "tag_bits": [0, 0, 1],
    "people": [0, 0, 1000], "ids": [b"cloud", b"app", b"pay"],
    "req_offsets": [0, 0, 1, 2], "first_edge": [0, 1], "end_edge": [1, 3], "k": [1, 1],
    "gate": [0, 1], "effect": [2, 2], "switchover": [0, 60],
    "dependency": [0, 0, 1], "owner": [1, 2, 2], "tolerance": [0, 3600, 0],
    "recovery": [0, 0, 600], "flags": [0, 1, 0],
}


def encode(m, counts=None):
    blob = b"".join(m["ids"])
    offsets = [0]
    for i in m["ids"]:
        offsets.append(offsets[-1] + len(i))
    n, r, e = len(m["kind"]), len(m["k"]), len(m["dependency"])
    if counts:
        n, r, e = counts
    out = b"MSOUTCG1" + struct.pack("<QQQQ", n, r, e, len(blob))
    for table in ("jurisdictions", "tags"):
        out += struct.pack("<I", len(m[table]))
        for s in m[table]:
            out += struct.pack("<I", len(s)) + s
    columns = [("B", "kind"), ("H", "jurisdiction"), ("Q", "tag_bits"), ("Q", "people")]
    for fmt, key in columns:
        out += struct.pack("<%d%s" % (len(m[key]), fmt), *m[key])
    out += struct.pack("<%dI" % len(offsets), *offsets) + blob
    columns = [("I", "req_offsets"), ("I", "first_edge"), ("I", "end_edge"), ("I", "k"),
               ("B", "gate"), ("B", "effect"), ("q", "switchover"), ("I", "dependency"),
               ("I", "owner"), ("q", "tolerance"), ("q", "recovery"), ("B", "flags")]
    for fmt, key in columns:
        out += struct.pack("<%d%s" % (len(m[key]), fmt), *m[key])
    return out


def changed(**fields):
    m = copy.deepcopy(BASE)
    m.update(fields)
    return encode(m)


def header_only(n, r, e, b, tail=b"\0" * 8):
    return b"MSOUTCG1" + struct.pack("<QQQQ", n, r, e, b) + tail


HUNDRED_YEARS = 36500 * 24 * 3600
CASES = {
    # name: (bytes, expected stderr substrings)
    "compact-huge-entity-count": (header_only(2**32 - 2, 1, 1, 1),
                                  ["byte 48", "truncated file", "4294967294 entities"]),
    "compact-huge-dependency-count": (header_only(1, 1, 2**32 - 2, 1) + b"\0" * 42,
                                      ["truncated file", "4294967294 dependencies"]),
    "compact-huge-string-length": (header_only(1, 1, 1, 1, struct.pack("<II", 1, 2**32 - 1)),
                                   ["byte 44", "truncated file while reading jurisdiction"]),
    "compact-truncated": (encode(BASE)[:-5], ["truncated file"]),
    "compact-trailing-bytes": (encode(BASE) + b"\0", ["trailing bytes"]),
    "compact-duplicate-id": (changed(ids=[b"cloud", b"cloud", b"payx"]),
                             ["entity 1: duplicate id \"cloud\" (first defined by entity 0)"]),
    "compact-empty-id": (changed(ids=[b"cloud", b"", b"payapp"]),
                         ["entity 1: invalid id \"\""]),
    "compact-path-like-id": (changed(ids=[b"x/../y", b"app", b"pay"]),
                             ["entity 0: invalid id \"x/../y\""]),
    "compact-control-characters-in-id": (changed(ids=[b"c\x1b]0;x\n", b"app", b"pay"]),
                                         ["invalid id \"c\\e]0;x\\n\""]),
    "compact-zero-entities": (encode({k: [] for k in BASE} | {"req_offsets": [0]}),
                              ["no entities"]),
    "compact-single-with-two-members": (changed(gate=[0, 0], switchover=[0, 0]),
                                        ["requirement 1: a single dependency has 2 members"]),
    "compact-any-group-k-two": (changed(k=[1, 2]),
                                ["requirement 1: an any group needs k = 1, found 2"]),
    "compact-k-larger-than-n": (changed(gate=[0, 2], k=[1, 3], switchover=[0, 0]),
                                ["requirement 1: k = 3 is larger than n = 2 members"]),
    "compact-tolerance-over-100-years": (changed(tolerance=[0, HUNDRED_YEARS + 1, 0]),
                                         ["dependency 1: tolerance is longer than 100 years"]),
    "compact-owner-not-its-entity": (changed(owner=[1, 1, 2]),
                                     ["dependency 1: owner 1 is not its requirement's entity 2"]),
    "compact-dependency-out-of-range": (changed(dependency=[7, 0, 1]),
                                        ["dependency 0: entity index 7 out of range"]),
    "compact-jurisdiction-lowercase": (changed(jurisdictions=[b"us", b"NL"]),
                                       ["jurisdiction \"us\": use a code in capitals"]),
}


def main(argv):
    corpus = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, (data, expected) in CASES.items():
        case = os.path.join(corpus, name)
        os.makedirs(case, exist_ok=True)
        with open(os.path.join(case, "model.msout"), "wb") as f:
            f.write(data)
        with open(os.path.join(case, "cmd"), "w") as f:
            f.write("validate {dir}/model.msout\n")
        with open(os.path.join(case, "expect"), "w") as f:
            f.write("3\n{dir}/model.msout: byte \n" + "".join(e + "\n" for e in expected))
    print("wrote %d cases" % len(CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
