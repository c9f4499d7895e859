#!/usr/bin/env python3
"""Draws a seeded uniform sample of arXiv comments from the daily listings, for hand labelling.

The population is every work of ../shared/data/arxiv-daily with a non-empty comment, one per arXiv id, the latest
listing's comment winning (as the arxiv-daily importer reads them), ordered by id so that a seed always draws the
same works. With --match the population is only the comments that match PATTERN (case-insensitive), so that a
second sample holds enough comments that name a venue; the uniform sample alone has too few to measure recall.

    python3 tools/venues/sample_comments.py --seed 17 --n 300 > uniform.tsv
    python3 tools/venues/sample_comments.py --seed 18 --n 150 --match > keyword.tsv

Output: TSV `arxiv_id<TAB>comment`, the comment's tabs and newlines turned into spaces.
"""
import argparse
import gzip
import json
import pathlib
import random
import re

KEYWORDS = r"accept|publish|appear|conference|workshop|journal|proceedings|findings"


def comments(data_dir):
    latest = {}
    for f in sorted(pathlib.Path(data_dir).glob("*.jsonl.gz")):  # file names are dates: later wins
        with gzip.open(f, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                latest[record["id"]] = record.get("comment")
    return {k: " ".join(v.split()) for k, v in latest.items() if v and v.strip()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(pathlib.Path(__file__).resolve().parents[3] / "shared/data/arxiv-daily"))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--match", action="store_true", help=f"only comments matching /{KEYWORDS}/i")
    ap.add_argument("--exclude", help="a TSV whose first column lists ids not to draw again")
    args = ap.parse_args()
    population = comments(args.data)
    if args.match:
        population = {k: v for k, v in population.items() if re.search(KEYWORDS, v, re.I)}
    if args.exclude:
        drawn = {line.split("\t", 1)[0] for line in open(args.exclude, encoding="utf-8")}
        population = {k: v for k, v in population.items() if k not in drawn}
    ids = sorted(population)
    for arxiv_id in random.Random(args.seed).sample(ids, args.n):
        print(f"{arxiv_id}\t{population[arxiv_id]}")


if __name__ == "__main__":
    main()
