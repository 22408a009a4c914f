"""What the `snatool serve` test scripts share: starting and killing a server
on a free loopback port, and a small HTTP client with a cookie jar that does
not follow redirects (so a test sees the 303 that acknowledges a save).

Standard library only. Used by scripts/serve/kill-test.py,
scripts/serve/load-test.py and scripts/serve-browser-test.py.
"""
import csv
import http.client
import io
import os
import re
import signal
import socket
import sys
import shutil
import subprocess
import tempfile
import time
import urllib.parse


def free_port():
    """A port nobody listens on now (bind port 0 and let the kernel choose)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `snatool serve` process. Its stderr (the request log) goes to a file."""

    def __init__(self, snatool, database, secret_file, log_path, requests_per_minute=0, port=None):
        self.snatool, self.database, self.secret_file = snatool, database, secret_file
        self.log_path, self.requests_per_minute = log_path, requests_per_minute
        self.port = port or free_port()
        self.process = None

    def start(self, timeout=20):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.snatool, "serve", "--database", self.database, "--port", str(self.port),
             "--requests-per-minute", str(self.requests_per_minute), "--admin-secret-file", self.secret_file],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"snatool serve exited with {self.process.returncode}; its log:\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/health")
                response = conn.getresponse()
                body = response.read()
                conn.close()
                if response.status == 200 and body.strip() == b"ok":
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"snatool serve did not answer /health within {timeout} s; its log:\n{self.log_tail()}")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def kill(self):
        """SIGKILL: no shutdown, no flush; what is on disk is what was committed."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self):
        """SIGTERM, then SIGKILL if it lingers; True when it stopped on SIGTERM within 5 s."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
                return False
        return True

    def log_tail(self, lines=20):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        return self.headers.get("location")


class Client:
    """One browser-like client: keeps a keep-alive connection and its cookies,
    never follows redirects. Not shared between threads."""

    def __init__(self, port, timeout=15):
        self.port, self.timeout = port, timeout
        self.cookies = {}
        self.conn = None

    def _connection(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self.conn

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, form=None, headers=None, retry=True):
        """Sends one request; `form` is a list of (name, value) pairs, URL-encoded.
        Retries once on a fresh connection when a kept-alive one was closed
        before the request was sent (never after, so a POST is not sent twice)."""
        body = None
        all_headers = {"Accept": "text/html"}
        if headers:
            all_headers.update(headers)
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = self._connection()
        try:
            conn.request(method, path, body=body, headers=all_headers)
        except (BrokenPipeError, ConnectionResetError, http.client.CannotSendRequest):
            self.close()
            if not retry:
                raise
            return self.request(method, path, form, headers, retry=False)
        try:
            response = conn.getresponse()
            data = response.read()
        except http.client.RemoteDisconnected:
            # A kept-alive connection the server had closed; only a GET is safe to send again.
            self.close()
            if not retry or method != "GET":
                raise
            return self.request(method, path, form, headers, retry=False)
        except Exception:
            self.close()
            raise
        for value in response.headers.get_all("Set-Cookie") or []:
            pair = value.split(";", 1)[0]
            if "=" in pair:
                name, cookie = pair.split("=", 1)
                self.cookies[name.strip()] = cookie.strip()
        headers_out = {k.lower(): v for k, v in response.getheaders()}
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return Response(response.status, headers_out, data)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, **kw):
        """POSTs a form with the CSRF field taken from the cookie (GET a page first)."""
        return self.request("POST", path, form=[("csrf", self.cookies.get("snatool_csrf", ""))] + list(fields), **kw)


def expect(response, status, what):
    if response.status != status:
        raise RuntimeError(f"{what}: expected HTTP {status}, got {response.status}: {response.text[:300]}")
    return response


def admin_client(port, secret):
    """A client signed in as the administrator."""
    admin = Client(port)
    expect(admin.get("/admin/login"), 200, "GET /admin/login")
    response = expect(admin.post("/admin/login", [("secret", secret)]), 303, "POST /admin/login")
    if "snatool_admin" not in admin.cookies:
        raise RuntimeError("POST /admin/login set no snatool_admin cookie")
    return admin


def create_workshop(admin, outcome):
    """Opens a workshop; returns (id, code)."""
    response = expect(admin.post("/admin/workshops", [("outcome", outcome), ("instrument", "0")]), 303, "POST /admin/workshops")
    match = re.fullmatch(r"/admin/workshops/(\d+)", response.location or "")
    if not match:
        raise RuntimeError(f"POST /admin/workshops redirected to {response.location!r}")
    workshop_id = int(match.group(1))
    page = expect(admin.get(response.location), 200, "GET the facilitator's page").text
    code = re.search(r'<p class="code"[^>]*>([A-Z0-9]+)</p>', page)
    if not code:
        raise RuntimeError("the facilitator's page shows no join code")
    return workshop_id, code.group(1)


def create_survey(admin, title, people_csv, strength=True):
    """Makes a survey; returns (id, [(name, organisation, token)])."""
    fields = [("title", title), ("people", people_csv)]
    if strength:
        fields.append(("strength", "1"))
    response = expect(admin.post("/admin/surveys", fields), 303, "POST /admin/surveys")
    match = re.fullmatch(r"/admin/surveys/(\d+)", response.location or "")
    if not match:
        raise RuntimeError(f"POST /admin/surveys redirected to {response.location!r}")
    survey_id = int(match.group(1))
    links = expect(admin.get(f"/admin/surveys/{survey_id}/links.csv"), 200, "GET links.csv").text
    people = []
    for row in csv.DictReader(io.StringIO(links, newline="")):
        token = row["link"].rsplit("/s/", 1)[1]
        people.append((row["name"], row["organisation"], token))
    return survey_id, people


def join(client, code, name, organisation, layer):
    """Joins a workshop; returns the participant's token."""
    expect(client.get(f"/j/{code}"), 200, f"GET /j/{code}")
    response = expect(client.post(f"/j/{code}", [("name", name), ("organisation", organisation), ("layer", layer)]), 303, f"POST /j/{code}")
    match = re.fullmatch(r"/w/([A-Za-z0-9_-]{32})", response.location or "")
    if not match:
        raise RuntimeError(f"joining redirected to {response.location!r}")
    return match.group(1)


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def fresh_server(snatool, name, **options):
    """A new temporary folder, a random administrator secret in a file there,
    and a Server (not yet started) on a database in it: (work, secret, server)."""
    work = tempfile.mkdtemp(prefix=f"snatool-{name}-")
    secret = f"{name}-secret-" + os.urandom(8).hex()
    secret_file = os.path.join(work, "secret")
    with open(secret_file, "w") as f:
        f.write(secret + "\n")
    return work, secret, Server(snatool, os.path.join(work, "serve.sqlite"), secret_file, os.path.join(work, "server.log"), **options)


failures = []


def check(condition, what):
    """Prints an ok or FAIL line and remembers a failure; returns the condition."""
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


def finish(name, work, kept):
    """Ends a test: exit 1 after any failed check, keeping `work` (which holds `kept`); else removes it."""
    if failures:
        print(f"{name}: {len(failures)} check(s) failed; {kept} in {work}")
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)
    print(f"{name}: every check passed")
