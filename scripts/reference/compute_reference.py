#!/usr/bin/env python3
"""Compute reference values for snatool with established peer tools.

Run from the repository root:

    python3 scripts/reference/compute_reference.py

Reads the bundled datasets (datasets/...), builds the graphs exactly as snatool
does, computes summary figures, person-level metrics, network-level metrics and
per-edge values with python-igraph and networkx (cross-checked against each
other), runs R's sna package (Gould-Fernandez brokerage, betweenness,
centralisation) through scripts/reference/brokerage.R, asserts every
cross-tool agreement, and writes one JSON fixture per dataset to
Tests/Reference/<dataset>.json.

Options:
    --no-r      skip R (no brokerage; sna checks not made)
    --out DIR   write fixtures to DIR instead of Tests/Reference
"""
import argparse
import csv
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import warnings
from collections import OrderedDict

import igraph as ig
import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

DATASETS = [
    # name, node file, survey file, group attribute for brokerage
    ("bolton", "datasets/bolton/people.csv", "datasets/bolton/survey.csv", "organisation"),
    ("derbyshire", "datasets/derbyshire/partners.csv", "datasets/derbyshire/survey.csv", "sector"),
] + [
    (f"emon-{name}", f"datasets/emon/{name}/organisations.csv", f"datasets/emon/{name}/survey.csv", "sponsorship")
    for name in ["Cheyenne", "HurrFrederic", "MtSi", "Texas"]
]

# sna's brokerage() columns and the Gould-Fernandez role each one counts
# (two-path a -> v -> b with a -/-> b; verified in verify_sna_roles()).
SNA_ROLES = OrderedDict([
    ("w_I", "coordinator"),      # a, v, b all in one group
    ("w_O", "itinerant"),        # a, b in one group, v in another
    ("b_IO", "representative"),  # v shares a's (source's) group, b differs
    ("b_OI", "gatekeeper"),      # v shares b's (target's) group, a differs
    ("b_O", "liaison"),          # all three groups differ
    ("t", "total"),
])

# Tolerances for cross-tool agreement (absolute, or relative where noted).
TOL = 1e-9
WORST = {}  # largest absolute difference seen per cross-check


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def close(a, b, tol=TOL):
    """Equal within tol (absolute, or relative for large values); NaN == NaN."""
    if a is None or b is None:
        return a is None and b is None
    a = float(a)
    b = float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check_lists(what, a, b, tol=TOL, names=None):
    assert len(a) == len(b), f"{what}: lengths differ"
    worst = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        if not close(x, y, tol):
            who = names[i] if names else i
            raise AssertionError(f"{what}: disagreement at {who!r}: {x!r} vs {y!r}")
        if x is not None and y is not None and not (math.isnan(float(x)) or math.isnan(float(y))):
            worst = max(worst, abs(float(x) - float(y)))
    key = what.split(" ", 1)[1] if "/" in what.split(" ", 1)[0] else what
    WORST[key] = max(WORST.get(key, 0.0), worst)
    return worst


def clean(x):
    """JSON-ready number: NaN -> None, -0.0 -> 0.0, numpy scalars -> Python."""
    if x is None:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        raise ValueError("infinite value in fixture")
    if x == 0.0:
        return 0.0
    return x


# ---------------------------------------------------------------------------
# Graph construction (snatool's rules)
# ---------------------------------------------------------------------------

def load_dataset(node_file, survey_file, group_attr):
    people = read_csv(node_file)
    survey = read_csv(survey_file)
    nodes = [row["id"] for row in people]
    index = {name: i for i, name in enumerate(nodes)}
    assert len(index) == len(nodes), "duplicate ids in node file"
    groups = {row["id"]: row[group_attr] for row in people}
    for row in survey:
        for col in ("respondent", "contact"):
            name = row[col]
            if name not in index:
                index[name] = len(nodes)
                nodes.append(name)
    # Bolton's survey also carries organisations: they must match people.csv.
    for row in survey:
        for col in ("respondent", "contact"):
            org = row.get(col + "_org")
            if org is not None:
                if row[col] in groups:
                    assert groups[row[col]] == org, f"organisation mismatch for {row[col]}"
                else:
                    groups[row[col]] = org
    group_list = [groups.get(name, "") for name in nodes]

    has_theme = "theme" in survey[0]
    has_strength = "strength" in survey[0]
    themes = []
    per_theme = OrderedDict()  # theme -> {(u, v): weight}
    for row in survey:
        theme = row["theme"] if has_theme else "all"
        u, v = index[row["respondent"]], index[row["contact"]]
        if theme not in per_theme:
            per_theme[theme] = {}
            themes.append(theme)
        if u == v:
            continue
        w = float(row["strength"]) if has_strength else 1.0
        edges = per_theme[theme]
        if (u, v) in edges:
            # duplicates merged; none occur in the bundled data
            assert edges[(u, v)] == w, "duplicate rows with different strengths"
        edges[(u, v)] = w

    selections = OrderedDict()
    if has_theme:
        union = {}
        for theme in themes:
            selections[theme] = per_theme[theme]
            for e in per_theme[theme]:
                union[e] = union.get(e, 0.0) + 1.0  # number of themes
        selections["all"] = union
    else:
        selections["all"] = per_theme["all"]  # weight = strength
    return nodes, group_list, selections


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------

def build(n, edge_weights):
    edges = sorted(edge_weights)  # by (source index, target index)
    weights = [edge_weights[e] for e in edges]
    g = ig.Graph(n=n, edges=edges, directed=True)
    g.es["weight"] = weights
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges, weights))
    # symmetrised simple undirected graph
    s = g.as_undirected(mode="collapse")
    s.simplify()
    S = nx.Graph()
    S.add_nodes_from(range(n))
    S.add_edges_from(edges)
    assert s.ecount() == S.number_of_edges()
    return edges, weights, g, G, s, S


def summary(n, edges, g, G, s, S, checks):
    m = len(edges)
    rec_ig = g.reciprocity(ignore_loops=True, mode="default") if m else float("nan")
    rec_nx = nx.overall_reciprocity(G) if m else float("nan")
    assert close(rec_ig, rec_nx), ("reciprocity", rec_ig, rec_nx)
    mutual_ig = g.dyad_census().mutual
    mutual_nx = sum(1 for u, v in G.edges() if u < v and G.has_edge(v, u))
    assert mutual_ig == mutual_nx
    iso_ig = sum(1 for d in g.degree(mode="all") if d == 0)
    iso_nx = nx.number_of_isolates(G)
    assert iso_ig == iso_nx
    wcc_ig = g.connected_components(mode="weak")
    scc_ig = g.connected_components(mode="strong")
    wcc_nx = list(nx.weakly_connected_components(G))
    scc_nx = list(nx.strongly_connected_components(G))
    assert len(wcc_ig) == len(wcc_nx) and len(scc_ig) == len(scc_nx)
    assert max(wcc_ig.sizes()) == max(map(len, wcc_nx))
    assert max(scc_ig.sizes()) == max(map(len, scc_nx))
    density_ig = g.density(loops=False)
    density = m / (n * (n - 1))
    assert close(density, density_ig) and close(density, nx.density(G))
    checks["summary (igraph = networkx)"] = "exact for counts; 1e-9 for density/reciprocity"
    return {
        "nodes": n,
        "ties": m,
        "density": density,
        "reciprocity": rec_ig,
        "mutual_pairs": mutual_ig,
        "isolates": iso_ig,
        "weak_components": len(wcc_ig),
        "largest_weak_component": max(wcc_ig.sizes()),
        "strong_components": len(scc_ig),
        "largest_strong_component": max(scc_ig.sizes()),
    }


def burt_effective_size(n, edges):
    """Independent implementation of Burt's effective size (mutual weights)."""
    a = np.zeros((n, n))
    for u, v in edges:
        a[u, v] = 1.0
    mw = a + a.T
    out = []
    for i in range(n):
        nbrs = [j for j in range(n) if mw[i, j] > 0 and j != i]
        if not nbrs:
            out.append(float("nan"))
            continue
        tot = sum(mw[i, j] for j in nbrs)
        es = 0.0
        for j in nbrs:
            mx = max(mw[j, k] for k in range(n) if k != j)
            redundancy = sum((mw[i, q] / tot) * (mw[j, q] / mx) for q in nbrs if q != j)
            es += 1.0 - redundancy
        out.append(es)
    return out


def people_metrics(n, edges, weights, g, G, s, S, names, checks, disagreements, label):
    res = OrderedDict()
    res["in_degree"] = g.degree(mode="in")
    res["out_degree"] = g.degree(mode="out")
    assert res["in_degree"] == [G.in_degree(i) for i in range(n)]
    assert res["out_degree"] == [G.out_degree(i) for i in range(n)]
    res["degree"] = s.degree()
    assert res["degree"] == [S.degree(i) for i in range(n)]
    res["in_strength"] = g.strength(mode="in", weights="weight")
    res["out_strength"] = g.strength(mode="out", weights="weight")
    check_lists("in_strength", res["in_strength"], [G.in_degree(i, weight="weight") for i in range(n)])
    check_lists("out_strength", res["out_strength"], [G.out_degree(i, weight="weight") for i in range(n)])

    # betweenness (unweighted, directed)
    btw = g.betweenness(directed=True)
    btw_nx = nx.betweenness_centrality(G, normalized=False)
    check_lists("betweenness igraph/networkx", btw, [btw_nx[i] for i in range(n)], names=names)
    res["betweenness"] = btw
    res["betweenness_normalised"] = [b / ((n - 1) * (n - 2)) for b in btw]
    checks["betweenness igraph = networkx"] = "1e-9 relative"

    # harmonic closeness on out-distances, normalised by n-1
    harm = g.harmonic_centrality(mode="out", normalized=True)
    # networkx sums 1/d(u, v) over sources u (in-distances): reverse for out-distances
    harm_nx = nx.harmonic_centrality(G.reverse(copy=True))
    check_lists("harmonic igraph/networkx", harm, [harm_nx[i] / (n - 1) for i in range(n)], names=names)
    res["harmonic_closeness"] = harm
    checks["harmonic closeness igraph(mode=out) = networkx harmonic_centrality(G.reverse())/(n-1)"] = "1e-9"

    # Wasserman-Faust closeness on out-paths
    clo = g.closeness(mode="out", normalized=True)
    reach = [len(g.subcomponent(i, mode="out")) for i in range(n)]  # includes i itself
    wf = []
    for c, r in zip(clo, reach):
        if r <= 1 or c is None or math.isnan(c):
            wf.append(0.0)
        else:
            wf.append(c * (r - 1) / (n - 1))
    wf_nx = nx.closeness_centrality(G.reverse(copy=True), wf_improved=True)
    check_lists("WF closeness igraph/networkx", wf, [wf_nx[i] for i in range(n)], names=names)
    res["closeness"] = wf
    checks["WF closeness igraph(mode=out)*(r-1)/(n-1) = networkx closeness_centrality(G.reverse(), wf_improved=True)"] = "1e-9"

    # PageRank, unweighted, damping 0.85
    pr = g.pagerank(damping=0.85, directed=True, weights=None)
    pr_nx = nx.pagerank(G, alpha=0.85, weight=None, tol=1e-15, max_iter=100000)
    check_lists("pagerank igraph/networkx", pr, [pr_nx[i] for i in range(n)], tol=1e-9, names=names)
    res["pagerank"] = pr
    checks["pagerank igraph (PRPACK) = networkx (tol=1e-15)"] = "1e-9 absolute"

    # eigenvector centrality on the symmetrised simple graph, max = 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # ARPACK's start vector comes from igraph's RNG (Python's `random`):
        # seed it so the last bits are reproducible run to run.
        random.seed(20240101)
        ev = s.eigenvector_centrality(scale=True)
    res["eigenvector"] = ev
    ev_nx = None
    try:
        d = nx.eigenvector_centrality(S, max_iter=100000, tol=1e-13)
        mx = max(d.values())
        ev_nx = [d[i] / mx for i in range(n)]
    except nx.PowerIterationFailedConvergence:
        ev_nx = [float("nan")] * n
    res["eigenvector_networkx"] = ev_nx
    diff = max(abs(a - b) for a, b in zip(ev, ev_nx))
    if diff > 1e-6:
        disagreements.append(f"{label}: eigenvector igraph vs networkx differ by up to {diff:.3g}")
    checks.setdefault("eigenvector igraph vs networkx (rescaled to max 1)", [])
    checks["eigenvector igraph vs networkx (rescaled to max 1)"].append(diff)

    # Burt constraint, directed unweighted
    con = g.constraint(weights=None)
    con_nx = nx.constraint(G)
    check_lists("constraint igraph/networkx", con, [con_nx[i] for i in range(n)], names=names)
    res["constraint"] = con
    checks["constraint igraph = networkx (NaN for isolates in both)"] = "1e-9"

    # Effective size (Burt), directed graph, mutual weights. networkx 3.6.1 has two
    # bugs here (see README): its default vectorised path (nodes=None) divides by
    # the wrong row maximum (networkx PR #8906), and its per-node path
    # (nodes=[...]) returns NaN for nodes without out-ties (networkx #2661).
    # We use the per-node path, on G.reverse() for nodes without out-ties (the
    # measure depends only on mutual weights, so reversing does not change it),
    # and check it against an independent implementation.
    es_iter = nx.effective_size(G, nodes=list(G))
    es_rev = nx.effective_size(G.reverse(copy=True), nodes=list(G))
    es = [es_iter[i] if G.out_degree(i) > 0 else es_rev[i] for i in range(n)]
    check_lists("effective size networkx/own", es, burt_effective_size(n, edges), names=names)
    res["effective_size"] = es
    checks["effective size networkx per-node path = independent numpy implementation"] = "1e-9"
    es_vec = nx.effective_size(G)
    bad = sum(1 for i in range(n) if not close(es_vec[i], es[i]))
    if bad:
        diff = max(abs(es_vec[i] - es[i]) for i in range(n) if not close(es_vec[i], es[i]))
        disagreements.append(f"{label}: networkx effective_size(G) default (vectorised) path wrong for "
                             f"{bad} nodes (max |diff| {diff:.3g}); correct values stored")

    # k-core on the symmetrised graph
    core = s.coreness(mode="all")
    core_nx = nx.core_number(S)
    assert core == [core_nx[i] for i in range(n)]
    res["coreness"] = core

    # local clustering on the symmetrised graph, 0 for degree < 2
    cc = s.transitivity_local_undirected(mode="zero")
    cc_nx = nx.clustering(S)
    check_lists("clustering igraph/networkx", cc, [cc_nx[i] for i in range(n)], names=names)
    res["clustering"] = cc

    # articulation points of the symmetrised graph
    ap = set(s.articulation_points())
    assert ap == set(nx.articulation_points(S))
    res["articulation_point"] = [i in ap for i in range(n)]
    return res


def path_stats(graph_ig, graph_nx, directed):
    """Diameter and mean distance over reachable ordered pairs (igraph unconn=True)."""
    if graph_ig.vcount() < 2 or graph_ig.ecount() == 0:
        return None, None
    diam = graph_ig.diameter(directed=directed, unconn=True)
    mean = graph_ig.average_path_length(directed=directed, unconn=True)
    dists = []
    for u, dd in nx.all_pairs_shortest_path_length(graph_nx):
        for v, d in dd.items():
            if u != v:
                dists.append(d)
    assert diam == max(dists), (diam, max(dists))
    # networkx: undirected pairs counted both ways; same mean
    assert close(mean, sum(dists) / len(dists)), (mean, sum(dists) / len(dists))
    return diam, mean


def network_metrics(n, edges, g, G, s, S, checks):
    net = OrderedDict()
    t = s.transitivity_undirected()
    t_nx = nx.transitivity(S)
    if s.ecount() == 0:
        t = float("nan")
    assert close(t, t_nx) or (math.isnan(t) and t_nx == 0)
    net["transitivity"] = t

    net["diameter_directed"], net["mean_distance_directed"] = path_stats(g, G, True)
    net["diameter_symmetrised"], net["mean_distance_symmetrised"] = path_stats(s, S, False)

    # largest weak component (ties broken by smallest node index)
    comps = g.connected_components(mode="weak")
    best = max(range(len(comps)), key=lambda k: (len(comps[k]), -min(comps[k])))
    members = sorted(comps[best])
    gsub = g.induced_subgraph(members)
    Gsub = G.subgraph(members).copy()
    ssub = s.induced_subgraph(members)
    Ssub = S.subgraph(members).copy()
    net["lwc_diameter_directed"], net["lwc_mean_distance_directed"] = path_stats(gsub, Gsub, True)
    net["lwc_diameter_symmetrised"], net["lwc_mean_distance_symmetrised"] = path_stats(ssub, Ssub, False)

    # Freeman centralisation (igraph's C formulas; python-igraph has no wrapper,
    # so these are checked against R igraph centr_degree/centr_betw and sna).
    deg = s.degree()
    net["degree_centralisation"] = sum(max(deg) - d for d in deg) / ((n - 1) * (n - 2))
    btw = g.betweenness(directed=True)
    net["betweenness_centralisation"] = sum(max(btw) - b for b in btw) / ((n - 1) * (n - 1) * (n - 2))
    checks["diameter / mean distance igraph(unconn=True) = networkx all-pairs over reachable pairs"] = "exact / 1e-9"
    return net


def edge_metrics(n, edges, weights, g, G, s, S, nodes, checks):
    eb = g.edge_betweenness(directed=True)
    eb_nx = nx.edge_betweenness_centrality(G, normalized=False)
    check_lists("edge betweenness", eb, [eb_nx[e] for e in edges])
    bridges_ig = {tuple(sorted(s.es[k].tuple)) for k in s.bridges()}
    bridges_nx = {tuple(sorted(e)) for e in nx.bridges(S)}
    assert bridges_ig == bridges_nx
    checks["edge betweenness igraph = networkx; bridges igraph = networkx"] = "1e-9 / exact"
    out = []
    for k, (u, v) in enumerate(edges):
        out.append(OrderedDict([
            ("source", nodes[u]),
            ("target", nodes[v]),
            ("weight", weights[k]),
            ("edge_betweenness", eb[k]),
            ("bridge", tuple(sorted((u, v))) in bridges_ig),
        ]))
    return out


# ---------------------------------------------------------------------------
# R / sna
# ---------------------------------------------------------------------------

def run_r(jobs, workdir):
    """jobs: list of (id, n, edges, groups). Returns {id: (nodes_rows, network)}."""
    with open(os.path.join(workdir, "manifest.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "n", "edges", "groups", "out"])
        for jid, n, edges, groups in jobs:
            ef, gf = f"e{jid}.csv", f"g{jid}.csv"
            with open(os.path.join(workdir, ef), "w", newline="") as fe:
                we = csv.writer(fe)
                we.writerow(["from", "to"])
                for u, v in edges:
                    we.writerow([u + 1, v + 1])
            with open(os.path.join(workdir, gf), "w", newline="", encoding="utf-8") as fg:
                wg = csv.writer(fg, quoting=csv.QUOTE_ALL)
                wg.writerow(["group"])
                for grp in groups:
                    wg.writerow([grp])
            w.writerow([jid, n, ef, gf, f"r{jid}"])
    subprocess.run(["Rscript", os.path.join(HERE, "brokerage.R"), workdir], check=True)

    def num(x):
        special = {"NA": float("nan"), "NaN": float("nan"), "Inf": float("inf"), "-Inf": float("-inf")}
        return special[x] if x in special else float(x)

    results = {}
    for jid, n, _, _ in jobs:
        rows = read_csv(os.path.join(workdir, f"r{jid}_nodes.csv"))
        cols = {k: [num(r[k]) for r in rows] for k in rows[0].keys()}
        net = {r["key"]: num(r["value"]) for r in read_csv(os.path.join(workdir, f"r{jid}_network.csv"))}
        results[jid] = (cols, net)
    versions = {r["key"]: r["value"] for r in read_csv(os.path.join(workdir, "versions.csv"))}
    return results, versions


def verify_sna_roles(workdir):
    """Check sna's column labels against hand-made two-paths a -> v -> b."""
    cases = OrderedDict([
        ("coordinator", ["1", "1", "1"]),
        ("itinerant", ["1", "2", "1"]),
        ("gatekeeper", ["1", "2", "2"]),      # v shares the target's group
        ("representative", ["1", "1", "2"]),  # v shares the source's group
        ("liaison", ["1", "2", "3"]),
    ])
    jobs = [(f"role{k}", 3, [(0, 1), (1, 2)], grp) for k, grp in enumerate(cases.values())]
    results, _ = run_r(jobs, workdir)
    by_role = {role: col for col, role in SNA_ROLES.items()}
    for k, role in enumerate(cases):
        cols, _ = results[f"role{k}"]
        for col in SNA_ROLES:
            got = cols[f"raw.nli:{col}"][1]  # vertex v
            want = 1.0 if col in (by_role[role], "t") else 0.0
            assert got == want, f"sna role check failed: {role} {col} = {got}"
        assert all(cols[f"raw.nli:t"][i] == 0 for i in (0, 2))


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def to_json(obj, indent=0):
    """Deterministic JSON: sorted keys, one line per scalar list / edge."""
    pad = " " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f'{pad} {json.dumps(str(k), ensure_ascii=False)}:{to_json(obj[k], indent + 1)}'
                 for k in sorted(obj)]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if all(not isinstance(x, (dict, list, tuple)) for x in obj):
            return "[" + ",".join(to_json(x) for x in obj) + "]"
        return "[\n" + ",\n".join(pad + " " + to_json(x, indent + 1) for x in obj) + "\n" + pad + "]"
    if isinstance(obj, str):
        return json.dumps(obj, ensure_ascii=False)
    x = clean(obj)
    return json.dumps(x, allow_nan=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-r", action="store_true")
    ap.add_argument("--out", default="Tests/Reference")
    args = ap.parse_args()
    use_r = not args.no_r
    os.makedirs(args.out, exist_ok=True)

    versions = {"python-igraph": ig.__version__, "networkx": nx.__version__, "numpy": np.__version__}
    checks = OrderedDict()
    disagreements = []
    tmp = tempfile.mkdtemp(prefix="snaref")
    if use_r:
        verify_sna_roles(tmp)
        checks["sna brokerage column -> role mapping (hand-made two-paths)"] = "exact"

    for name, node_file, survey_file, group_attr in DATASETS:
        nodes, groups, selections = load_dataset(node_file, survey_file, group_attr)
        n = len(nodes)
        fixture = OrderedDict()
        fixture["dataset"] = name
        fixture["nodes"] = nodes
        fixture["group_attribute"] = group_attr
        fixture["groups"] = groups
        fixture["selection_order"] = list(selections)
        fixture["selections"] = OrderedDict()
        jobs = []
        built = {}
        for k, (sel, ew) in enumerate(selections.items()):
            edges, weights, g, G, s, S = build(n, ew)
            label = f"{name}/{sel}"
            entry = OrderedDict()
            entry["summary"] = summary(n, edges, g, G, s, S, checks)
            entry["people"] = people_metrics(n, edges, weights, g, G, s, S, nodes, checks, disagreements, label)
            entry["network"] = network_metrics(n, edges, g, G, s, S, checks)
            entry["edges"] = edge_metrics(n, edges, weights, g, G, s, S, nodes, checks)
            fixture["selections"][sel] = entry
            built[sel] = edges
            jobs.append((f"{name}-{k}", n, edges, groups))
        if use_r:
            results, rversions = run_r(jobs, tmp)
            versions.update({f"R:{k}": v for k, v in rversions.items()})
            for k, sel in enumerate(selections):
                cols, net = results[f"{name}-{k}"]
                entry = fixture["selections"][sel]
                check_lists(f"{name}/{sel} betweenness igraph/sna", entry["people"]["betweenness"],
                            cols["betweenness_sna"], names=nodes)
                checks["betweenness igraph = R sna betweenness(gmode='digraph')"] = "1e-9 relative"
                nw = entry["network"]
                for key in ("rigraph_centr_degree_all_sym", "sna_centralization_degree_graph"):
                    assert close(nw["degree_centralisation"], net[key]), (name, sel, key, nw["degree_centralisation"], net[key])
                for key in ("rigraph_centr_betw_directed", "sna_centralization_betweenness_digraph"):
                    assert close(nw["betweenness_centralisation"], net[key]), (name, sel, key, nw["betweenness_centralisation"], net[key])
                checks["Freeman centralisation (degree, betweenness) = R igraph centr_* = R sna centralization()"] = "1e-9"
                br = OrderedDict()
                br["group_attribute"] = group_attr
                br["roles"] = dict(SNA_ROLES)
                for part, key in (("raw", "raw.nli"), ("expected", "exp.nli"), ("z", "z.nli")):
                    br[part] = OrderedDict((col, cols[f"{key}:{col}"]) for col in SNA_ROLES)
                for part, key in (("network_raw", "raw.gli"), ("network_expected", "exp.gli"),
                                  ("network_sd", "sd.gli"), ("network_z", "z.gli")):
                    br[part] = OrderedDict((col, net[f"{key}:{col}"]) for col in SNA_ROLES)
                # Sanity: raw t = sum of the five roles; total brokered pairs
                for i in range(n):
                    assert sum(br["raw"][c][i] for c in list(SNA_ROLES)[:5]) == br["raw"]["t"][i]
                entry["brokerage"] = br
        fixture["versions"] = versions
        path = os.path.join(args.out, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(to_json(fixture) + "\n")
        print(f"{name}: {n} nodes, selections {list(selections)} -> {path}")

    print("\nVerified agreements:")
    for k, v in checks.items():
        if isinstance(v, list):
            v = f"max |difference| {max(v):.3g}"
        print(f"  - {k}: {v}")
    print("\nLargest absolute differences seen:")
    for k in sorted(WORST):
        print(f"  - {k}: {WORST[k]:.3g}")
    if disagreements:
        print("\nDisagreements (recorded, not fatal):")
        for d in disagreements:
            print("  - " + d)
    print("\nVersions:", json.dumps(versions, sort_keys=True))


if __name__ == "__main__":
    main()
