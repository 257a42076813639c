#!/usr/bin/env python3
"""Who said what about a topic, and how often, month by month.

    PYTHONPATH=build/python python3 examples/who_said_what.py corpus-index nato
    PYTHONPATH=build/python python3 examples/who_said_what.py corpus-index sanctions --plot sanctions.png

Lists the people who speak most about the topic with their latest statements,
then the statements per month: drawn with matplotlib when it is installed
(Debian: python3-matplotlib), as a text chart otherwise.
"""
import argparse

import attache


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("index", help="an index directory (attache index --index DIR ...)")
    parser.add_argument("topic", help="a query: words, phrases, OR, ... (docs/QUERY.md)")
    parser.add_argument("--speakers", type=int, default=5, help="speakers to list")
    parser.add_argument("--plot", metavar="PNG", help="draw statements per month into this file")
    args = parser.parse_args()

    with attache.Index(args.index) as ix:
        # Statements likely right (confidence 0.8 or more: about 95% are).
        people = ix.speakers(args.topic, limit=args.speakers, kind="person", min_confidence=0.8)
        print(f"Who speaks most about {args.topic!r}:")
        for person in people:
            print(f"\n{person['speaker']}: statements {person['statements']}, articles {person['articles']}")
            latest = ix.search(f'speaker:"{person["speaker"]}" ({args.topic})', sort="newest", limit=2,
                               min_confidence=0.8)
            for hit in latest:
                print(f"  {hit['date']} ({hit['cue']}): {hit['text'][:160]}")
        per_month = ix.facets(args.topic, "month", statements=True)  # every statement matching

    print(f"\nStatements about {args.topic!r} per month:")
    if not per_month:
        print("  none")
        return
    widest = max(per_month.values())
    for month, n in per_month.items():
        print(f"  {month}  {'#' * max(1, round(40 * n / widest))} {n}")
    if args.plot:
        plot(per_month, args.topic, args.plot)


def plot(per_month, topic, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(no plot: matplotlib is not installed; apt-get install python3-matplotlib)")
        return
    figure, axes = plt.subplots(figsize=(10, 4))
    axes.bar(list(per_month), list(per_month.values()))
    axes.set_title(f"Statements about {topic!r} per month")
    axes.tick_params(axis="x", labelrotation=90)
    figure.tight_layout()
    figure.savefig(path)
    print(f"plot written to {path}")


if __name__ == "__main__":
    main()
