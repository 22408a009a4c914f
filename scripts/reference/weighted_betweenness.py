#!/usr/bin/env python3
"""Reference values for snatool's weighted betweenness (Tests/Reference/weighted-betweenness.json).

Run from the repository root:

    python3 scripts/reference/weighted_betweenness.py            # writes the fixture
    python3 scripts/reference/weighted_betweenness.py --out DIR  # elsewhere

For Bolton (seven themes with strengths 1-4, and `all` weighted 1-7 by the
number of themes), the four EMON networks (strengths 1-4) and a hand-made
graph whose shortest paths tie only when fractions add up exactly, it stores,
per selection and node (graphs built as compute_reference.py builds them):

- `weighted_betweenness`: length = weight. igraph
  `betweenness(directed=True, weights=w)` = networkx
  `betweenness_centrality(G, weight="weight", normalized=False)`.
- `weighted_betweenness_inverse`: length = 1/weight. igraph on the lengths
  1/w (igraph counts two path lengths as equal within a relative 1e-10) =
  networkx on the integer lengths L/w, L the least common multiple of the
  weights (scaling every length by L changes no shortest path, and whole
  numbers compare exactly).
- `pairs_with_tied_paths`, `pairs_with_tied_paths_inverse`: the number of
  ordered pairs joined by more than one shortest path (from networkx's path
  counts): the fixtures exercise ties in path lengths.

Every agreement is checked to 1e-9 relative; a failed check stops the script.
Output is deterministic (sorted keys, Python repr floats).
"""
import argparse
import json
import math
import os
import sys
from collections import OrderedDict
from fractions import Fraction

import igraph as ig
import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compute_reference import DATASETS, check_lists, clean, load_dataset, to_json  # noqa: E402

# The hand-made graph. With lengths 1/w, four routes from 0 to 5 have length
# exactly 1 only in exact arithmetic: 0-1-5 (1/2 + 1/2), 0-2-3-5
# (1/3 + 1/6 + 1/2), 0-4-5 (1/6 + 5/6), 0-6-7-5 and 0-2-7-5 (1/3 + 1/3 + 1/3);
# 5-8-9 (1 + 1/4) ties with 5-9 (5/4). With lengths w, 0-6-7-5 and 0-2-7-5 tie at 9.
HAND_NODES = [str(i) for i in range(10)]
HAND_EDGES = {
    (0, 1): 2.0, (1, 5): 2.0,                      # 1/2 + 1/2
    (0, 2): 3.0, (2, 3): 6.0, (3, 5): 2.0,         # 1/3 + 1/6 + 1/2
    (0, 4): 6.0, (4, 5): 1.2,                      # 1/6 + 5/6
    (0, 6): 3.0, (6, 7): 3.0, (7, 5): 3.0,         # 1/3 + 1/3 + 1/3
    (5, 8): 1.0, (8, 9): 4.0, (5, 9): 0.8,         # 1 + 1/4 against 5/4
    (9, 0): 1.0, (2, 7): 3.0,
}


def tied_pairs(G):
    """Ordered pairs joined by more than one shortest path; lengths are exact (integers)."""
    count = 0
    for s in G:
        dist = nx.single_source_dijkstra_path_length(G, s, weight="weight")
        sigma = {s: 1}
        for v in sorted(dist, key=lambda x: (dist[x], x)):
            if v != s:
                sigma[v] = sum(sigma[u] for u in G.predecessors(v)
                               if u in dist and dist[u] + G[u][v]["weight"] == dist[v])
                count += sigma[v] > 1
    return count


def integer_lengths(n, edges, lengths):
    """The graph with every length (a Fraction) scaled to a whole number."""
    scale = 1
    for f in lengths:
        scale = math.lcm(scale, f.denominator)
    H = nx.DiGraph()
    H.add_nodes_from(range(n))
    for (u, v), f in zip(edges, lengths):
        H.add_edge(u, v, weight=int(f * scale))
    return H


def weighted(n, edge_weights, names, label):
    edges = sorted(edge_weights)
    weights = [edge_weights[e] for e in edges]
    g = ig.Graph(n=n, edges=edges, directed=True)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges, weights))

    plain = g.betweenness(directed=True, weights=weights)
    plain_nx = nx.betweenness_centrality(G, weight="weight", normalized=False)
    check_lists(f"{label} weighted betweenness igraph/networkx", plain, [plain_nx[i] for i in range(n)], names=names)

    inverse = g.betweenness(directed=True, weights=[1 / w for w in weights])
    fractions = [Fraction(w).limit_denominator(1000) for w in weights]
    assert all(float(f) == w for f, w in zip(fractions, weights)), "weights must be simple fractions"
    H = integer_lengths(n, edges, [1 / f for f in fractions])
    inverse_nx = nx.betweenness_centrality(H, weight="weight", normalized=False)
    check_lists(f"{label} inverse weighted betweenness igraph(1/w)/networkx(integer L/w)", inverse,
                [inverse_nx[i] for i in range(n)], names=names)
    return OrderedDict([
        ("weighted_betweenness", [clean(x) for x in plain]),
        ("weighted_betweenness_inverse", [clean(x) for x in inverse]),
        ("pairs_with_tied_paths", tied_pairs(integer_lengths(n, edges, fractions))),
        ("pairs_with_tied_paths_inverse", tied_pairs(H)),
    ])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="Tests/Reference")
    args = parser.parse_args()
    fixture = OrderedDict()
    fixture["versions"] = {"python-igraph": ig.__version__, "networkx": nx.__version__}
    datasets = OrderedDict()
    for name, node_file, survey_file, group_attr in DATASETS:
        if name == "derbyshire":
            continue  # no strengths: every weight 1 in its themes
        nodes, _, selections = load_dataset(node_file, survey_file, group_attr)
        entry = OrderedDict([("nodes", nodes), ("selections", OrderedDict())])
        for selection, edge_weights in selections.items():
            entry["selections"][selection] = weighted(len(nodes), edge_weights, nodes, f"{name}/{selection}")
        datasets[name] = entry
        print(f"{name}: {len(selections)} selections checked", file=sys.stderr)
    datasets["hand-made"] = OrderedDict([
        ("nodes", HAND_NODES),
        ("edges", [[u, v, w] for (u, v), w in sorted(HAND_EDGES.items())]),
        ("selections", OrderedDict([("all", weighted(len(HAND_NODES), HAND_EDGES, HAND_NODES, "hand-made"))])),
    ])
    fixture["datasets"] = datasets
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "weighted-betweenness.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(to_json(fixture) + "\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
