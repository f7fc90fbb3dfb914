#!/usr/bin/env python3
"""What a WASM module is made of: code bytes per crate (and per module of
Kindly's own crates), from an unstripped build's name section.

    python3 tests/bench/wasm_sizes.py target/sizes/wasm32-unknown-unknown/release/kindly_web.wasm

The unstripped content build (its names kept, otherwise as build.sh builds
it) is described in tests/bench/NOTES.md. Sizes are before wasm-bindgen and
wasm-opt, which remove the describe functions and shrink the rest, so they
rank the parts rather than give the shipped size. A function is counted
under the first crate its name starts with; a generic of `core`/`alloc`/
`std` instantiated for a type of another crate (`Vec<kindly_core::..>`,
`drop_in_place<serde_json::..>`) is counted as "generics for" that crate.
"""
import re
import sys
from collections import defaultdict


def leb(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        yield sid, data[i:i + size]
        i += size


def read(path):
    data = open(path, "rb").read()
    imported = 0
    bodies, names, data_bytes = [], {}, 0
    for sid, body in sections(data):
        if sid == 2:  # imports: functions imported take the first indices
            n, i = leb(body, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(body, i)
                    i += ln
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                else:
                    i += 2
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, j = leb(body, i)
                bodies.append(j - i + size)
                i = j + size
        elif sid == 11:
            data_bytes = len(body)
        elif sid == 0:
            ln, i = leb(body, 0)
            if body[i:i + ln] != b"name":
                continue
            i += ln
            while i < len(body):
                sub = body[i]
                size, i = leb(body, i + 1)
                if sub == 1:
                    n, j = leb(body, i)
                    for _ in range(n):
                        idx, j = leb(body, j)
                        ln, j = leb(body, j)
                        names[idx] = body[j:j + ln].decode("utf-8", "replace")
                        j += ln
                i += size
    return [(names.get(imported + k, "?"), size) for k, size in enumerate(bodies)], data_bytes


OURS = ("kindly_core", "kindly_web")
BASE = ("core", "alloc", "std")


def idents(name, i):
    """The `<len><ident>` tokens of a v0-mangled name from `i` on."""
    out = []
    while True:
        m = re.match(r"(\d+)_?", name[i:])
        if not m:
            return out
        n = int(m.group(1))
        start = i + m.end()
        out.append(name[start:start + n])
        i = start + n


def crates_in(name):
    """Crates named in a v0-mangled name, in order, each with the path
    tokens that follow it."""
    found = []
    for m in re.finditer(r"C(?:s[0-9A-Za-z]*_)?(?=\d)", name):
        tokens = idents(name, m.end())
        if tokens:
            found.append((tokens[0], tokens[1:]))
    return found


def group(name):
    found = crates_in(name)
    if not found:
        return "other (runtime, compiler builtins, unnamed)"
    first, path = found[0]
    if first in OURS:
        depth = 2 if path[:1] == ["store"] else 1
        return "::".join([first] + path[:depth])
    if first in BASE:
        others = [c for c, _ in found if c not in BASE]
        return f"generics for {others[0]}" if others else "core/alloc/std"
    return first


def main():
    path = sys.argv[1]
    funcs, data_bytes = read(path)
    totals = defaultdict(int)
    for name, size in funcs:
        if "__wbindgen_describe" in name:
            continue
        totals[group(name)] += size
    code = sum(totals.values())
    print(f"code without wasm-bindgen's describe functions: {code / 1024:.0f} KB; data: {data_bytes / 1024:.0f} KB")
    for key, size in sorted(totals.items(), key=lambda kv: -kv[1]):
        if size >= 1024:
            print(f"{size / 1024:7.1f} KB  {key}")


if __name__ == "__main__":
    main()
