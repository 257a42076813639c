#!/usr/bin/env python3
"""Splits the State of the Union addresses into articles of about 800 words
(whole paragraphs), one JSON object a line, dated within the address's year:
the real-text corpus of BENCHMARKS.md. Usage: sotu_to_jsonl.py DATA_DIR > sotu.jsonl"""
import json
import os
import re
import sys

data = sys.argv[1]
for name in sorted(os.listdir(data)):
    if not name.endswith(".txt"):
        continue
    year, _, who = name[:-4].partition("_")
    text = open(os.path.join(data, name), encoding="utf-8", errors="replace").read()
    text = re.sub(r"[\x00-\x08\x0b-\x1f]", " ", text)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    part, words, chunk = 0, 0, []
    def flush():
        global part, words, chunk
        if " ".join(chunk).strip():
            part += 1
            print(json.dumps({"id": f"sotu-{year}-{who}-{part}", "date": f"{year}-01-{min(28, part):02d}",
                              "title": f"State of the Union {year}, {who.replace('_', ' ').title()}, part {part}",
                              "source": "State of the Union", "text": " ".join(chunk)}))
        words, chunk = 0, []
    for s in sentences:
        chunk.append(s)
        words += len(s.split())
        if words >= 800:
            flush()
    flush()
