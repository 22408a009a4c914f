#!/usr/bin/env python3
"""Peer checks of snatool's network file formats (docs/interchange.md).

Usage: scripts/reference/interchange.py [--snatool PATH] [--out DIR]

1. Exports the bundled Bolton survey with `snatool export` as GraphML, GEXF,
   node-link JSON and Pajek, reads each file with networkx and igraph, checks
   that both read the same nodes, edges and attributes, computes directed
   betweenness with both, and writes what they read to
   Tests/Reference/interchange-bolton.json. The Swift tests
   (Tests/PeerReferenceTests/InterchangeReferenceTests.swift) compare it
   with snatool's own export and analysis.
   igraph has no GEXF or node-link JSON reader: for those two, igraph's
   betweenness is computed on the graph networkx read (Graph.from_networkx),
   which the fixture records as "igraph_via": "networkx".
2. Builds the EMON Texas network (datasets/emon/Texas) in networkx and igraph,
   writes it as GraphML and GEXF from networkx, GraphML from igraph, and a
   GEXF 1.3 as Gephi 0.10 writes it (viz colour, size and position, typed
   attributes), into Tests/Fixtures/interchange/, with both tools'
   betweenness in Tests/Reference/interchange-emon.json. The Swift tests read
   each file with snatool (no options) and compare betweenness.

Needs networkx and python-igraph (scripts/reference/requirements.txt) and a
built snatool (swift build). The output is deterministic.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOL = 1e-9
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        sys.exit(f"check failed: {what}")


def close(a, b):
    return abs(a - b) <= TOL * max(1.0, abs(a), abs(b))


def plain(value):
    """A value as JSON keeps it: floats that are whole stay floats."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


NODE_KEYS = ["organisation", "layer", "sector", "responded", "gatekeeper", "degree", "betweenness", "pagerank", "constraint", "core"]
EDGE_KEYS = ["weight", "themes", "multiplexity", "bridge", "weak_link"]


def from_networkx(G, fmt):
    names = sorted(G.nodes, key=str)
    nodes = {str(v): {k: plain(G.nodes[v].get(k)) for k in NODE_KEYS if k in G.nodes[v]} for v in names}
    edges = sorted([str(u), str(v)] + [plain(d.get(k)) for k in EDGE_KEYS] for u, v, d in G.edges(data=True))
    betweenness = nx.betweenness_centrality(G, normalized=False)
    return {"nodes": nodes, "edges": edges, "betweenness": {str(v): betweenness[v] for v in names}}


def from_igraph(g, name_attribute):
    names = [str(x) for x in g.vs[name_attribute]]
    nodes = {}
    for vertex, name in zip(g.vs, names):
        attributes = vertex.attributes()
        nodes[name] = {k: plain(attributes[k]) for k in NODE_KEYS if k in attributes and plain(attributes[k]) is not None}
    edges = []
    for edge in g.es:
        attributes = edge.attributes()
        edges.append([names[edge.source], names[edge.target]] + [plain(attributes.get(k)) for k in EDGE_KEYS])
    betweenness = g.betweenness(directed=True)
    return {"nodes": nodes, "edges": sorted(edges), "betweenness": dict(zip(names, betweenness))}


def same_reading(a, b, what):
    check(set(a["nodes"]) == set(b["nodes"]), f"{what}: the same nodes")
    check(len(a["edges"]) == len(b["edges"]), f"{what}: the same number of edges")
    for x, y in zip(a["edges"], b["edges"]):
        check(x[:2] == y[:2], f"{what}: the same edges ({x[:2]} vs {y[:2]})")
        for p, q, key in zip(x[2:], y[2:], EDGE_KEYS):
            if isinstance(p, (int, float)) and isinstance(q, (int, float)):
                check(close(p, q), f"{what}: edge {x[:2]} {key}")
            elif p is not None and q is not None:
                check(p == q, f"{what}: edge {x[:2]} {key} {p!r} vs {q!r}")
    for name in a["nodes"]:
        for key, value in a["nodes"][name].items():
            other = b["nodes"][name].get(key)
            if isinstance(value, (int, float)) and isinstance(other, (int, float)):
                check(close(value, other), f"{what}: node {name} {key}")
            elif other is not None:
                check(value == other, f"{what}: node {name} {key} {value!r} vs {other!r}")
    for name, value in a["betweenness"].items():
        check(close(value, b["betweenness"][name]), f"{what}: betweenness of {name}")


def bolton(snatool, out_reference):
    survey = os.path.join(ROOT, "datasets", "bolton", "survey.csv")
    people = os.path.join(ROOT, "datasets", "bolton", "people.csv")
    result = {"dataset": "bolton", "command": "snatool export datasets/bolton/survey.csv --people datasets/bolton/people.csv --format F -o FILE", "formats": {}}
    with tempfile.TemporaryDirectory() as folder:
        for fmt, ext in [("graphml", "graphml"), ("gexf", "gexf"), ("json", "json"), ("pajek", "net")]:
            path = os.path.join(folder, f"bolton.{ext}")
            subprocess.run([snatool, "export", survey, "--people", people, "--format", fmt, "-o", path], check=True, capture_output=True)
            if fmt == "graphml":
                G = nx.read_graphml(path)
                g = ig.Graph.Read_GraphML(path)
                theirs, via = from_igraph(g, "id"), "file"
            elif fmt == "gexf":
                G = nx.read_gexf(path)
                theirs, via = None, "networkx"
            elif fmt == "json":
                with open(path, encoding="utf-8") as f:
                    G = nx.node_link_graph(json.load(f))
                theirs, via = None, "networkx"
            else:
                G = nx.DiGraph(nx.read_pajek(path))  # read_pajek gives a multigraph; snatool writes one arc per pair
                g = ig.Graph.Read_Pajek(path)  # the labels become the vertices' "name"
                theirs, via = from_igraph(g, "name"), "file"
            check(isinstance(G, nx.DiGraph) and G.is_directed(), f"{fmt}: networkx reads a directed graph")
            mine = from_networkx(G, fmt)
            if theirs is None:
                g = ig.Graph.from_networkx(G)
                theirs = from_igraph(g, "_nx_name")
            same_reading(mine, theirs, f"bolton {fmt} networkx vs igraph")
            mine["igraph_betweenness"] = theirs["betweenness"]
            mine["igraph_via"] = via
            result["formats"][fmt] = mine
    with open(os.path.join(out_reference, "interchange-bolton.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


GEPHI_COLOURS = {"Federal": (230, 159, 0), "State": (86, 180, 233), "County": (0, 158, 115), "City": (240, 228, 66), "Private": (0, 114, 178)}


def gephi_gexf(G, path):
    """A GEXF 1.3 file laid out as Gephi 0.10's File > Export > Graph file writes it."""
    def esc(text):
        return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">',
             '  <meta lastmodifieddate="2026-12-02">', '    <creator>Gephi 0.10.1</creator>', '    <title></title>', '    <description></description>', '  </meta>',
             '  <graph defaultedgetype="directed" mode="static">',
             '    <attributes class="node" mode="static">',
             '      <attribute id="sponsorship" title="sponsorship" type="string"></attribute>',
             '      <attribute id="paid_staff" title="paid_staff" type="string"></attribute>',
             '    </attributes>', '    <nodes>']
    for index, v in enumerate(G.nodes):
        r, g, b = GEPHI_COLOURS.get(G.nodes[v].get("sponsorship"), (187, 187, 187))
        angle = 2 * math.pi * index / G.number_of_nodes()
        lines += [f'      <node id="{index}" label="{esc(v)}">', '        <attvalues>',
                  f'          <attvalue for="sponsorship" value="{esc(G.nodes[v].get("sponsorship", ""))}"></attvalue>',
                  f'          <attvalue for="paid_staff" value="{esc(G.nodes[v].get("paid_staff", ""))}"></attvalue>',
                  '        </attvalues>', f'        <viz:size value="{10 + G.in_degree(v):.1f}"></viz:size>',
                  f'        <viz:position x="{300 * math.cos(angle):.4f}" y="{300 * math.sin(angle):.4f}"></viz:position>',
                  f'        <viz:color r="{r}" g="{g}" b="{b}"></viz:color>', '      </node>']
    lines += ['    </nodes>', '    <edges>']
    ids = {v: i for i, v in enumerate(G.nodes)}
    for number, (u, v, d) in enumerate(G.edges(data=True)):
        lines += [f'      <edge id="{number}" source="{ids[u]}" target="{ids[v]}" weight="{float(d["weight"]):.1f}">',
                  '        <viz:color r="153" g="153" b="153"></viz:color>', '      </edge>']
    lines += ['    </edges>', '  </graph>', '</gexf>']
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def emon(out_fixtures, out_reference):
    folder = os.path.join(ROOT, "datasets", "emon", "Texas")
    with open(os.path.join(folder, "organisations.csv"), newline="", encoding="utf-8") as f:
        organisations = list(csv.DictReader(f))
    with open(os.path.join(folder, "survey.csv"), newline="", encoding="utf-8") as f:
        ties = list(csv.DictReader(f))
    G = nx.DiGraph()
    for row in organisations:
        G.add_node(row["id"], **{k: v for k, v in row.items() if k not in ("id", "r_id") and v != ""})
    for row in ties:
        G.add_edge(row["respondent"], row["contact"], weight=float(row["strength"]))
    names = list(G.nodes)
    g = ig.Graph(directed=True)
    g.add_vertices(len(names))
    g.vs["name"] = names
    for key in ("sponsorship", "location"):
        g.vs[key] = [G.nodes[v].get(key, "") for v in names]
    index = {v: i for i, v in enumerate(names)}
    g.add_edges([(index[u], index[v]) for u, v in G.edges])
    g.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    os.makedirs(out_fixtures, exist_ok=True)
    files = {"networkx.graphml": "emon-texas.networkx.graphml", "networkx.gexf": "emon-texas.networkx.gexf",
             "igraph.graphml": "emon-texas.igraph.graphml", "gephi.gexf": "emon-texas.gephi.gexf"}
    nx.write_graphml(G, os.path.join(out_fixtures, files["networkx.graphml"]))
    nx.write_gexf(G, os.path.join(out_fixtures, files["networkx.gexf"]))
    g.write_graphml(os.path.join(out_fixtures, files["igraph.graphml"]))
    gephi_gexf(G, os.path.join(out_fixtures, files["gephi.gexf"]))
    nx_betweenness = nx.betweenness_centrality(G, normalized=False)
    ig_betweenness = dict(zip(names, g.betweenness(directed=True)))
    for v in names:
        check(close(nx_betweenness[v], ig_betweenness[v]), f"emon betweenness of {v}")
    # Each file read back by its own tool gives the same betweenness.
    back = nx.read_gexf(os.path.join(out_fixtures, files["gephi.gexf"]))
    labels = {v: back.nodes[v]["label"] for v in back}
    gephi = nx.betweenness_centrality(back, normalized=False)
    for v, value in gephi.items():
        check(close(value, nx_betweenness[labels[v]]), f"gephi gexf betweenness of {labels[v]}")
    result = {"dataset": "emon-Texas", "files": files, "nodes": len(names), "edges": G.number_of_edges(),
              "betweenness_networkx": {v: nx_betweenness[v] for v in names}, "betweenness_igraph": ig_betweenness,
              "versions": {"networkx": nx.__version__, "igraph": ig.__version__}}
    with open(os.path.join(out_reference, "interchange-emon.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--snatool", default=os.path.join(ROOT, ".build", "debug", "snatool"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Tests"))
    args = parser.parse_args()
    reference = os.path.join(args.out, "Reference")
    fixtures = os.path.join(args.out, "Fixtures", "interchange")
    os.makedirs(reference, exist_ok=True)
    bolton(args.snatool, reference)
    emon(fixtures, reference)
    print(f"{checks} checks passed; networkx {nx.__version__}, igraph {ig.__version__}")


if __name__ == "__main__":
    main()
