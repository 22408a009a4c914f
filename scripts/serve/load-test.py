"""Load on `snatool serve` over loopback (scripts/serve/load-test runs this).

Usage: load-test.py SNATOOL PEOPLE_500.csv [THREADS]

(a) A workshop room: 15 participants at once open the home page, type the
    code, join, and save all 12 questions three times (each save followed by
    the "saved" page, as a browser follows the 303), while the facilitator's
    screen holds its event stream open and fetches the live panel after each
    event, as its script does.
(b) A survey of 500 people: each respondent opens their page, fetches
    people.json and submits 3 to 10 ties (with how often), from a pool of
    THREADS clients (30 unless told), all within a minute.

Prints per phase (and per route) the requests, errors, latency p50/p90/p99/max
in ms and the wall time, as a Markdown table, then checks that the server
holds every answer. Exit status 1 on any error or failed check.
"""
import concurrent.futures
import json
import os
import random
import re
import shutil
import socket
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Client, admin_client, create_survey, create_workshop, read_csv, check, finish, fresh_server  # noqa: E402

snatool, people_file = sys.argv[1], sys.argv[2]
threads_b = int(sys.argv[3]) if len(sys.argv) > 3 else 30
PARTICIPANTS, ROUNDS = 15, 3
THEMES = ["work", "innovation", "expertise", "informal", "improvement", "strategy", "decision-making"]
LAYERS = ["strategic", "executive", "operational"]


class Recorder:
    """Latencies and errors of one phase, by route."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = []

    def call(self, client, route, method, path, expect, form=None, headers=None):
        start = time.perf_counter()
        try:
            response = client.post(path, form, headers=headers) if method == "POST" else client.get(path, headers=headers)
        except Exception as error:
            elapsed = (time.perf_counter() - start) * 1000
            with self.lock:
                self.latencies.setdefault(route, []).append(elapsed)
                self.errors.append(f"{route}: {type(error).__name__}: {error}")
            return None
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.latencies.setdefault(route, []).append(elapsed)
            if response.status != expect:
                self.errors.append(f"{route}: HTTP {response.status} (expected {expect}): {response.text[:160]!r}")
                return None
        return response

    def all(self):
        return [x for values in self.latencies.values() for x in values]


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, int(-(-p * len(ordered) // 100)))
    return ordered[min(rank, len(ordered)) - 1]


def row(label, values, errors, wall=None):
    return (f"| {label} | {len(values)} | {errors} | {percentile(values, 50):.1f} | {percentile(values, 90):.1f} | "
            f"{percentile(values, 99):.1f} | {max(values) if values else float('nan'):.1f} | {'' if wall is None else f'{wall:.2f}'} |")


class EventCounter(threading.Thread):
    """Holds the facilitator's event stream open (as the browser's EventSource
    does) and, on each `update`, fetches the live panel."""

    def __init__(self, port, cookies, live_path, events_path, recorder):
        super().__init__(daemon=True)
        self.port, self.cookies, self.live_path, self.events_path, self.recorder = port, cookies, live_path, events_path, recorder
        self.updates = 0
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.failed = None

    def run(self):
        panel = Client(self.port)
        panel.cookies = dict(self.cookies)
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=0.5)
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            sock.sendall(f"GET {self.events_path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: {cookie}\r\n\r\n".encode())
            buffer = b""
            while not self.stop.is_set():
                try:
                    chunk = sock.recv(4096)
                except socket.timeout:
                    continue
                if not chunk:
                    break
                buffer += chunk
                if b"retry:" in buffer:
                    self.ready.set()
                while b"event: update" in buffer:
                    buffer = buffer.split(b"event: update", 1)[1]
                    self.updates += 1
                    self.recorder.call(panel, "GET /admin/workshops/{id}/live", "GET", self.live_path, 200)
            sock.close()
        except Exception as error:
            self.failed = f"{type(error).__name__}: {error}"
        finally:
            self.ready.set()


def participant(port, code, index, recorder):
    client = Client(port)
    rng = random.Random(index)
    if not recorder.call(client, "GET /", "GET", "/", 200):
        return None
    if not recorder.call(client, "GET /join?code=", "GET", f"/join?code={code.lower()}", 303):
        return None
    if not recorder.call(client, "GET /j/{code}", "GET", f"/j/{code}", 200):
        return None
    joined = recorder.call(client, "POST /j/{code}", "POST", f"/j/{code}", 303,
                           form=[("name", f"Load participant {index:02d}"), ("organisation", f"Agency {index % 4}"), ("layer", LAYERS[index % 3])])
    if not joined:
        return None
    path = joined.location
    recorder.call(client, "GET /w/{token}", "GET", path, 200)
    last = None
    for round_ in range(ROUNDS):
        answers = {q: rng.choice(["1", "2", "3", "4", "dont-know"]) for q in range(1, 13)}
        form = [(f"q{q}", a) for q, a in answers.items()] + [("comment_q3", f"round {round_} from {index}")]
        if recorder.call(client, "POST /w/{token}", "POST", path, 303, form=form):
            last = answers
        recorder.call(client, "GET /w/{token}?saved=1", "GET", path + "?saved=1", 200)
    client.close()
    return (f"Load participant {index:02d}", last)


def respondent(port, token, recorder, seed):
    client = Client(port)
    rng = random.Random(seed)
    if not recorder.call(client, "GET /s/{token}", "GET", f"/s/{token}", 200):
        return None
    listed = recorder.call(client, "GET /s/{token}/people.json", "GET", f"/s/{token}/people.json", 200)
    if not listed:
        return None
    people = json.loads(listed.text)
    ties, seen = [("action", "submit")], set()
    for _ in range(rng.randint(3, 10)):
        theme, person = rng.choice(THEMES), rng.choice(people)
        if (theme, person["id"]) in seen:
            continue
        seen.add((theme, person["id"]))
        ties.append((f"tie.{theme}", f"p:{person['id']}"))
        ties.append((f"strength.{theme}.p:{person['id']}", str(rng.randint(1, 4))))
    response = recorder.call(client, "POST /s/{token} (submit)", "POST", f"/s/{token}", 303, form=ties)
    client.close()
    return (len(seen), len(people)) if response else None


def main():
    work, secret, server = fresh_server(snatool, "load-test")
    table = []
    try:
        server.start()
        admin = admin_client(server.port, secret)
        workshop_id, code = create_workshop(admin, "NI 30: load test")
        with open(people_file, encoding="utf-8") as f:
            people_csv = f.read()
        survey_id, people = create_survey(admin, "Load test survey", people_csv)
        check(len(people) == 500, f"the survey has {len(people)} people with links (500 expected)")

        # (a) The workshop room.
        a = Recorder()
        events = EventCounter(server.port, admin.cookies, f"/admin/workshops/{workshop_id}/live", f"/admin/workshops/{workshop_id}/events", a)
        events.start()
        events.ready.wait(5)
        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(PARTICIPANTS) as pool:
            results = list(pool.map(lambda i: participant(server.port, code, i, a), range(PARTICIPANTS)))
        time.sleep(0.5)  # the last event's panel fetch
        events.stop.set()
        wall_a = time.perf_counter() - start
        events.join(3)
        table.append(row("**(a) workshop: 15 participants**", a.all(), len(a.errors), wall_a))
        for route, values in a.latencies.items():
            table.append(row(f"&nbsp;&nbsp;{route}", values, sum(1 for e in a.errors if e.startswith(route + ":"))))
        check(not a.errors, f"(a) no errors ({len(a.errors)}: {a.errors[:3]})")
        check(events.failed is None and events.updates >= 1,
              f"(a) the facilitator's event stream got {events.updates} update events ({events.failed or 'no error'})")

        # (b) The survey.
        b = Recorder()
        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(threads_b) as pool:
            outcomes = list(pool.map(lambda item: respondent(server.port, item[1][2], b, item[0]), enumerate(people)))
        wall_b = time.perf_counter() - start
        table.append(row(f"**(b) survey: 500 respondents, {threads_b} at a time**", b.all(), len(b.errors), wall_b))
        for route, values in b.latencies.items():
            table.append(row(f"&nbsp;&nbsp;{route}", values, sum(1 for e in b.errors if e.startswith(route + ":"))))
        check(not b.errors, f"(b) no errors ({len(b.errors)}: {b.errors[:3]})")
        check(wall_b < 60, f"(b) 500 respondents answered within a minute ({wall_b:.1f} s)")
        check(all(o and o[1] == 499 for o in outcomes), "(b) every people.json lists the 499 others")

        # What the server holds afterwards.
        rows = read_csv(admin.get(f"/admin/workshops/{workshop_id}/responses.csv").text)
        held = {}
        for r in rows:
            held.setdefault(r["participant"], {})[int(r["question"][1:])] = "dont-know" if r["score"] == "don't know" else r["score"]
        expected = {name: answers for name, answers in (x for x in results if x)}
        check(len(expected) == PARTICIPANTS and held == expected,
              f"(a) responses.csv holds each participant's last save ({len(held)} participants, {len(rows)} rows)")
        live = admin.get(f"/admin/workshops/{workshop_id}/live").text
        check(re.search(r'<span class="value">15</span><span class="label">answered every question', live) is not None,
              "(a) the live panel counts 15 who answered every question")
        survey_rows = read_csv(admin.get(f"/admin/surveys/{survey_id}/responses.csv").text)
        respondents = {r["respondent"] for r in survey_rows}
        ties = sum(o[0] for o in outcomes if o)
        check(len(respondents) == 500 and len(survey_rows) == ties,
              f"(b) responses.csv has all 500 respondents and their {ties} ties ({len(respondents)} respondents, {len(survey_rows)} rows)")
        panel = admin.get(f"/admin/surveys/{survey_id}/live").text
        check('<span class="value">500</span><span class="label">submitted' in panel, "(b) the coordinator's panel counts 500 submitted")
        body = panel.split("<tbody>", 1)[-1]
        check(body.lstrip().startswith("<tr><td>") and "GRDB" not in body,
              f"(b) the panel's response rate by organisation is rows of HTML (starts {body.strip()[:40]!r})")
        # Ctrl-C (SIGTERM here) stops the server even while a live screen holds its event stream open.
        cookie = "; ".join(f"{k}={v}" for k, v in admin.cookies.items())
        stream = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        stream.sendall(f"GET /admin/workshops/{workshop_id}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: {cookie}\r\n\r\n".encode())
        check(b"200" in stream.recv(200), "an event stream is open before stopping")
        check(server.stop(), "SIGTERM stops the server within 5 s although an event stream is open")
        stream.close()
    except Exception as error:
        check(False, f"the test ran to its end ({type(error).__name__}: {error})")
    finally:
        server.stop()

    print()
    print("| Phase / route | Requests | Errors | p50 ms | p90 ms | p99 ms | max ms | Wall s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for line in table:
        print(line)
    print()
    finish("load-test", work, "the server's log is")


main()
