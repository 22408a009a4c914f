#!/usr/bin/env python3
"""Convert the EMON networks (statnet `data(emon)`, exported as CSV) into
snatool's survey format.

Usage: scripts/convert-emon.py SOURCE_DIR [DEST_DIR]

SOURCE_DIR holds NAME_nodes.csv and NAME_edges.csv for each network; DEST_DIR
(default datasets/emon) receives NAME/survey.csv and NAME/organisations.csv.

- Names: R's dots stand for spaces ("Texas.Highway.Patrol"); they become
  spaces, runs collapsed and ends trimmed ("Texas Highway Patrol"). The
  original id is kept in organisations.csv as `r_id`.
- Ties: `frequency` 1 (continuously) .. 4 (about once a day or less) is a rank
  where LOWER means MORE contact; snatool's strength means more contact when
  HIGHER, so strength = 5 - frequency (4 = continuous ... 1 = daily or less).
- Attributes: every node column is kept (NA becomes empty); `Sponsorship` is
  the grouping attribute (`snatool analyse ... --group-by sponsorship`).
Only the standard library is used, so the script runs anywhere Python 3 does.
"""
import csv
import os
import re
import sys

NETWORKS = ["Cheyenne", "HurrFrederic", "MtSi", "Texas"]


def readable(r_id):
    return re.sub(r"\s+", " ", r_id.replace(".", " ")).strip()


def convert(source, dest, name):
    with open(os.path.join(source, f"{name}_nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(source, f"{name}_edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    names = {node["id"]: readable(node["id"]) for node in nodes}
    if len(set(names.values())) != len(names):
        sys.exit(f"{name}: two organisations have the same readable name")
    out = os.path.join(dest, name)
    os.makedirs(out, exist_ok=True)
    columns = [c for c in nodes[0].keys() if c != "id"]
    with open(os.path.join(out, "organisations.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "r_id"] + [c.lower().replace(".", "_") for c in columns])
        for node in nodes:
            writer.writerow([names[node["id"]], node["id"]] + ["" if node[c] == "NA" else node[c] for c in columns])
    with open(os.path.join(out, "survey.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["respondent", "contact", "strength"])
        for edge in edges:
            frequency = int(edge["frequency"])
            if not 1 <= frequency <= 4:
                sys.exit(f"{name}: unexpected frequency {frequency}")
            writer.writerow([names[edge["source"]], names[edge["target"]], 5 - frequency])
    print(f"{name}: {len(nodes)} organisations, {len(edges)} ties -> {out}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = sys.argv[1]
    dest = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "datasets", "emon")
    for name in NETWORKS:
        convert(source, dest, name)


if __name__ == "__main__":
    main()
