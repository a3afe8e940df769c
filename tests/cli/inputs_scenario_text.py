#!/usr/bin/python3
"""Scenario text that once confused mdasim: values with control characters are echoed escaped
(one line per diagnostic, no ESC reaching the terminal), CR-only line endings read as lines,
malformed UTF-8 (an encoded surrogate, an overlong form, a code point above U+10FFFF) and
explicit YAML tags are refused at file:line:col.

Usage: inputs_scenario_text.py MDASIM DATA WORKDIR
"""

import os
import sys

from inputs_checks import check, expect, finish, run, small_sar_in


def main():
    mdasim, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
    base = small_sar_in(data, work, ["land.geojson", "lanes.geojson"])

    def scenario(name, text):
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(text)
        return path

    # A value with ESC and a newline: escaped, so each diagnostic is one line.
    path = scenario("esc.yaml", base.replace(b"category: aircraft", b'category: "air\\e[31mcraft\\nsecond line"'))
    r = run([mdasim, "validate", path])
    expect(r, 2, "esc.yaml:37:15: error: 'air\\x1b[31mcraft\\nsecond line' is not a valid category", "ESC and newline")
    check("\x1b" not in r.stderr and "\x1b" not in r.stdout, "no ESC reaches the terminal")
    check(all(line.startswith(path) for line in r.stderr.splitlines()), "every line of stderr is a diagnostic of the file")
    # The same through heatmap's messages (a layer name from the command line).
    r = run([mdasim, "heatmap", path, "--layer", "\x1b[2Jx\ny"])
    check(r.returncode == 2 and "\x1b" not in r.stderr, f"heatmap escapes what it echoes: {r.stderr.strip()!r}")

    # CR-only line endings: read as lines, as YAML says.
    lf = scenario("lf.yaml", base)
    cr = scenario("cr.yaml", base.replace(b"\n", b"\r"))
    r_lf = run([mdasim, "validate", lf])
    r_cr = run([mdasim, "validate", cr])
    check(r_cr.returncode == 0, f"a CR-only scenario validates ({r_cr.returncode}): {r_cr.stderr.strip()!r}")
    check(r_cr.stdout.replace("cr.yaml", "lf.yaml") == r_lf.stdout, "and its summary is that of the same file with LF")
    bad_cr = scenario("cr-error.yaml", base.replace(b"seed: 7", b"seed: -7").replace(b"\n", b"\r"))
    expect(run([mdasim, "validate", bad_cr]), 2, "cr-error.yaml:12:9: error:", "an error in a CR-only file is at its line")

    # Malformed UTF-8, at its line and column.
    for what, bad, said in ((b"\xed\xa0\x80", "surrogate", "an encoded UTF-16 surrogate (U+D800..U+DFFF)"),
                            (b"\xe0\x80\xaf", "overlong", "an overlong UTF-8 encoding"),
                            (b"\xf4\x90\x80\x80", "above", "a code point above U+10FFFF")):
        path = scenario(f"utf8-{bad}.yaml", base.replace(b"description: Two states", b"description: Two " + what + b" states"))
        expect(run([mdasim, "validate", path]), 2,
               f"utf8-{bad}.yaml:7:20: error: not a text file: byte 397 is not valid UTF-8 text ({said})", f"UTF-8 {bad}")

    # Explicit tags.
    path = scenario("tag.yaml", base.replace(b"seed: 7", b"seed: !!float 7"))
    expect(run([mdasim, "validate", path]), 2, "tag.yaml:12:9: error: explicit YAML tag '!!float'", "!!float on the seed")
    finish()


if __name__ == "__main__":
    main()
