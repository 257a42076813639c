#!/usr/bin/python3
"""Translated manual pages (Debian's manpages-fr, manpages-ru, ...) as JSON Lines,
one article a page, rendered to plain text by groff: real French or Russian
text for the indexing benchmark.

    apt-get install manpages-fr
    python3 bench/manpages_to_jsonl.py /usr/share/man/fr > /tmp/bench/man-fr.jsonl
"""
import gzip
import json
import pathlib
import subprocess
import sys


def render(path):
    with gzip.open(path, "rb") as f:
        source = f.read()
    out = subprocess.run(["groff", "-man", "-Tutf8", "-P-c", "-P-b", "-P-u", "-K", "utf8"], input=source,
                         capture_output=True, check=False)
    return out.stdout.decode("utf-8", "replace")


def main():
    root = pathlib.Path(sys.argv[1])
    for number, page in enumerate(sorted(root.rglob("*.gz"))):
        text = "\n".join(line.rstrip() for line in render(page).splitlines()).strip()
        if not text:
            continue
        day = 1 + number % 28
        print(json.dumps({"id": page.name.removesuffix(".gz"), "date": f"2022-01-{day:02d}",
                          "title": page.name.removesuffix(".gz"), "text": text}, ensure_ascii=False))


if __name__ == "__main__":
    main()
