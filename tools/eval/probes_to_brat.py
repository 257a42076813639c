#!/usr/bin/env python3
"""Writes hand-listed probe articles (eNN.txt + eNN.gold.json, score_probe.py's format) as a
PolNeAR-style split (text/NAME.txt, attributions/NAME_gold.ann), so that attache-quote-train can
learn from them beside PolNeAR.

usage: probes_to_brat.py OUT_DIR PROBE_DIR...
       probes_to_brat.py OUT_DIR --training tests/quotes/dev/training.txt
The second form writes the sets the file lists (directories beside it), each article as many times
as its "copies N" line says, so that training weighs them against PolNeAR's 840 articles.
Each article is named SET_DATE_eNN (SET the probe directory's name, which becomes its
"publisher"; a copy's name ends in cK). Its text is the headline, a blank line and the body, as score_probe.py gives them to
attache. A statement's content is its listed pieces; its cue and source (the words listed as
`cue` and `written`) are their occurrences nearest the content outside it, within 400 characters,
and are left out where none is found; the speaker, named in full, is a note on the attribution
(AnnotatorNotes), by which the calibrator's training judges the speaker found, as score_probe.py
does. Offsets are in code points, as brat's.
"""
import glob, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_probe import locate, read_article  # noqa: E402

REACH = 400


def nearest(body, needle, spans):
    if not needle:
        return None
    lo, hi = max(0, spans[0][0] - REACH), min(len(body), spans[-1][1] + REACH)
    best, i = None, body.find(needle, lo)
    while 0 <= i < hi:
        if not any(a <= i < b for a, b in spans):
            distance = min(abs(i - spans[0][0]), abs(i - spans[-1][1]))
            if best is None or distance < best[0]:
                best = (distance, i)
        i = body.find(needle, i + 1)
    return (best[1], best[1] + len(needle)) if best else None


def annotation(body, gold):
    lines, t, e = [], 0, 0
    for g in gold:
        if not g["spans"]:
            continue
        spans = sorted(g["spans"])
        parts = []
        t += 1
        text = " ".join(body[a:b] for a, b in spans).replace("\n", " ")
        lines.append(f"T{t}\tContent " + ";".join(f"{a} {b}" for a, b in spans) + f"\t{text}")
        parts.append(f"Content:T{t}")
        for kind, words in (("Cue", g.get("cue", "")), ("Source", g.get("written", ""))):
            found = nearest(body, words.strip(), spans)
            if found:
                t += 1
                lines.append(f"T{t}\t{kind} {found[0]} {found[1]}\t{body[found[0]:found[1]]}")
                parts.append(f"{kind}:T{t}")
        e += 1
        lines.append(f"E{e}\t" + " ".join(parts))
        if g.get("speaker"):
            lines.append(f"#{e}\tAnnotatorNotes E{e}\tspeaker: {g['speaker']}")
    return lines


def training_list(path):
    """The sets a training list names (directories beside it) and how many copies of each article."""
    sets, copies = [], 1
    for line in open(path, encoding="utf-8"):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "copies":
            copies = int(words[1])
        else:
            sets.append(os.path.join(os.path.dirname(os.path.abspath(path)), words[0]))
    return sets, copies


def main():
    out, args = sys.argv[1], sys.argv[2:]
    dirs, copies = training_list(args[1]) if args[:1] == ["--training"] else (args, 1)
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for d in dirs:
        tag = os.path.basename(os.path.normpath(d))
        for path in sorted(glob.glob(os.path.join(d, "e*.txt"))):
            date, body = read_article(path)
            gold = locate(body, json.load(open(path[:-4] + ".gold.json", encoding="utf-8")))
            ann = "\n".join(annotation(body, gold)) + "\n"
            for copy in range(copies):
                name = f"{tag}_{date}_{os.path.basename(path)[:-4]}" + (f"c{copy + 1}" if copy else "")
                with open(os.path.join(out, "text", name + ".txt"), "w", encoding="utf-8") as f:
                    f.write(body)
                with open(os.path.join(out, "attributions", name + "_gold.ann"), "w", encoding="utf-8") as f:
                    f.write(ann)


if __name__ == "__main__":
    main()
