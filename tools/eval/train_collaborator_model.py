#!/usr/bin/python3
"""Trains the learned collaborator ranker (docs/collaborators.md, "The learned ranker").

usage: tools/eval/train_collaborator_model.py FEATURES.tsv --authors N [--rerank 100] [--kind pairwise|pointwise]
                                             [--features NAME,...] [--c C] [--seed S] [--out MODEL.json]

FEATURES.tsv comes from `paperdex eval collaborators ... --dump-features FEATURES.tsv --dump-top R` (R >= the
--rerank here) on a TRAINING split, one whose "after" window ends before the test split's cut-off. Columns:
author, candidate, label (1 = they write together after the cut-off), new_coauthors (the author's new co-authors,
the recall denominator), then collaborator_features() (include/paperdex/authors/collaborators.h). N = the run's
"evaluated" authors (every one of them counts in the mean recall, also those the dump has no row for).

The model re-ranks the default mix's best `rerank` candidates of each author (a cascade: the mix finds them, the
model orders them). Logistic regression (scikit-learn) on standardized features, one of:
  pointwise  P(label | features) over those candidates (Lichtenwalter, Lussier & Chawla 2010: supervised link
             prediction over the unsupervised scores and the nodes' own features);
  pairwise   P(positive above negative | feature difference) over (positive, negative) pairs of one author,
             the same number per author (RankNet/RankSVM style: Burges et al. 2005, Joachims 2002), because the
             evaluation averages recall over authors and only the order within an author matters. The intercept
             is then fitted on the scores (Platt 1999) so that the score reads as a probability.
Reports recall@10 / MRR@10 exactly as the C++ evaluation counts them, 5 folds by author (held out), next to the
mix alone (its order from the same rows). Writes MODEL.json {"features","coef","intercept","rerank"} on the raw
(unstandardized) features, read by `paperdex eval collaborators --model MODEL.json`, and prints the initializer
of default_learned_model() (src/authors/collaborators.cpp).
"""
import argparse
import json
import os
import subprocess
import sys


def ensure_deps():
    try:
        import numpy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        # Debian's packages for /usr/bin/python3 (the shebang), as on a fresh Debian 12 machine run as root.
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "python3-sklearn", "python3-numpy"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        os.execv(sys.executable, [sys.executable] + sys.argv)


ensure_deps()
import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

K = 10


def load(path):
    authors, labels, truth, rows = [], [], [], []
    with open(path) as f:
        names = f.readline().rstrip("\n").split("\t")[4:]
        for line in f:
            parts = line.rstrip("\n").split("\t")
            authors.append(parts[0])
            labels.append(int(parts[2]))
            truth.append(int(parts[3]))
            rows.append([float(x) for x in parts[4:]])
    _, groups = np.unique(np.array(authors), return_inverse=True)
    return names, groups, np.array(labels), np.array(truth), np.array(rows)


def per_author(groups):
    order = np.argsort(groups, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(groups[order])) + 1)


def scores_at_k(blocks, y, truth, s, mix_rank, n_authors):
    """recall@K and MRR@K as the C++ evaluation: top K by s (ties: mix order), mean over n_authors."""
    recall = mrr = 0.0
    for idx in blocks:
        top = idx[np.lexsort((mix_rank[idx], -s[idx]))][:K]
        hits = np.flatnonzero(y[top] == 1)
        recall += len(hits) / truth[idx[0]]
        mrr += 1.0 / (hits[0] + 1) if len(hits) else 0.0
    return recall / n_authors, mrr / n_authors


def fit(kind, blocks, y, Z, c, seed, weight=None):
    if kind == "pointwise":
        idx = np.concatenate(blocks)
        m = LogisticRegression(C=c, max_iter=3000)
        m.fit(Z[idx], y[idx], sample_weight=None if weight is None else weight[idx])
        return m.coef_[0], m.intercept_[0]
    rng = np.random.default_rng(seed)
    diffs = []
    for idx in blocks:
        pos, neg = idx[y[idx] == 1], idx[y[idx] == 0]
        if len(pos) and len(neg):
            diffs.append(Z[rng.choice(pos, 20)] - Z[rng.choice(neg, 20)])
    D = np.vstack(diffs)
    m = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    m.fit(np.vstack([D, -D]), np.concatenate([np.ones(len(D)), np.zeros(len(D))]))
    w = m.coef_[0]
    idx = np.concatenate(blocks)
    platt = LogisticRegression(C=1e6, max_iter=3000)  # a scale and the intercept, on the ranking scores
    platt.fit((Z[idx] @ w).reshape(-1, 1), y[idx])
    return w * platt.coef_[0][0], platt.intercept_[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("features_tsv")
    ap.add_argument("--authors", type=int, required=True, help="the evaluated authors of the dumping run")
    ap.add_argument("--rerank", type=int, default=100, help="re-rank the mix's best N candidates of each author")
    ap.add_argument("--kind", choices=["pairwise", "pointwise"], default="pointwise")
    ap.add_argument("--features", default="", help="comma-separated subset of the columns (default: all)")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 regularization strength")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--recall-weights", action="store_true",
                    help="pointwise: weigh each row by 1 / the author's new co-authors (recall's denominator), so "
                         "that each author counts as in the mean recall, not each positive")
    ap.add_argument("--out", default="collaborator_model.json")
    args = ap.parse_args()

    names, groups, y, truth, X = load(args.features_tsv)
    mix_rank = np.rint(np.exp(X[:, names.index("log_mix_rank")])).astype(int)
    keep = (mix_rank >= 1) & (mix_rank <= args.rerank)
    groups, y, truth, X, mix_rank = groups[keep], y[keep], truth[keep], X[keep], mix_rank[keep]
    use = args.features.split(",") if args.features else names
    for n in use:
        if n not in names:
            sys.exit(f"--features: unknown feature {n!r}; the file has {', '.join(names)}")
    Xu = X[:, [names.index(n) for n in use]]
    mean, sd = Xu.mean(axis=0), Xu.std(axis=0)
    sd[sd == 0] = 1.0
    Z = (Xu - mean) / sd
    blocks = per_author(groups)
    weight = None
    if args.recall_weights:
        weight = 1.0 / truth
        weight *= len(weight) / weight.sum()
    print(f"{len(y)} rows in the mix's top {args.rerank}, {int(y.sum())} positive, {len(blocks)} authors "
          f"(of {args.authors} evaluated); {len(use)} features", file=sys.stderr)

    r, m = scores_at_k(blocks, y, truth, -mix_rank.astype(float), mix_rank, args.authors)
    print(f"mix alone:            R@{K} {r:.4f}  MRR@{K} {m:.4f}", file=sys.stderr)
    for n in ("log1p_tie_adamic_adar", "log1p_adamic_adar"):
        r, m = scores_at_k(blocks, y, truth, X[:, names.index(n)], mix_rank, args.authors)
        print(f"{n} re-ranking: R@{K} {r:.4f}  MRR@{K} {m:.4f}", file=sys.stderr)

    rng = np.random.default_rng(args.seed)
    fold = rng.integers(0, 5, len(blocks))
    s = np.zeros(len(y))
    for k in range(5):
        w, b = fit(args.kind, [blk for blk, f in zip(blocks, fold) if f != k], y, Z, args.c, args.seed, weight)
        for blk, f in zip(blocks, fold):
            if f == k:
                s[blk] = Z[blk] @ w + b
    r, m = scores_at_k(blocks, y, truth, s, mix_rank, args.authors)
    print(f"learned, held out:    R@{K} {r:.4f}  MRR@{K} {m:.4f}  ({args.kind}, C={args.c})", file=sys.stderr)

    w, b = fit(args.kind, blocks, y, Z, args.c, args.seed, weight)
    coef = w / sd
    intercept = float(b - (w * mean / sd).sum())
    s = Xu @ coef + intercept
    r_in, m_in = scores_at_k(blocks, y, truth, s, mix_rank, args.authors)
    print(f"learned, in sample:   R@{K} {r_in:.4f}  MRR@{K} {m_in:.4f}", file=sys.stderr)
    print("standardized weights: " + ", ".join(f"{n} {x:+.3f}" for n, x in zip(use, w)), file=sys.stderr)
    model = {"features": use, "coef": [float(x) for x in coef], "intercept": intercept, "rerank": args.rerank,
             "kind": args.kind, "c": args.c, "recall_weights": args.recall_weights, "trained_on": os.path.basename(args.features_tsv),
             "held_out_recall_at_10": r, "held_out_mrr_at_10": m}
    with open(args.out, "w") as f:
        json.dump(model, f, indent=2)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)
    full = dict(zip(use, coef))
    print("// default_learned_model(), kCollaboratorFeatureNames order: coef, intercept, rerank")
    print("{{" + ", ".join(f"{full.get(n, 0.0):.6g}" for n in names) + f"}}, {intercept:.6g}, {args.rerank}}}")


if __name__ == "__main__":
    main()
