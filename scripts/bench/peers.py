#!/usr/bin/env python3
"""Exact betweenness: snatool against python-igraph, rustworkx, networkit and networkx.

Run it through the entry point, which builds snatool (release) unless given one:

    scripts/bench/compare-peers                                  # 1000/9000, 5000/45000, 20000/180000
    scripts/bench/compare-peers --sizes 1000:9000,5000:45000     # people:ties, comma-separated
    scripts/bench/compare-peers --quick                          # 1000:9000 only, one run each
    scripts/bench/compare-peers --skip igraph,networkit --out out/bench
    scripts/bench/compare-peers --snatool .build/release/snatool --budget 240
    python3 scripts/bench/peers.py --help                        # every option

What it does, in one run:

1. Generates each survey with the project's seeded generator:
   `snatool generate partnership --people N --ties T --org-size 20 --within 0.6
   --seed 1 -o DIR` (DIR = OUT/surveys/N-T). Same arguments, same files.
2. Builds the graph snatool analyses for theme `all`: nodes are every id of
   people.csv (file order), then each new name of survey.csv in order of first
   appearance (respondent before contact); an edge u->v when any row, of any
   theme, has respondent u and contact v; no self-loops, duplicates merged.
   Directed, unweighted. Names are cleaned as snatool does (whitespace trimmed
   and collapsed; 'none', 'n/a', '-' ... as a contact name nobody); snatool's
   case-insensitive and alias matching is not mirrored, so this is exact for
   clean files such as the generated ones, and the check below reports any
   difference in the node set.
3. Times exact betweenness (directed, unweighted, raw counts over ordered
   pairs, endpoints excluded) in a fresh worker process per tool and thread
   count; only the betweenness call is timed (graph built before the timer):
   - python-igraph  `Graph.betweenness(directed=True)`; single-threaded.
   - rustworkx      `digraph_betweenness_centrality(g, normalized=False,
                     endpoints=False, parallel_threshold=...)`. It runs in
                     parallel (rayon) when the node count is above
                     parallel_threshold (default 50); threads come from
                     RAYON_NUM_THREADS, read once per process, hence the
                     worker processes. 1 thread: parallel_threshold = n + 1
                     (its sequential path); k > 1: threshold 50 and
                     RAYON_NUM_THREADS=k.
   - networkit      `nk.centrality.Betweenness(G, normalized=False).run()`,
                     threads by `nk.setNumberOfThreads(k)` (and OMP_NUM_THREADS).
   - networkx       `betweenness_centrality(G, normalized=False)`; the
                     smallest size only (its time at the others is estimated).
   Best of 3 runs for sizes under --large-from people (default 10000), best
   of 1 above; --repeats overrides.
4. Times snatool as a whole process (wall clock: start-up, CSV import,
   analysis, JSON output): `snatool analyse SURVEY --people PEOPLE --theme all
   --metrics betweenness --format json` when `analyse --help` lists
   --metrics; otherwise the full `analyse --theme all --format json` (every
   metric, so the wall time overstates betweenness: the mode column says
   which). With `--threads` in `analyse --help`, once per thread count, else
   once with snatool's default (all cores; marked 'auto'). If the JSON has a
   `timings` object with a betweenness/paths entry, it is reported as the
   kernel time. With --snatool-bench BIN (the entry point builds and passes
   it unless --no-snatool-bench), rows 'snatool kernel' give the package's
   `snatool-bench --kernel N T --runs R --threads k`: PathCentralities alone
   (betweenness with closeness and harmonic closeness from the same
   searches) on the same generated network, no start-up, import or output;
   the median of R runs; no values, so its node and edge counts are checked
   instead.
5. Checks every tool's value per node (matched by name) against snatool's
   `people[].betweenness` for theme `all`: |a - b| / max(1, |b|) <= 1e-9.
6. Prints size | tool | threads | seconds | ratio to igraph | max |diff| vs
   snatool, and writes OUT/results.json, OUT/results.csv and OUT/table.txt
   (rewritten after every measurement, so an interrupted run keeps its rows),
   with the machine (nproc, CPU model, memory), the versions and the options.

Conventions and traps (the values are compared raw, so each tool is called in
its raw directed mode; no rescaling is applied to any of them):
- Directed raw betweenness counts ordered pairs (s, t): all five agree here.
- Normalisation is not used; for directed graphs it agrees: snatool, networkx, rustworkx
  (normalized=True) and networkit (normalized=True) all divide a directed
  raw value by (n-1)(n-2); igraph has no normalised betweenness (divide
  yourself).
- Undirected graphs (not measured here; checked on a 5-node path with a
  triangle): igraph, networkx (normalized=False) and rustworkx
  (normalized=False, which halves) count unordered pairs; networkit's raw
  value counts every pair twice (2x igraph's), and its normalized=True
  divides that doubled value by (n-1)(n-2), so it then agrees with
  networkx's normalised value. Never compare undirected raw values across
  tools without that factor 2.
- rustworkx's default is normalized=True and networkit's default is
  normalized=False: both are passed explicitly.
- The snatool row times a process and includes import and output; the peers
  time one call on a graph already in memory. The worker's peak memory
  includes the Python interpreter and the library.
- Other processes on the machine inflate times: each row records
  other_cores, the cores other processes kept busy on average during the
  measured process (from /proc/stat minus the process's own CPU time), and
  the run ends with a warning when any is above 0.2.
- Deterministic: seeded generator, fixed node order, fixed thread counts;
  timings vary by a few per cent from run to run.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TOLERANCE = 1e-9
BUSY = 0.2  # cores used by other processes during a measurement above which its time is flagged
DEFAULT_SIZES = "1000:9000,5000:45000,20000:180000"
QUICK_SIZES = "1000:9000"
# tool -> (module, PyPI distribution)
PEERS = {
    "igraph": ("igraph", "python-igraph"),
    "rustworkx": ("rustworkx", "rustworkx"),
    "networkit": ("networkit", "networkit"),
    "networkx": ("networkx", "networkx"),
}
SINGLE_THREADED = {"igraph", "networkx"}
NO_CONTACT = {"none", "n a", "na", "nobody", "no one", "noone", "nil"}


# --------------------------------------------------------------------------- worker

def worker(args: argparse.Namespace) -> int:
    """Times one tool at one thread count on a graph file; writes JSON to --result."""
    graph = json.loads(Path(args.graph).read_text())
    n, edges = len(graph["names"]), graph["edges"]
    tool, threads, repeats = args.tool, args.threads, args.repeats
    times: list[float] = []
    values: list[float] = []
    if tool == "igraph":
        import igraph as ig
        version = ig.__version__
        g = ig.Graph(n=n, edges=edges, directed=True)
        for _ in range(repeats):
            start = time.perf_counter()
            result = g.betweenness(directed=True)
            times.append(time.perf_counter() - start)
        values = list(result)
    elif tool == "rustworkx":
        import rustworkx as rx
        version = rx.__version__
        g = rx.PyDiGraph(multigraph=False)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data([tuple(e) for e in edges])
        threshold = n + 1 if threads == 1 else 50
        for _ in range(repeats):
            start = time.perf_counter()
            result = rx.digraph_betweenness_centrality(
                g, normalized=False, endpoints=False, parallel_threshold=threshold)
            times.append(time.perf_counter() - start)
        values = [result[i] for i in range(n)]
    elif tool == "networkit":
        import networkit as nk
        version = nk.__version__
        nk.setNumberOfThreads(threads)
        g = nk.Graph(n, weighted=False, directed=True)
        for u, v in edges:
            g.addEdge(u, v)
        for _ in range(repeats):
            algorithm = nk.centrality.Betweenness(g, normalized=False)
            start = time.perf_counter()
            algorithm.run()
            times.append(time.perf_counter() - start)
        values = list(algorithm.scores())
        threads = nk.getMaxNumberOfThreads()
    elif tool == "networkx":
        import networkx as nx
        version = nx.__version__
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(map(tuple, edges))
        for _ in range(repeats):
            start = time.perf_counter()
            result = nx.betweenness_centrality(g, normalized=False, endpoints=False)
            times.append(time.perf_counter() - start)
        values = [result[i] for i in range(n)]
    else:
        raise SystemExit(f"unknown tool {tool}")
    Path(args.result).write_text(json.dumps(
        {"tool": tool, "version": version, "threads": threads, "times": times, "values": values}))
    return 0


# --------------------------------------------------------------------------- helpers

def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Run:
    """A finished child process: wall seconds, exit code, peak memory."""

    def __init__(self, seconds: float, code: int, peak_mb: float, timed_out: bool, stderr: str, others: float):
        self.seconds, self.code, self.peak_mb, self.timed_out, self.stderr = seconds, code, peak_mb, timed_out, stderr
        self.others = others  # cores kept busy by other processes during the run, on average


def run_timed(cmd: list[str], *, stdout_path: str | None = None, env: dict | None = None,
              timeout: float | None = None) -> Run:
    """Runs cmd, timing it wall clock, with its own peak RSS from wait4."""
    with tempfile.TemporaryFile() as err, open(stdout_path or os.devnull, "wb") as out:
        busy_before = busy_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, stdin=subprocess.DEVNULL)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        busy_after = busy_seconds()
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    others = 0.0
    if busy_before is not None and busy_after is not None and seconds > 0:
        others = max(0.0, (busy_after - busy_before - usage.ru_utime - usage.ru_stime) / seconds)
    return Run(seconds, proc.returncode, usage.ru_maxrss / 1024, timed_out.is_set(), text, others)


def clean(name: str) -> str:
    return " ".join(name.split())


def means_nobody(name: str) -> bool:
    label = " ".join(re.findall(r"[a-z0-9]+", name.lower()))
    return label in NO_CONTACT or name == "-"


def column(header: list[str], *names: str) -> int | None:
    keys = [" ".join(re.findall(r"[a-z0-9]+", h.lower())) for h in header]
    for name in names:
        if name in keys:
            return keys.index(name)
    return None


def build_graph(people_csv: Path, survey_csv: Path) -> dict:
    """The directed, unweighted network of all themes, in snatool's node order."""
    index: dict[str, int] = {}
    names: list[str] = []

    def node(name: str) -> int:
        if name not in index:
            index[name] = len(names)
            names.append(name)
        return index[name]

    with open(people_csv, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        id_col = column(header, "id", "name", "person", "person id", "respondent", "participant", "member", "node")
        if id_col is None:
            raise SystemExit(f"{people_csv}: no id column")
        for row in rows:
            if id_col < len(row) and clean(row[id_col]):
                node(clean(row[id_col]))
    edges: set[tuple[int, int]] = set()
    ordered: list[tuple[int, int]] = []
    with open(survey_csv, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        r_col, c_col = column(header, "respondent"), column(header, "contact")
        if r_col is None or c_col is None:
            raise SystemExit(f"{survey_csv}: needs respondent and contact columns (long layout)")
        for row in rows:
            respondent = clean(row[r_col]) if r_col < len(row) else ""
            contact = clean(row[c_col]) if c_col < len(row) else ""
            if not respondent:
                continue
            u = node(respondent)
            if not contact or means_nobody(contact):
                continue
            v = node(contact)
            if u != v and (u, v) not in edges:
                edges.add((u, v))
                ordered.append((u, v))
    return {"names": names, "edges": sorted(ordered)}


def machine_info() -> dict:
    info = {"nproc": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}
    try:
        info["nproc"] = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        pass
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                info["cpu"] = line.split(":", 1)[1].strip()
    except OSError:
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        info["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        pass
    return info


def ensure_peer(tool: str, python: str, install: bool) -> tuple[str | None, str]:
    """Imports (installing from PyPI if allowed) a peer; returns (version, problem)."""
    module, dist = PEERS[tool]
    probe = [python, "-c", f"import {module}; print({module}.__version__)"]

    def try_import() -> str | None:
        result = subprocess.run(probe, capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else None

    version = try_import()
    if version or not install:
        return version, "" if version else f"cannot import {module} (and --no-install)"
    log(f"peers: installing {dist} from PyPI ...")
    result = subprocess.run([python, "-m", "pip", "install", "-q", dist], capture_output=True, text=True)
    version = try_import()
    if version:
        return version, ""
    tail = " | ".join((result.stderr or result.stdout).strip().splitlines()[-3:])
    return None, f"cannot install {dist} (pip exit {result.returncode}): {tail}"


def busy_seconds() -> float | None:
    """CPU seconds spent busy by the whole machine since boot, from /proc/stat; None where unavailable."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def kernel_seconds(doc: dict) -> float | None:
    """snatool's own betweenness time, if its JSON reports one (a `timings` object)."""
    timings = doc.get("timings") or doc.get("timing")
    if not isinstance(timings, dict):
        return None
    for key, value in timings.items():
        if isinstance(value, (int, float)) and any(k in key for k in ("betweenness", "path", "kernel")):
            return value / 1000 if key.endswith("_ms") else float(value)
    return None


# --------------------------------------------------------------------------- benchmark

class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.out = Path(args.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.rows: list[dict] = []
        self.versions: dict[str, str] = {}
        self.problems: dict[str, str] = {}
        self.machine = machine_info()
        self.snatool_modes: dict = {}
        self.started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")

    # ---- rows and output

    def add(self, row: dict) -> None:
        self.rows.append(row)
        self.write()

    def baseline(self, size: str) -> float | None:
        for row in self.rows:
            if row["size"] == size and row["tool"] == "igraph" and row["status"] == "ok":
                return row["seconds"]
        return None

    def table_rows(self) -> list[list[str]]:
        lines = []
        for row in self.rows:
            base = self.baseline(row["size"])
            seconds = row.get("seconds")
            if seconds is None:
                shown = "-"
            elif row["status"] == "estimated":
                shown = f"~{seconds:.3g} (est.)"
            else:
                shown = f"{seconds:.3f}"
            ratio = f"{seconds / base:.2f}" if seconds is not None and base else "-"
            diff = row.get("max_diff")
            diff_text = "-" if diff is None else f"{diff:.1e}" + ("" if diff <= TOLERANCE else " FAIL")
            if diff is None and str(row.get("check", "")).startswith("FAIL"):
                diff_text = "FAIL"
                note = f"{note}; {row['check']}".strip("; ")
            threads = row.get("threads")
            note = row.get("note", "")
            if row["status"] not in ("ok", "estimated"):
                note = f"{row['status']}: {note}".strip(": ")
            if (row.get("other_cores") or 0) > BUSY:
                note = f"{note}; busy machine: {row['other_cores']:.1f} other cores".strip("; ")
            threads_text = "-" if row["status"] == "unavailable" else "auto" if threads is None else str(threads)
            lines.append([row["size"], row["tool"], threads_text,
                          shown, ratio, diff_text, note])
        return lines

    def table(self) -> str:
        header = ["size", "tool", "threads", "seconds", "ratio to igraph", "max |diff| vs snatool", "note"]
        body = self.table_rows()
        widths = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
        fmt = lambda r: " | ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
        return "\n".join([fmt(header), "-+-".join("-" * w for w in widths)] + [fmt(r) for r in body])

    def write(self) -> None:
        doc = {
            "started": self.started, "machine": self.machine, "versions": self.versions,
            "unavailable": self.problems, "snatool": self.snatool_modes,
            "options": {k: v for k, v in vars(self.args).items() if k != "func"},
            "tolerance": TOLERANCE, "rows": self.rows,
        }
        (self.out / "results.json").write_text(json.dumps(doc, indent=2) + "\n")
        fields = ["size", "people", "ties", "nodes", "edges", "tool", "threads", "status", "seconds", "runs",
                  "ratio_to_igraph", "max_diff", "max_diff_node", "check", "peak_mb", "kernel_seconds", "other_cores", "mode",
                  "note"]
        with open(self.out / "results.csv", "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
            writer.writeheader()
            for row in self.rows:
                base = self.baseline(row["size"])
                record = dict(row)
                record["runs"] = " ".join(f"{t:.4f}" for t in row.get("runs", []))
                record["ratio_to_igraph"] = (f"{row['seconds'] / base:.4f}"
                                             if row.get("seconds") is not None and base else "")
                writer.writerow(record)
        (self.out / "table.txt").write_text(self.table() + "\n")

    # ---- comparison and estimates

    def compare(self, names: list[str], values: list[float], reference: dict[str, float] | None) -> dict:
        if reference is None:
            return {"max_diff": None, "check": "n/a (no snatool values)"}
        if set(names) != set(reference):
            missing, extra = len(set(reference) - set(names)), len(set(names) - set(reference))
            return {"max_diff": None, "check": f"FAIL: node sets differ ({missing} missing, {extra} extra)"}
        worst, worst_node = 0.0, None
        for name, value in zip(names, values):
            expected = reference[name]
            diff = abs(value - expected) / max(1.0, abs(expected))
            if diff > worst or worst_node is None:
                worst, worst_node = diff, name
        return {"max_diff": worst, "max_diff_node": worst_node,
                "check": "pass" if worst <= TOLERANCE else "FAIL"}

    def estimate(self, tool: str, threads, nodes: int, edges: int) -> tuple[float, str] | None:
        """Seconds at this size from the largest smaller size measured, scaled by n*m (Brandes)."""
        best = None
        for row in self.rows:
            if row["tool"] == tool and row.get("threads") == threads and row["status"] == "ok" \
                    and row["nodes"] * row["edges"] < nodes * edges:
                if best is None or row["nodes"] * row["edges"] > best["nodes"] * best["edges"]:
                    best = row
        if best is None:
            return None
        factor = nodes * edges / (best["nodes"] * best["edges"])
        return best["seconds"] * factor, f"estimated from {best['size']} x {factor:.1f} (n*m)"

    def over_budget(self, tool: str, threads, base: dict) -> dict | None:
        if not self.args.budget:
            return None
        guess = self.estimate(tool, threads, base["nodes"], base["edges"])
        if guess and guess[0] > self.args.budget:
            return dict(base, tool=tool, threads=threads, status="estimated", seconds=guess[0],
                        note=f"not run: over --budget {self.args.budget:g} s; {guess[1]}")
        return None

    # ---- the steps

    def snatool_help(self) -> str:
        result = subprocess.run([self.args.snatool, "analyse", "--help"], capture_output=True, text=True)
        return result.stdout + result.stderr

    def generate(self, people: int, ties: int) -> Path:
        folder = self.out / "surveys" / f"{people}-{ties}"
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [self.args.snatool, "generate", "partnership", "--people", str(people), "--ties", str(ties),
               "--org-size", str(self.args.org_size), "--within", str(self.args.within),
               "--seed", str(self.args.seed), "--force", "-o", str(folder)]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"peers: generate failed ({' '.join(cmd)}): {result.stderr.strip()}")
        return folder

    def run_snatool(self, base: dict, folder: Path, repeats: int) -> dict[str, float] | None:
        help_text = self.snatool_help()
        has_metrics = re.search(r"--metrics\b", help_text) is not None
        has_threads = re.search(r"--threads\b", help_text) is not None
        mode = "analyse --metrics betweenness" if has_metrics else "full analyse (every metric; no --metrics yet)"
        self.snatool_modes = {"binary": self.args.snatool, "metrics_option": has_metrics,
                              "threads_option": has_threads, "mode": mode}
        cmd = [self.args.snatool, "analyse", str(folder / "survey.csv"), "--people", str(folder / "people.csv"),
               "--theme", "all", "--format", "json"]
        if has_metrics:
            cmd += ["--metrics", "betweenness"]
        reference = None
        for threads in (self.threads if has_threads else [None]):
            full = cmd + (["--threads", str(threads)] if threads is not None else [])
            if (skipped := self.over_budget("snatool", threads, base)):
                self.add(dict(skipped, mode=mode))
                continue
            log(f"  snatool threads={threads or 'auto'} x{repeats}: {' '.join(full[1:])}")
            output = self.out / "snatool.json"
            runs, peak, kernel, others = [], 0.0, None, 0.0
            failure = None
            for attempt in range(repeats):
                run = run_timed(full, stdout_path=str(output), timeout=self.args.timeout)
                if run.timed_out or run.code != 0:
                    failure = ("timeout" if run.timed_out else "failed",
                               f"exit {run.code}: {run.stderr.strip()[-300:]}")
                    break
                runs.append(run.seconds)
                peak = max(peak, run.peak_mb)
                others = max(others, run.others)
                if attempt == 0:
                    try:
                        doc = json.loads(output.read_text())
                        kernel = kernel_seconds(doc)
                        values = {p["id"]: float(p["betweenness"]) for p in doc["people"] if p.get("theme") == "all"}
                    except (ValueError, KeyError, TypeError) as error:
                        failure = ("failed", f"cannot read its JSON (people[].id/theme/betweenness): {error!r}")
                        break
            if failure:
                self.add(dict(base, tool="snatool", threads=threads, status=failure[0], note=failure[1], mode=mode))
                continue
            check = {"max_diff": None, "check": "reference"}
            if reference is None:
                reference = values
                if set(values) != set(self.names):
                    check = {"max_diff": None,
                             "check": f"FAIL: snatool has {len(values)} nodes, the graph built here {base['nodes']}"}
            else:
                check = self.compare(list(values), list(values.values()), reference)
            note = mode + ("" if kernel is None else f"; kernel {kernel:.3f} s")
            self.add(dict(base, tool="snatool", threads=threads, status="ok", seconds=min(runs), runs=runs,
                          peak_mb=round(peak, 1), kernel_seconds=kernel, other_cores=round(others, 2),
                          mode=mode, note=note, **check))
        output = self.out / "snatool.json"
        if output.exists():
            output.unlink()
        return reference

    def run_snatool_bench(self, base: dict, people: int, ties: int, repeats: int) -> None:
        """Kernel time from `snatool-bench --kernel N T`: PathCentralities on the same generated network.

        It generates with seed 1, --org-size 20 and --within 0.6 and builds the graph of all themes itself,
        then reports the median of --runs; no values, so no check (its edge count is compared instead).
        """
        if self.args.org_size != 20 or self.args.within != 0.6 or self.args.seed != 1:
            log("  snatool-bench: skipped (it generates with seed 1, --org-size 20, --within 0.6 only)")
            return
        for threads in self.threads:
            if (skipped := self.over_budget("snatool kernel", threads, base)):
                self.add(skipped)
                continue
            cmd = [self.args.snatool_bench, "--kernel", str(people), str(ties), "--runs", str(repeats),
                   "--threads", str(threads)]
            log(f"  snatool-bench threads={threads}: {' '.join(cmd[1:])}")
            with tempfile.NamedTemporaryFile("w+") as out:
                run = run_timed(cmd, stdout_path=out.name, timeout=self.args.timeout)
                text = Path(out.name).read_text()
            # "betweenness of 5000 nodes, 42034 edges, 2 threads:   2.14 s"
            match = re.search(r"of (\d+) nodes, (\d+) edges, (\d+) threads:\s*([\d.]+)\s*(ms|s)\b", text)
            if run.code != 0 or not match:
                status = "timeout" if run.timed_out else "failed"
                self.add(dict(base, tool="snatool kernel", threads=threads, status=status,
                              note=f"exit {run.code}: {(run.stderr or text).strip()[-200:]}"))
                continue
            nodes, edges, used = int(match[1]), int(match[2]), int(match[3])
            seconds = float(match[4]) / (1000 if match[5] == "ms" else 1)
            note = f"snatool-bench --kernel, median of {repeats}"
            check = "n/a (no values)"
            if (nodes, edges) != (base["nodes"], base["edges"]):
                check = f"FAIL: graph differs ({nodes} nodes, {edges} edges)"
                note += f"; its graph has {nodes} nodes, {edges} edges"
            if used != threads:
                note += f"; ran {used} threads"
            self.add(dict(base, tool="snatool kernel", threads=threads, status="ok", seconds=seconds, runs=[seconds],
                          peak_mb=round(run.peak_mb, 1), other_cores=round(run.others, 2),
                          mode="snatool-bench --kernel", note=note,
                          max_diff=None, check=check))

    def run_peer(self, tool: str, threads: int, base: dict, graph_path: Path, repeats: int,
                 reference) -> None:
        if (skipped := self.over_budget(tool, threads, base)):
            self.add(skipped)
            return
        env = dict(os.environ)
        for var in ("OMP_NUM_THREADS", "RAYON_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
        log(f"  {tool} threads={threads} x{repeats}")
        with tempfile.NamedTemporaryFile(suffix=".json") as result:
            cmd = [self.args.python, os.path.abspath(__file__), "worker", "--tool", tool,
                   "--threads", str(threads), "--repeats", str(repeats), "--graph", str(graph_path),
                   "--result", result.name]
            run = run_timed(cmd, env=env, timeout=self.args.timeout)
            if run.timed_out or run.code != 0:
                status = "timeout" if run.timed_out else "failed"
                note = f"over --timeout {self.args.timeout:g} s" if run.timed_out else \
                    f"exit {run.code}: {run.stderr.strip()[-300:]}"
                self.add(dict(base, tool=tool, threads=threads, status=status, note=note))
                return
            doc = json.loads(Path(result.name).read_text())
        self.versions[tool] = doc["version"]
        if doc["threads"] != threads:
            log(f"  warning: {tool} reports {doc['threads']} threads, asked {threads}")
        check = self.compare(self.names, doc["values"], reference)
        self.add(dict(base, tool=tool, threads=threads, status="ok", seconds=min(doc["times"]),
                      runs=doc["times"], peak_mb=round(run.peak_mb, 1), other_cores=round(run.others, 2),
                      note="", **check))

    def main(self) -> int:
        args = self.args
        sizes = sorted({tuple(int(x) for x in s.split(":")) for s in args.sizes.split(",") if s.strip()})
        skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        unknown = skip - set(PEERS) - {"snatool"}
        if unknown:
            raise SystemExit(f"peers: --skip: unknown tool(s) {', '.join(sorted(unknown))}; "
                             f"known: snatool, {', '.join(PEERS)}")
        self.threads = sorted({int(t) for t in args.threads.split(",")})
        if not shutil.which(args.snatool) and not Path(args.snatool).exists():
            raise SystemExit(f"peers: snatool not found: {args.snatool}")
        self.versions["snatool"] = subprocess.run([args.snatool, "--version"], capture_output=True,
                                                  text=True).stdout.strip()
        if args.repo:
            commit = subprocess.run(["git", "-C", args.repo, "rev-parse", "--short", "HEAD"],
                                    capture_output=True, text=True).stdout.strip()
            dirty = subprocess.run(["git", "-C", args.repo, "status", "--porcelain", "--untracked-files=no"],
                                   capture_output=True, text=True).stdout.strip()
            self.versions["snatool"] += f" ({commit}{'+dirty' if dirty else ''})"
        tools = []
        for tool in PEERS:
            if tool in skip:
                continue
            version, problem = ensure_peer(tool, args.python, not args.no_install)
            if version:
                self.versions[tool] = version
                tools.append(tool)
            else:
                self.problems[tool] = problem
                log(f"peers: {tool} UNAVAILABLE, continuing without it: {problem}")
        log(f"peers: machine {self.machine}")
        log(f"peers: versions {self.versions}")
        smallest = sizes[0]
        for people, ties in sizes:
            size = f"{people}/{ties}"
            log(f"peers: size {size}: generating")
            folder = self.generate(people, ties)
            graph = build_graph(folder / "people.csv", folder / "survey.csv")
            graph_path = folder / "graph.json"
            graph_path.write_text(json.dumps(graph))
            repeats = args.repeats or (3 if people < args.large_from else 1)
            base = {"size": size, "people": people, "ties": ties, "nodes": len(graph["names"]),
                    "edges": len(graph["edges"])}
            self.names = graph["names"]
            log(f"peers: size {size}: {base['nodes']} nodes, {base['edges']} edges, best of {repeats}")
            reference = None
            if "snatool" not in skip:
                reference = self.run_snatool(base, folder, repeats)
                if args.snatool_bench:
                    self.run_snatool_bench(base, people, ties, repeats)
            for tool in self.problems:
                self.add(dict(base, tool=tool, threads=None, status="unavailable",
                              note="cannot import or install; see 'unavailable' above the table"))
            for tool in tools:
                for threads in ([1] if tool in SINGLE_THREADED else self.threads):
                    if tool == "networkx" and (people, ties) != smallest:
                        guess = self.estimate(tool, threads, base["nodes"], base["edges"])
                        if guess:
                            self.add(dict(base, tool=tool, threads=threads, status="estimated",
                                          seconds=guess[0], note=f"not run (smallest size only); {guess[1]}"))
                        continue
                    self.run_peer(tool, threads, base, graph_path, repeats, reference)
            if not args.keep_surveys:
                shutil.rmtree(folder, ignore_errors=True)
        if not args.keep_surveys:
            shutil.rmtree(self.out / "surveys", ignore_errors=True)
        print(f"machine: {self.machine.get('cpu', '?')}, nproc {self.machine.get('nproc')}, "
              f"{self.machine.get('memory_gib', '?')} GiB; {self.machine.get('platform')}")
        print("versions: " + ", ".join(f"{k} {v}" for k, v in self.versions.items()))
        if self.problems:
            print("unavailable: " + "; ".join(f"{k}: {v}" for k, v in self.problems.items()))
        print(f"snatool mode: {self.snatool_modes.get('mode', 'skipped')}")
        print()
        print(self.table())
        print(f"\nwritten: {self.out}/results.json, results.csv, table.txt")
        busy = [r for r in self.rows if r["status"] == "ok" and (r.get("other_cores") or 0) > BUSY]
        if busy:
            print(f"\nwarning: other processes kept on average up to {max(r['other_cores'] for r in busy):.2f} "
                  f"cores busy during {len(busy)} measurement(s) (column other_cores of results.csv): "
                  f"those times may be inflated; rerun on an idle machine")
        failed = [r for r in self.rows if str(r.get("check", "")).startswith("FAIL")]
        if failed:
            print(f"\n{len(failed)} value check(s) FAILED (tolerance {TOLERANCE:g} relative)")
            return 1
        return 0


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Exact directed betweenness: snatool against igraph, rustworkx, networkit, networkx.",
        epilog="See the top of this file for the conventions.")
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("worker", help="(internal) time one tool in this process")
    w.add_argument("--tool", required=True, choices=sorted(PEERS))
    w.add_argument("--threads", type=int, default=1)
    w.add_argument("--repeats", type=int, default=1)
    w.add_argument("--graph", required=True)
    w.add_argument("--result", required=True)
    parser.add_argument("--snatool", default=os.environ.get("SNATOOL", "snatool"),
                        help="the snatool binary (default: $SNATOOL, then snatool on PATH)")
    parser.add_argument("--snatool-bench", default=None, metavar="BIN",
                        help="also time the kernel alone with this snatool-bench binary (--kernel N T)")
    parser.add_argument("--repo", default=None, help="the snatool checkout, for the commit in the versions")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"people:ties,... (default {DEFAULT_SIZES})")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}, one run each")
    parser.add_argument("--skip", default="", help="comma-separated: snatool,igraph,rustworkx,networkit,networkx")
    parser.add_argument("--threads", default=None,
                        help="thread counts for the multi-threaded tools (default: 1 and nproc)")
    parser.add_argument("--repeats", type=int, default=0, help="runs per measurement, best kept (default: 3 "
                        "below --large-from people, else 1)")
    parser.add_argument("--large-from", type=int, default=10000, help="sizes with this many people or more run once")
    parser.add_argument("--budget", type=float, default=0,
                        help="seconds: do not run a tool whose time, estimated from a smaller size by n*m, "
                             "is above this; report the estimate instead (default 0: no limit)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a run is killed (default 3600)")
    parser.add_argument("--out", default="out/bench", help="output folder (default out/bench)")
    parser.add_argument("--keep-surveys", action="store_true", help="keep OUT/surveys (generated files, graph.json)")
    parser.add_argument("--no-install", action="store_true", help="do not pip install missing peers")
    parser.add_argument("--python", default=sys.executable, help="the Python for the workers (default: this one)")
    parser.add_argument("--org-size", type=int, default=20)
    parser.add_argument("--within", type=float, default=0.6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.command != "worker":
        if args.quick:
            args.sizes = QUICK_SIZES
            args.repeats = args.repeats or 1
        if args.threads is None:
            args.threads = ",".join(sorted({"1", str(os.cpu_count() or 1)}, key=int))
    return args


def entry(argv: list[str]) -> int:
    args = parse(argv)
    if args.command == "worker":
        return worker(args)
    return Bench(args).main()


if __name__ == "__main__":
    sys.exit(entry(sys.argv[1:]))
