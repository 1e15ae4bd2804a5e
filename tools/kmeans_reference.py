#!/usr/bin/python3
"""scikit-learn reference figures for the peer-group k-means (see docs/peer-groups.md).

The C# tests compare ML.NET's k-means against the JSON this script writes, so the comparison needs
no Python at test time. Needs Debian's scikit-learn: `apt-get install -y python3-sklearn`, then run
with /usr/bin/python3 (the system interpreter that package installs into).

  blobs OUT.csv                      generate the Gaussian-blob fixture (standardised, true label first)
  reference IN.csv --k 3-10          sklearn KMeans(n_clusters=k, n_init=10, random_state=0) per k:
                                     inertia, Davies-Bouldin, silhouette, and the same measures for the
                                     CSV's own labels when its first column is `label`; JSON on stdout
  bench --rows 100000 --out OUT.csv  generate 100,000 x 8 blobs (k = 6), time sklearn, write the data
                                     (--json: one JSON line with every time and inertia, for the C# bench)
  bench-k IN.csv --k 3-10            time the choice of k as the peer groups make it: per k KMeans(n_init=10),
                                     Davies-Bouldin and silhouette (on --silhouette-sample rows, 0 = all); JSON

A CSV's first column is an identifier (`ags`) or the true label (`label`); every other column is a
standardised feature.
"""

import argparse
import json
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, davies_bouldin_score, silhouette_score
from sklearn.preprocessing import StandardScaler

BLOBS = dict(n_samples=3000, n_features=6, centers=5, cluster_std=1.5, random_state=7)
BENCH = dict(n_features=8, centers=6, cluster_std=1.5, random_state=11)


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    first = np.loadtxt(path, delimiter=",", skiprows=1, usecols=[0], dtype=str)
    x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, len(header)))
    labels = first.astype(int) if header[0] == "label" else None
    return header, x, labels


def write_csv(path, header, first, x):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for key, row in zip(first, x):
            f.write(str(key) + "," + ",".join(f"{v:.6f}" for v in row) + "\n")


def k_range(text):
    low, _, high = text.partition("-")
    return list(range(int(low), int(high or low) + 1))


def blobs(args):
    x, y = make_blobs(**BLOBS)
    x = StandardScaler().fit_transform(x)
    header = ["label"] + [f"f{i + 1}" for i in range(x.shape[1])]
    write_csv(args.out, header, y, x)
    print(f"wrote {args.out}: {x.shape[0]} rows, {x.shape[1]} features, make_blobs{BLOBS}", file=sys.stderr)


def reference(args):
    header, x, labels = read_csv(args.csv)
    result = {
        "source": args.csv.split("/")[-1],
        "rows": int(x.shape[0]),
        "features": header[1:],
        "sklearn": sklearn.__version__,
        "kmeans": "KMeans(n_clusters=k, n_init=10, random_state=0), algorithm lloyd",
        "command": "/usr/bin/python3 tools/kmeans_reference.py " + " ".join(sys.argv[1:]),
        "k": [],
    }
    if labels is not None:
        result["trueLabels"] = {
            "k": int(len(set(labels))),
            "daviesBouldin": davies_bouldin_score(x, labels),
            "silhouette": float(silhouette_score(x, labels)),
        }
    for k in k_range(args.k):
        started = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        seconds = time.perf_counter() - started
        entry = {
            "k": k,
            "inertia": float(model.inertia_),
            "daviesBouldin": float(davies_bouldin_score(x, model.labels_)),
            "silhouette": float(silhouette_score(x, model.labels_)),
        }
        if labels is not None:
            entry["adjustedRandIndex"] = float(adjusted_rand_score(labels, model.labels_))
        result["k"].append(entry)
        print(f"k={k}: inertia {model.inertia_:.3f} in {seconds:.3f} s", file=sys.stderr)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


def bench(args):
    x, y = make_blobs(n_samples=args.rows, **BENCH)
    x = StandardScaler().fit_transform(x)
    if args.out:
        write_csv(args.out, ["label"] + [f"f{i + 1}" for i in range(x.shape[1])], y, x)
    k = BENCH["centers"]
    result = {"rows": args.rows, "k": k, "sklearn": sklearn.__version__, "runs": {}}
    for n_init in (1, 10):
        times, inertias = [], []
        for repeat in range(args.repeats):
            started = time.perf_counter()
            model = KMeans(n_clusters=k, n_init=n_init, random_state=repeat).fit(x)
            times.append(time.perf_counter() - started)
            inertias.append(model.inertia_)
        result["runs"][str(n_init)] = {"seconds": times, "inertias": [float(i) for i in inertias]}
        print(
            f"rows {args.rows} k {k} n_init {n_init}: median {statistics.median(times) * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), inertia median {statistics.median(inertias):.2f} "
            f"min {min(inertias):.2f}",
            file=sys.stderr if args.json else sys.stdout,
        )
    if args.json:
        print(json.dumps(result))


def bench_k(args):
    _, x, _ = read_csv(args.csv)
    times, entries = [], []
    for repeat in range(args.repeats):
        started = time.perf_counter()
        entries = []
        for k in k_range(args.k):
            model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
            sample = None if args.silhouette_sample <= 0 or args.silhouette_sample >= x.shape[0] else args.silhouette_sample
            entries.append({
                "k": k,
                "inertia": float(model.inertia_),
                "daviesBouldin": float(davies_bouldin_score(x, model.labels_)),
                "silhouette": float(silhouette_score(x, model.labels_, sample_size=sample, random_state=0)),
            })
        times.append(time.perf_counter() - started)
    print(json.dumps({"rows": int(x.shape[0]), "sklearn": sklearn.__version__, "seconds": times, "k": entries}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("blobs")
    p.add_argument("out")
    p.set_defaults(run=blobs)
    p = commands.add_parser("reference")
    p.add_argument("csv")
    p.add_argument("--k", default="3-10")
    p.set_defaults(run=reference)
    p = commands.add_parser("bench")
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--out")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=bench)
    p = commands.add_parser("bench-k")
    p.add_argument("csv")
    p.add_argument("--k", default="3-10")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--silhouette-sample", type=int, default=10_000)
    p.set_defaults(run=bench_k)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
