"""Kill `snatool serve` with SIGKILL in the middle of a burst of submissions,
restart it on the same database, and check that nothing acknowledged was lost
and nothing is half-written (scripts/serve/kill-test runs this).

Usage: kill-test.py SNATOOL PEOPLE.csv

The burst: 30 workshop participants each save their 12 questions several
times (a different set of answers each time, some questions left blank) and
30 survey respondents save and submit their ties several times, all at once,
each client's requests one after another. When a random share (a quarter
to two thirds) of the planned requests have been acknowledged, the server is killed. A request is
acknowledged when it got its 303; the one a client had in flight when the
server died may or may not have committed. After the restart, for every
participant and respondent, what the database holds must be exactly one of
the sets they sent, no older than their last acknowledged one: the last
acknowledged set or the one in flight after it (nothing if no save was
acknowledged and none was in flight). Checked both through responses.csv and
directly with sqlite3 (with PRAGMA integrity_check). Prints ok/FAIL lines;
exit status 1 if any check failed.
"""
import json
import os
import random
import shutil
import sqlite3
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Client, admin_client, create_survey, create_workshop, join, read_csv, check, finish, fresh_server  # noqa: E402

snatool, people_file = sys.argv[1], sys.argv[2]
PARTICIPANTS, SAVES = 30, 8
RESPONDENTS, SUBMITS = 30, 6
THEMES = ["work", "innovation", "expertise", "informal", "improvement", "strategy", "decision-making"]
LAYERS = ["strategic", "executive", "operational"]
START = time.monotonic()


rng = random.Random(20261203)


def answer_set(participant, version):
    """One save: 8 to 12 of the 12 questions, scores 1-4 or don't know, a comment
    that names the participant and the version (so two sets never coincide)."""
    questions = sorted(rng.sample(range(1, 13), rng.randint(8, 12)))
    if 1 not in questions:
        questions = [1] + questions
    answers = {}
    for q in questions:
        score = rng.choice(["1", "2", "3", "4", "dont-know"])
        comment = f"participant {participant} save {version}" if q == 1 else (f"note {version} on q{q}" if rng.random() < 0.3 else "")
        answers[q] = (score, comment)
    return answers


def answer_form(answers):
    fields = []
    for q, (score, comment) in sorted(answers.items()):
        fields.append((f"q{q}", score))
        if comment:
            fields.append((f"comment_q{q}", comment))
    return fields


def tie_set(respondent, version, others):
    """One save of a respondent's ties: 2 to 8 distinct ties over the themes,
    people on the list (with a strength mostly) and one typed name."""
    ties = set()
    for _ in range(rng.randint(2, 8)):
        theme = rng.choice(THEMES)
        person = rng.choice(others)
        ties.add((theme, ("p", person), rng.choice([None, 1, 2, 3, 4])))
    ties.add((rng.choice(THEMES), ("t", f"Visitor {respondent}-{version}"), None))
    # One tie per theme and contact (the server keeps the first of duplicates).
    unique = {}
    for theme, contact, strength in sorted(ties, key=repr):
        unique.setdefault((theme, contact), strength)
    return frozenset((theme, contact, strength) for (theme, contact), strength in unique.items())


def tie_form(ties, submit):
    fields = [("action", "submit" if submit else "save")]
    for theme, (kind, value), strength in sorted(ties, key=repr):
        field = f"p:{value}" if kind == "p" else f"t:{value}"
        fields.append((f"tie.{theme}", field))
        if strength is not None:
            fields.append((f"strength.{theme}.{field}", str(strength)))
    return fields


class Log:
    """What one client sent, in order, and which requests were acknowledged."""

    def __init__(self):
        self.attempts = []  # (payload, acknowledged, status or error)


lock = threading.Lock()
acknowledged = 0
unexpected = []
server_killed = threading.Event()


def run_participant(client, token, plans, log, go):
    go.wait()
    for version, answers in enumerate(plans):
        try:
            response = client.post(f"/w/{token}", answer_form(answers))
        except OSError as error:
            log.attempts.append((answers, False, repr(error)))
            return
        ok = response.status == 303 and response.location == f"/w/{token}?saved=1"
        log.attempts.append((answers, ok, response.status))
        if not ok:
            with lock:
                unexpected.append(f"participant save answered {response.status} {response.text[:200]!r}")
            return
        count()


def run_respondent(port, token, plans, log, go):
    client = Client(port, timeout=10)
    try:
        client.get(f"/s/{token}")  # the CSRF cookie, as a browser gets it
    except OSError as error:
        log.attempts.append((None, False, repr(error)))
        return
    go.wait()
    for ties, submit in plans:
        try:
            response = client.post(f"/s/{token}", tie_form(ties, submit))
        except OSError as error:
            log.attempts.append(((ties, submit), False, repr(error)))
            return
        expected = f"/s/{token}?{'submitted' if submit else 'saved'}=1"
        ok = response.status == 303 and response.location == expected
        log.attempts.append(((ties, submit), ok, response.status))
        if not ok:
            with lock:
                unexpected.append(f"survey save answered {response.status} {response.text[:200]!r}")
            return
        count()


def count():
    global acknowledged
    with lock:
        acknowledged += 1


def allowed(log):
    """The payloads the database may hold for one client: from its last
    acknowledged one to the one in flight after it; `None` stands for
    "nothing saved" when no request was acknowledged."""
    last = max((i for i, (_, ok, _) in enumerate(log.attempts) if ok), default=None)
    candidates = [] if last is not None else [None]
    for i, (payload, ok, _) in enumerate(log.attempts):
        if payload is not None and (last is None or i >= last):
            candidates.append(payload)
    return candidates, last


def main():
    work, secret, server = fresh_server(snatool, "kill-test")
    database = server.database
    try:
        server.start()
        print(f"     server on port {server.port}, database {database}")
        admin = admin_client(server.port, secret)
        workshop_id, code = create_workshop(admin, "NI 30: kill test")
        with open(people_file, encoding="utf-8") as f:
            people_csv = f.read()
        survey_id, people = create_survey(admin, "Kill test survey", people_csv)
        check(len(people) >= RESPONDENTS + 5, f"the survey has {len(people)} people with links")

        # Join before the burst (joining is checked by the load test).
        participants = []
        for i in range(PARTICIPANTS):
            client = Client(server.port)
            token = join(client, code, f"Participant {i:02d}", f"Organisation {i % 5}", LAYERS[i % 3])
            participants.append((f"Participant {i:02d}", token, client))
        person_ids = {}
        probe = Client(server.port)
        listed = probe.get(f"/s/{people[0][2]}/people.json")
        for person in json.loads(listed.text):
            person_ids[person["name"]] = person["id"]
        respondents = people[1:RESPONDENTS + 1]
        all_ids = list(person_ids.values())

        participant_plans = [[answer_set(i, v) for v in range(SAVES)] for i in range(PARTICIPANTS)]
        respondent_plans = []
        for r, (name, _, _) in enumerate(respondents):
            own = person_ids.get(name)
            others = [p for p in all_ids if p != own]
            respondent_plans.append([(tie_set(r, v, others), rng.random() < 0.5) for v in range(SUBMITS)])

        planned = PARTICIPANTS * SAVES + RESPONDENTS * SUBMITS
        # Somewhere between a quarter and two thirds of the way through.
        threshold = int(planned * random.uniform(0.25, 0.65))
        go = threading.Event()
        participant_logs = [Log() for _ in participants]
        respondent_logs = [Log() for _ in respondents]
        threads = [threading.Thread(target=run_participant, args=(client, token, participant_plans[i], participant_logs[i], go))
                   for i, (_, token, client) in enumerate(participants)]
        threads += [threading.Thread(target=run_respondent, args=(server.port, token, respondent_plans[i], respondent_logs[i], go))
                    for i, (_, _, token) in enumerate(respondents)]
        for thread in threads:
            thread.start()
        time.sleep(0.3)
        burst_start = time.monotonic()
        go.set()
        while True:
            with lock:
                done = acknowledged
            if done >= threshold or not any(t.is_alive() for t in threads) or time.monotonic() - burst_start > 20:
                break
            time.sleep(0.002)
        server.kill()
        killed_at = time.monotonic() - burst_start
        for thread in threads:
            thread.join(timeout=15)
        print(f"     killed the server {killed_at:.2f} s into the burst, after {acknowledged} of {planned} planned requests were acknowledged")
        check(not unexpected, f"every answer before the kill was a 303 ({len(unexpected)} were not: {unexpected[:3]})")
        check(threshold <= acknowledged < planned, f"the kill came mid-burst ({acknowledged} acknowledged, {planned} planned)")
        in_flight = sum(1 for log in participant_logs + respondent_logs if log.attempts and not log.attempts[-1][1])
        print(f"     {in_flight} requests were in flight (sent, unanswered) when the server died")

        # Restart on the same database.
        server.start()
        check(True, "the server restarted on the killed database")
        admin = admin_client(server.port, secret)
        rows = read_csv(admin.get(f"/admin/workshops/{workshop_id}/responses.csv").text)
        survey_rows = read_csv(admin.get(f"/admin/surveys/{survey_id}/responses.csv").text)

        # Direct look at the file, with the restarted server running (WAL: readers are fine).
        db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        integrity = db.execute("PRAGMA integrity_check").fetchall()
        check(integrity == [("ok",)], f"PRAGMA integrity_check = {integrity[:3]}")
        foreign = db.execute("PRAGMA foreign_key_check").fetchall()
        check(not foreign, f"PRAGMA foreign_key_check finds nothing ({foreign[:3]})")

        committed_unacknowledged = [0]
        # The workshop.
        by_name_csv = {}
        for row in rows:
            score = "dont-know" if row["score"] == "don't know" else row["score"]
            by_name_csv.setdefault(row["participant"], {})[int(row["question"].lstrip("q"))] = (score, row["comment"])
        lost = mixed = 0
        for (name, token, _), log in zip(participants, participant_logs):
            candidates, last = allowed(log)
            pid = db.execute("SELECT id FROM participant WHERE token = ?", (token,)).fetchone()[0]
            stored = {}
            for q, score, dont_know, comment in db.execute(
                    "SELECT question, score, dont_know, comment FROM workshop_answer WHERE participant_id = ?", (pid,)):
                stored[q] = ("dont-know" if dont_know else str(score), comment or "")
            in_csv = by_name_csv.get(name, {})
            options = [c if c is not None else {} for c in candidates]
            if log.attempts and not log.attempts[-1][1] and stored == log.attempts[-1][0] and len(options) > 1:
                committed_unacknowledged[0] += 1
            if stored not in options:
                older = [a for a, _, _ in log.attempts[:last or 0]]
                if stored in older or not stored:
                    lost += 1
                    print(f"FAIL {name}: the database holds an older save than the last acknowledged one (save {last})")
                else:
                    mixed += 1
                    print(f"FAIL {name}: the database holds a mix of saves: {sorted(stored.items())}")
            if in_csv != stored:
                mixed += 1
                print(f"FAIL {name}: responses.csv differs from the database")
        acked_participants = sum(1 for log in participant_logs if any(ok for _, ok, _ in log.attempts))
        check(lost == 0 and mixed == 0,
              f"workshop: each of {PARTICIPANTS} participants holds exactly their last acknowledged save or the one in flight "
              f"({acked_participants} had an acknowledged save; {lost} lost, {mixed} mixed or mismatched)")

        # The survey.
        names = {pid: name for name, pid in person_ids.items()}
        csv_ties = {}
        for row in survey_rows:
            ties = csv_ties.setdefault(row["respondent"], set())
            if row["contact"]:
                ties.add((row["theme"], row["contact"], int(row["strength"]) if row["strength"] else None))
        lost = mixed = 0
        submitted_expected = 0
        for (name, _, token), log in zip(respondents, respondent_logs):
            candidates, last = allowed(log)
            rid, submitted_at = db.execute("SELECT id, submitted_at FROM survey_person WHERE token = ?", (token,)).fetchone()
            stored = frozenset(
                (theme, ("p", contact) if contact is not None else ("t", free), strength)
                for theme, contact, free, strength in db.execute(
                    "SELECT theme, contact_id, free_text, strength FROM survey_tie WHERE respondent_id = ?", (rid,)))
            options = [c[0] if c is not None else frozenset() for c in candidates]
            if log.attempts and not log.attempts[-1][1] and log.attempts[-1][0] and stored == log.attempts[-1][0][0] and len(options) > 1:
                committed_unacknowledged[0] += 1
            if stored not in options:
                older = [a[0] for a, _, _ in log.attempts[:last or 0] if a]
                if stored in older or not stored:
                    lost += 1
                    print(f"FAIL respondent {name}: holds an older save than the last acknowledged one")
                else:
                    mixed += 1
                    print(f"FAIL respondent {name}: holds a mix of saves")
            # Submitted: any acknowledged submit must have left submitted_at set.
            acked_submit = any(ok and payload[1] for payload, ok, _ in log.attempts if payload)
            maybe_submit = any(payload[1] for payload, _, _ in log.attempts if payload)
            if acked_submit:
                submitted_expected += 1
            if acked_submit and submitted_at is None:
                lost += 1
                print(f"FAIL respondent {name}: an acknowledged submit left them not submitted")
            if submitted_at is not None and not maybe_submit:
                mixed += 1
                print(f"FAIL respondent {name}: submitted without ever submitting")
            as_csv = {(theme, names[value] if kind == "p" else value, strength) for theme, (kind, value), strength in stored}
            if submitted_at is not None and csv_ties.get(name, set()) != as_csv:
                mixed += 1
                print(f"FAIL respondent {name}: responses.csv differs from the database")
            if submitted_at is None and name in csv_ties:
                mixed += 1
                print(f"FAIL respondent {name}: in responses.csv without having submitted")
        check(lost == 0 and mixed == 0,
              f"survey: each of {RESPONDENTS} respondents holds exactly their last acknowledged ties or the ones in flight, "
              f"and every acknowledged submit counts ({submitted_expected} acknowledged submits; {lost} lost, {mixed} mixed or mismatched)")
        db.close()
        print(f"     {committed_unacknowledged[0]} of the in-flight requests had committed before the kill (allowed: never acknowledged)")

        # The restarted server still takes answers.
        client = Client(server.port)
        token = participants[0][1]
        client.get(f"/w/{token}")
        response = client.post(f"/w/{token}", [("q1", "3")])
        check(response.status == 303, f"after the restart a participant can save again (HTTP {response.status})")
    except Exception as error:  # a setup step failed: report it as a failure
        check(False, f"the test ran to its end ({type(error).__name__}: {error})")
    finally:
        server.stop()
    elapsed = time.monotonic() - START
    check(elapsed < 60, f"finished in {elapsed:.1f} s (under 60)")
    finish("kill-test", work, "the server's log and database are")


main()
