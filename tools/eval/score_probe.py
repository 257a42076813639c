#!/usr/bin/env python3
"""Scores `attache quotes --json` against probe24's hand lists (eNN.txt + eNN.gold.json).

usage: score_probe.py ATTACHE DIR [DIR...] [--show] [--dump OUT.json]
Rules as PolNeAR's score.py (span overlap >= half of the shorter, speaker shares a word with the
gold speaker), plus 'full': the spans cover >= 80% of each other.
"""
import glob, json, os, re, subprocess, sys, tempfile, unicodedata

STOP = {"the", "a", "an", "of", "mr", "ms", "mrs", "dr", "sen", "rep", "gov", "for", "and", "to", "in", "at",
        "on", "s", "who", "with", "by", "former", "said", "his", "her", "its", "their", "that", "this",
        "herr", "m", "mme", "gen", "sir", "lord", "president", "minister", "foreign"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", fold(s)) if w not in STOP}


def read_article(path):
    raw = open(path, encoding="utf-8").read()
    head, _, rest = raw.partition("\n\n")
    title = re.search(r"^Title:\s*(.*)$", head, re.M).group(1).strip()
    date = re.search(r"^date:\s*(\S+)", head, re.M).group(1)
    return date, title + "\n\n" + rest.strip("\n") + "\n"


def locate(body, gold):
    pos, out = 0, []
    for g in gold:
        spans = []
        for piece in g["content"]:
            i = body.find(piece, pos)
            if i < 0:
                i = body.find(piece)
            if i < 0:
                print(f"  piece not found: {piece[:60]!r}", file=sys.stderr)
                continue
            spans.append((i, i + len(piece)))
        if spans:
            pos = spans[0][0]
        out.append(dict(g, spans=spans))
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def judge(s, g):
    span = (s["start"], s["end"])
    shared = sum(overlap(span, p) for p in g["spans"])
    glen = sum(b - a for a, b in g["spans"])
    if not glen or shared * 2 < min(span[1] - span[0], glen):
        return None
    said = words(str(s.get("speaker", "")) + " " + str(s.get("canonical", "")))
    right = bool(said & words(g["speaker"]))
    full = shared >= 0.8 * glen and shared >= 0.8 * (span[1] - span[0])
    return ("full" if full else "right") if right else "wrong"


def main():
    args = sys.argv[1:]
    show = "--show" in args
    dump = args[args.index("--dump") + 1] if "--dump" in args else None
    dirs = [a for a in args[1:] if not a.startswith("--") and a != dump]
    attache = args[0]
    arts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for d in dirs:
            for t in sorted(glob.glob(os.path.join(d, "e*.txt"))):
                # Named by set and article: two sets may both hold an eNN.
                base = os.path.basename(t)[:-4]
                if len(dirs) > 1:
                    base = os.path.basename(os.path.normpath(d)) + "_" + base
                date, body = read_article(t)
                gold = locate(body, json.load(open(t[:-4] + ".gold.json", encoding="utf-8")))
                with open(os.path.join(tmp, base + ".txt"), "w", encoding="utf-8") as f:
                    f.write(f"date {date}\n\n{body}")
                arts[base] = (body, gold)
        if not arts:
            sys.exit(f"score_probe.py: no eNN.txt articles in {' '.join(dirs)}: figures over nothing are no figures")
        r = subprocess.run([attache, "quotes", "--json", tmp], capture_output=True, text=True)
        if r.returncode:
            sys.exit(r.stderr)
        got = {}
        for line in r.stdout.splitlines():
            if line.startswith("{") and '"text"' in line:
                o = json.loads(line)
                got.setdefault(os.path.basename(str(o.get("article", ""))), []).append(o)
    n = tp = full = wrong = false = found = total = 0
    rows = []
    for base, (body, gold) in sorted(arts.items()):
        stmts = got.get(base, [])
        hit = [None] * len(gold)
        for s in stmts:
            n += 1
            v = [(i, judge(s, g)) for i, g in enumerate(gold)]
            best = next((x for x in v if x[1] == "full"), None) or next((x for x in v if x[1] == "right"), None) \
                or next((x for x in v if x[1] == "wrong"), None)
            verdict = best[1] if best else "false"
            if verdict in ("full", "right"):
                tp += 1
                full += verdict == "full"
                for i, x in v:
                    if x in ("full", "right"):
                        hit[i] = hit[i] if hit[i] == "full" else x
            elif verdict == "wrong":
                wrong += 1
            else:
                false += 1
            g = gold[best[0]] if best else None
            rows.append({"article": base, "verdict": verdict, "speaker": s.get("speaker"),
                         "canonical": s.get("canonical"), "text": s["text"], "confidence": s.get("confidence"),
                         "gold_speaker": g["speaker"] if g else None})
            if show and verdict not in ("full",):
                print(f"{base} {verdict}: {s.get('speaker')!r}->{s.get('canonical')!r} "
                      f"[{g['speaker'] if g else ''}] '{s['text'][:100]}'")
        for i, g in enumerate(gold):
            total += 1
            found += hit[i] is not None
            if hit[i] is None:
                rows.append({"article": base, "verdict": "missed", "gold_speaker": g["speaker"],
                             "text": " ".join(g["content"])})
                if show:
                    print(f"{base} missed: [{g['speaker']}] {g['cue']!r} '{' '.join(g['content'])[:100]}'")
    if dump:
        json.dump(rows, open(dump, "w"), indent=1, ensure_ascii=False)
    p = tp / n if n else 0
    rec = found / total if total else 0
    print(f"{len(arts)} articles, {total} gold, {n} extracted: right {tp} (full span {full}), wrong speaker "
          f"{wrong}, no such statement {false}, missed {total - found}; precision {p:.3f} recall {rec:.3f} "
          f"full-right/extracted {full / n if n else 0:.3f}")


if __name__ == "__main__":
    main()
