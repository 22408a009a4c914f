"""Times a whole network survey through `snatool serve` (scripts/bench/serve-survey runs this).

Usage: serve-survey.py SNATOOL DIR
DIR holds a generated survey (`snatool generate partnership`): people.csv is
uploaded as the survey's people file, and every respondent of survey.csv
submits the ties it lists, through their own link, 20 at a time. Prints the
time of each step a coordinator waits for: making the survey, a respondent's
page, people.json and submit (p50/p90/max), the coordinator's screen,
responses.csv and the report.
"""
import concurrent.futures
import csv
import json
import os
import sys
import shutil
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "serve"))
from serve_harness import Client, admin_client, create_survey, expect, fresh_server  # noqa: E402

snatool, folder = sys.argv[1], sys.argv[2]
people_csv = open(os.path.join(folder, "people.csv"), encoding="utf-8").read()
ties = {}
with open(os.path.join(folder, "survey.csv"), encoding="utf-8", newline="") as handle:
    for row in csv.DictReader(handle):
        ties.setdefault(row["respondent"], []).append((row["theme"], row["contact"], row.get("strength", "")))


def timed(call):
    start = time.perf_counter()
    result = call()
    return result, (time.perf_counter() - start) * 1000


def quantiles(values):
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    return f"p50 {pick(0.5):.1f} ms, p90 {pick(0.9):.1f} ms, max {values[-1]:.1f} ms"


work, secret, server = fresh_server(snatool, "serve-bench")
server.start()
try:
    admin = admin_client(server.port, secret)
    (survey_id, people), made = timed(lambda: create_survey(admin, "Benchmark", people_csv))
    print(f"survey of {len(people)} people made (upload, check, tokens): {made:.0f} ms")
    first = Client(server.port)
    expect(first.get(f"/s/{people[0][2]}"), 200, "respondent page")
    ids = {p["name"]: p["id"] for p in json.loads(first.get(f"/s/{people[0][2]}/people.json").text)}
    ids[people[0][0]] = None
    timings = {"page": [], "people.json": [], "submit": []}

    def respond(person):
        name, _, token = person
        client = Client(server.port)
        try:
            _, page = timed(lambda: expect(client.get(f"/s/{token}"), 200, "page"))
            _, listing = timed(lambda: expect(client.get(f"/s/{token}/people.json"), 200, "people.json"))
            fields = [("action", "submit")]
            for theme, contact, strength in ties.get(name, []):
                if ids.get(contact) is None:
                    continue
                value = f"p:{ids[contact]}"
                fields.append((f"tie.{theme}", value))
                if strength in {"1", "2", "3", "4"}:
                    fields.append((f"strength.{theme}.{value}", strength))
            _, submit = timed(lambda: expect(client.post(f"/s/{token}", fields), 303, "submit"))
            return page, listing, submit
        finally:
            client.close()

    respondents = [person for person in people if person[0] in ties]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        for page, listing, submit in pool.map(respond, respondents):
            timings["page"].append(page)
            timings["people.json"].append(listing)
            timings["submit"].append(submit)
    wall = time.perf_counter() - start
    print(f"{len(respondents)} respondents submitted in {wall:.1f} s, 20 at a time")
    for key, values in timings.items():
        print(f"  {key}: {quantiles(values)}")
    for label, path in [("coordinator's screen", f"/admin/surveys/{survey_id}"), ("responses.csv", f"/admin/surveys/{survey_id}/responses.csv"),
                        ("report.html", f"/admin/surveys/{survey_id}/report.html")]:
        response, took = timed(lambda: expect(admin.get(path), 200, label))
        print(f"{label}: {took:.0f} ms ({len(response.text) // 1024} KB)")
finally:
    server.stop()
    shutil.rmtree(work, ignore_errors=True)
