#!/usr/bin/env python3
"""Figures for the attribution model on PolNeAR, on articles it was not trained on.

usage: polnear_eval.py BUILD_DIR POLNEAR_SPLIT [--cv] [--holdout] [--show N] [--dev] [--dev-cv] [--two-pass]
(TRAIN_ARGS="--epochs 12 --bits 20" passes options to attache-quote-train.)

Models are trained as the built-in one is (tools/eval/train_attribution.sh: one pass), so the
figures are those of what ships; --two-pass trains the two-pass tagger `attache quotes --model`
can read instead.

--dev:     training also reads the hand-listed development articles of tests/quotes/dev/ (other
           publishers and decades, through tools/eval/probes_to_brat.py), the sets its
           training.txt lists; scoring stays on PolNeAR's articles.

--holdout: train on every article outside tests/quotes/polnear/holdout.txt, score the holdout.
--cv:      leave one publisher out: for each publisher, train on the others (holdout excluded),
           score that publisher's articles (holdout excluded); then the pooled figures.
--dev-cv:  leave one development set out: for each set of tests/quotes/dev/, train on PolNeAR
           (holdout excluded) and the other sets trained on, score that set with score_probe.py (the brief's
           convention, not PolNeAR's); then the pooled figures. The rules were written from these
           sets, so this measures the model's reach to publishers it was not trained on, not the
           rules', and the share of statements with confidence at least 0.8 that are right.
Scoring is ../shared/polnear/score.py (the acceptance scorer) run on a split of symbolic links,
with `attache quotes --model` standing in for attache.
"""
import json, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOLDOUT = os.path.join(ROOT, "tests", "quotes", "polnear", "holdout.txt")
DEV = os.path.join(ROOT, "tests", "quotes", "dev")
CONFIDENT = 0.8  # the test of confidence: statements this likely should be right 95% of the time


def with_dev(split, into):
    """PolNeAR's split and the development articles as one split of their own (links and copies)."""
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(into, sub))
        for f in os.listdir(os.path.join(split, sub)):
            os.symlink(os.path.join(split, sub, f), os.path.join(into, sub, f))
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "eval", "probes_to_brat.py"), into, "--training",
                    os.path.join(DEV, "training.txt")], check=True)


def names(path):
    return {l.strip() for l in open(path) if l.strip() and not l.startswith("#")}


def subset(split, keep, into):
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(into, sub))
        for f in os.listdir(os.path.join(split, sub)):
            base = f[:-4] if sub == "text" else re.sub(r"_[^_]*\.ann$", "", f)
            if base in keep:
                os.symlink(os.path.join(split, sub, f), os.path.join(into, sub, f))


def score(build, split, model, keep, show, tmp, tag):
    part = os.path.join(tmp, tag)
    subset(split, keep, part)
    wrapper = wrapper_for(build, model, tmp, tag)
    scorer = os.path.join(os.path.dirname(os.path.normpath(split)), "score.py")
    args = [sys.executable, scorer, wrapper, part] + (["--show", str(show)] if show else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    m = re.search(r"(\d+) gold statements, (\d+) extracted; precision ([\d.]+) recall ([\d.]+)", out)
    return out, int(m.group(1)), int(m.group(2)), float(m.group(3)), float(m.group(4))


def wrapper_for(build, model, tmp, tag):
    """An executable that runs `attache CMD --model MODEL ARGS...` for `CMD ARGS...`."""
    wrapper = os.path.join(tmp, tag + ".sh")
    with open(wrapper, "w") as f:
        f.write(f'#!/bin/sh\ncmd="$1"; shift\nexec {build}/tools/attache "$cmd" --model {model} "$@"\n')
    os.chmod(wrapper, 0o755)
    return wrapper


def dev_cross_validation(build, split, tmp):
    training = os.path.join(tmp, "training-dev-cv")
    with_dev(split, training)
    sets = sorted(d for d in os.listdir(DEV) if os.path.isdir(os.path.join(DEV, d)))
    right = extracted = found = total = 0
    confident = []  # whether each statement of confidence at least CONFIDENT is right
    for held_out in sets:
        model = os.path.join(tmp, held_out + ".model")
        train(build, training, model, ["--exclude-publisher", held_out])  # a set not trained on excludes nothing
        scorer = os.path.join(ROOT, "tools", "eval", "score_probe.py")
        dump = os.path.join(tmp, held_out + ".json")
        out = subprocess.run([sys.executable, scorer, wrapper_for(build, model, tmp, held_out),
                              os.path.join(DEV, held_out), "--dump", dump], capture_output=True, text=True,
                             check=True).stdout
        confident += [r["verdict"] in ("full", "right") for r in json.load(open(dump))
                      if r["verdict"] != "missed" and r["confidence"] >= CONFIDENT]
        m = re.search(r"(\d+) gold, (\d+) extracted: right (\d+).*missed (\d+)", out)
        gold, ext, tp, missed = (int(x) for x in m.groups())
        print(f"  {held_out:9s} {gold:5d} gold {ext:5d} extracted  precision {tp / ext:.3f} recall {(gold - missed) / gold:.3f}")
        right += tp; extracted += ext; found += gold - missed; total += gold
    P, R = right / extracted, found / total
    print(f"leave-one-development-set-out: {total} gold, {extracted} extracted; "
          f"precision {P:.3f} recall {R:.3f} F1 {2 * P * R / (P + R):.3f}; of the {len(confident)} statements "
          f"with confidence at least {CONFIDENT}, {sum(confident) / max(1, len(confident)):.3f} right")


PASSES = ["--single-pass"]  # as the built-in model; emptied by --two-pass


def train(build, split, model, extra):
    subprocess.run([f"{build}/tools/attache-quote-train", "--output", model, "--exclude-names", HOLDOUT] + PASSES + extra +
                   os.environ.get("TRAIN_ARGS", "").split() + [split], check=True, capture_output=True)


def main():
    args = sys.argv[1:]
    build, split = os.path.abspath(args[0]), os.path.abspath(args[1])
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    if "--two-pass" in args:
        PASSES.clear()
    held = names(HOLDOUT)
    every = {f[:-4] for f in os.listdir(os.path.join(split, "text"))}  # PolNeAR's, which are scored
    with tempfile.TemporaryDirectory() as tmp:
        training = split
        if "--dev" in args:
            training = os.path.join(tmp, "training")
            with_dev(split, training)
        if "--dev-cv" in args:
            dev_cross_validation(build, split, tmp)
        if "--holdout" in args:
            model = os.path.join(tmp, "holdout.model")
            train(build, training, model, [])
            out, gold, ext, p, r = score(build, split, model, held, show, tmp, "holdout")
            print(out.strip())
        if "--cv" in args:
            publishers = sorted({n.split("_")[0] for n in every})
            tp = fp = found = total = 0
            for pub in publishers:
                model = os.path.join(tmp, pub + ".model")
                train(build, training, model, ["--exclude-publisher", pub])
                keep = {n for n in every if n.split("_")[0] == pub} - held
                out, gold, ext, p, r = score(build, split, model, keep, show, tmp, pub)
                if show:
                    print(out.strip())
                print(f"  {pub:13s} {len(keep):4d} articles {gold:5d} gold {ext:5d} extracted  precision {p:.3f} recall {r:.3f}")
                tp += round(p * ext); fp += ext - round(p * ext); found += round(r * gold); total += gold
            P, R = tp / (tp + fp), found / total
            print(f"leave-one-publisher-out (holdout excluded): {total} gold, {tp + fp} extracted; "
                  f"precision {P:.3f} recall {R:.3f} F1 {2 * P * R / (P + R):.3f}")


if __name__ == "__main__":
    main()
