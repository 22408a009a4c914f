"""`snatool serve` in headless Chromium (scripts/serve-browser-test runs this).

Usage: serve-browser-test.py SNATOOL PEOPLE.csv SCREENSHOT_DIR

Starts the server on a temporary database. The facilitator signs in, opens a
workshop and reads its code; a participant (a second browser) joins through
the home page's code field, scores all twelve questions by clicking the
labels, comments and saves; the facilitator's live panel, never reloaded,
shows them; the workshop is closed and its plan lists the weakest questions.
Then the coordinator makes a survey from the people file (through the file
input), a respondent opens their link, finds a person by typing part of the
name, picks them (autosaved), adds someone not on the list, submits, and the
coordinator's screen shows one submitted and the typed name. No page may log a
SEVERE console error (CSP violations land there). Screenshots go to
SCREENSHOT_DIR: serve-scoring.png and serve-picker.png at phone width,
serve-facilitator.png and serve-coordinator.png at desktop width. Every check
that fails is printed; the exit status is 1 if any did.
"""
import csv
import io
import os
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "serve"))
from serve_harness import Client, expect, join, check, finish, fresh_server  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

snatool, people_file, shots = sys.argv[1], sys.argv[2], sys.argv[3]
START = time.monotonic()
PHONE, DESKTOP = (420, 900), (1280, 900)


def browser(size):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={size[0]},{size[1]}", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(20)
    return driver


def console_clean(driver, where, expected=()):
    """No SEVERE entry in the console since the last look (but the `expected`
    ones: Chromium logs a page served with a 4xx status, such as a refused form)."""
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
              and not any(text in entry["message"] for text in expected)]
    check(not errors, f"{where}: no console errors {errors[:3]}")
    # A Swift value interpolated where HTML was meant (e.g. GRDB's SQL type winning a string literal).
    leaked = driver.execute_script("return /SQL\\(elements:|GRDB\\.|Optional\\(/.test(document.body ? document.body.innerText : '')")
    check(not leaked, f"{where}: no Swift value's debug text on the page")


def loaded(driver):
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def wait_for(driver, condition, what, timeout=10):
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition())
        return True
    except TimeoutException:
        return False


def figure(driver, label):
    """The value of the live panel's figure with this label."""
    return driver.execute_script("""
        var wanted = arguments[0];
        var found = Array.from(document.querySelectorAll('#live .figure')).find(function (f) {
          var l = f.querySelector('.label'); return l && l.textContent.indexOf(wanted) === 0; });
        return found ? found.querySelector('.value').textContent : null;""", label)


def shoot(driver, name, size):
    """A screenshot of the window (the viewport) at `size`."""
    driver.set_window_size(*size)
    time.sleep(0.3)
    path = os.path.join(shots, name)
    driver.save_screenshot(path)
    check(os.path.getsize(path) > 5000, f"screenshot {name} ({os.path.getsize(path) // 1024} KB)")


def weak_target(people, respondent):
    """Someone other than the respondent, and 3-4 letters of their name that
    match at most three people (so they are among the matches shown)."""
    def fold(text):
        return text.lower()
    haystacks = [fold(name + " " + org) for name, org, _ in people]
    for name, org, _ in people[1:]:
        if name == respondent:
            continue
        words = re.findall(r"[A-Za-z]{4,}", name)
        for word in words:
            for length in (4, 3):
                for start in range(0, len(word) - length + 1):
                    part = word[start:start + length]
                    hits = sum(1 for h in haystacks if fold(part) in h)
                    if 1 <= hits <= 3:
                        return name, org, part
    raise RuntimeError("no person with a distinctive part of their name")


def main():
    work, secret, server = fresh_server(snatool, "serve-browser", requests_per_minute=0)
    admin = person = None
    try:
        server.start()
        base = server.base
        admin = browser(DESKTOP)
        person = browser(PHONE)
        wait = WebDriverWait(admin, 10)

        # 1. The facilitator signs in and opens a workshop.
        admin.get(base + "/admin")
        loaded(admin)
        check(admin.current_url.endswith("/admin/login"), f"/admin sends a stranger to the login ({admin.current_url})")
        admin.find_element(By.ID, "secret").send_keys(secret)
        admin.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait.until(lambda d: d.current_url.rstrip("/").endswith("/admin"))
        loaded(admin)
        check("Workshops and surveys" in admin.find_element(By.TAG_NAME, "h1").text, "the secret signs the facilitator in to the dashboard")
        admin.find_element(By.ID, "outcome").send_keys("NI 30: re-offending rate of prolific and priority offenders")
        admin.find_element(By.CSS_SELECTOR, "form[action='/admin/workshops'] button[type=submit]").click()
        wait.until(lambda d: re.search(r"/admin/workshops/\d+$", d.current_url))
        loaded(admin)
        workshop_url = admin.current_url
        code = admin.find_element(By.CSS_SELECTOR, "p.code").text.strip()
        check(re.fullmatch(r"[A-Z0-9]{6}", code) is not None, f"the facilitator's screen shows a six-character join code ({code!r})")
        check(figure(admin, "joined") == "0" and figure(admin, "have scored") == "0", "the live panel starts at 0 joined, 0 scored")
        console_clean(admin, "facilitator's screen")

        # 2. A participant joins from the home page, on a phone.
        person.get(base + "/")
        loaded(person)
        person.find_element(By.ID, "code").send_keys(code.lower()[:3] + " " + code.lower()[3:])
        person.find_element(By.CSS_SELECTOR, "form[action='/join'] button[type=submit]").click()
        WebDriverWait(person, 10).until(lambda d: d.current_url.endswith(f"/j/{code}"))
        loaded(person)
        check(True, "the home page's code field (typed in lower case, with a space) leads to the join form")
        person.find_element(By.ID, "name").send_keys("Sam Okafor")
        person.find_element(By.ID, "organisation").send_keys("Bolton Probation")
        Select(person.find_element(By.ID, "layer")).select_by_value("operational")
        person.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        WebDriverWait(person, 10).until(lambda d: "/w/" in d.current_url)
        loaded(person)
        check("Scoring as Sam Okafor, Bolton Probation" in person.find_element(By.CSS_SELECTOR, ".notice").text, "the scoring page names the participant")
        console_clean(person, "join and scoring pages")
        wait_for(admin, lambda: figure(admin, "joined") == "1", "joined")
        check(figure(admin, "joined") == "1", "the facilitator's panel shows 1 joined without a reload")

        # Scores: questions 3 and 7 weakest (1), 12 don't know, the rest 3 or 4.
        scores = {q: ("1" if q in (3, 7) else "dont-know" if q == 12 else "4" if q % 2 else "3") for q in range(1, 13)}
        texts = {}
        for q, value in scores.items():
            legend = person.find_element(By.CSS_SELECTOR, f"#question-{q} legend").text
            texts[q] = legend.split(". ", 1)[1]
            label = person.find_element(By.XPATH, f"//input[@name='q{q}' and @value='{value}']/parent::label")
            person.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
            label.click()
        checked = person.execute_script("return Array.from(document.querySelectorAll('input[type=radio]:checked')).map(function (i) { return i.name + '=' + i.value; })")
        check(sorted(checked) == sorted(f"q{q}={v}" for q, v in scores.items()), f"clicking the labels scored all 12 questions ({len(checked)} checked)")
        person.find_element(By.ID, "comment-3").send_keys("Nobody owns the hand-over from custody to the community.")
        person.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        WebDriverWait(person, 10).until(lambda d: "saved=1" in d.current_url)
        loaded(person)
        notice = person.find_element(By.CSS_SELECTOR, ".notice.ok").text
        check(notice.startswith("Saved at"), f"the participant sees the 'Saved at' notice ({notice[:40]!r})")
        kept = person.execute_script("return document.querySelectorAll('input[type=radio]:checked').length")
        check(kept == 12 and "hand-over" in person.find_element(By.ID, "comment-3").get_attribute("value"),
              "the saved page shows the 12 scores and the comment again")
        person.execute_script("window.scrollTo(0, 0)")
        shoot(person, "serve-scoring.png", PHONE)
        console_clean(person, "saved scoring page")

        # 3. The facilitator's live panel follows, without a reload.
        updated = wait_for(admin, lambda: figure(admin, "have scored") == "1" and figure(admin, "answered every question") == "1", "scored", timeout=15)
        check(updated, f"the facilitator's live panel (not reloaded) shows 1 has scored, 1 answered every question "
                       f"(have scored: {figure(admin, 'have scored')}, every question: {figure(admin, 'answered every question')})")
        panel = admin.find_element(By.ID, "live").text
        check("Weakest links" in panel and texts[3] in panel and texts[7] in panel, "the live panel lists questions 3 and 7 among the weakest links")
        check(admin.current_url == workshop_url and admin.execute_script("return performance.getEntriesByType('navigation').length") == 1,
              "the facilitator's page was never reloaded")
        # Two more participants (strategic and executive leads, over plain HTTP) so the heat map has its layers.
        for name, organisation, layer, values in [("Director of Public Health", "NHS Bolton", "strategic", "44434432443"),
                                                  ("Community Safety Manager", "Bolton Council", "executive", "32221322312")]:
            other = Client(server.port)
            token = join(other, code, name, organisation, layer)
            expect(other.post(f"/w/{token}", [(f"q{q + 1}", v) for q, v in enumerate(values)]), 303, "another participant's save")
        filled = wait_for(admin, lambda: figure(admin, "have scored") == "3", "three scored", timeout=15)
        check(filled and "Strategic (1)" in admin.find_element(By.ID, "live").text,
              "the heat map gains the strategic and executive layers as they score")
        admin.set_window_size(1280, 1300)
        admin.execute_script("document.getElementById('live').scrollIntoView({block: 'start'}); window.scrollBy(0, -20)")
        shoot(admin, "serve-facilitator.png", (1280, 1300))
        console_clean(admin, "facilitator's live screen")

        # 4. Close the workshop; the plan lists the weakest questions.
        admin.find_element(By.CSS_SELECTOR, "form[action$='/close'] button").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "a[href$='/plan.html']"))
        loaded(admin)
        check("Closed." in admin.find_element(By.TAG_NAME, "main").text, "closing shows the workshop closed")
        admin.find_element(By.CSS_SELECTOR, "a[href$='/plan.html']").click()
        wait.until(lambda d: d.current_url.endswith("/plan.html"))
        loaded(admin)
        ranked = [h.text for h in admin.find_elements(By.CSS_SELECTOR, "article.priority h3")]
        top_two = " | ".join(ranked[:2])
        check(len(ranked) >= 2 and texts[3] in top_two and texts[7] in top_two,
              f"the plan puts questions 3 and 7 first among the weakest ({len(ranked)} priorities: {[r[:40] for r in ranked[:3]]})")
        check("Nobody owns the hand-over" in admin.find_element(By.TAG_NAME, "body").text, "the plan quotes the participant's comment")
        console_clean(admin, "plan.html")
        person.refresh()
        loaded(person)
        check("closed the workshop" in person.find_element(By.TAG_NAME, "main").text, "the participant's link now shows the workshop closed")

        # 5. The coordinator makes a survey from the people file: first one of a
        # single person, refused and shown again with its lines intact, then the real one.
        admin.get(base + "/admin/surveys/new")
        loaded(admin)
        admin.find_element(By.ID, "title").send_keys("Too small")
        admin.execute_script("document.getElementById('people').value = 'id,organisation\\nOnly Person,Only Organisation\\n'")
        admin.find_element(By.CSS_SELECTOR, "form[action='/admin/surveys'] button[type=submit]").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".notice.warn"))
        loaded(admin)
        again = admin.find_element(By.ID, "people").get_attribute("value")
        check("at least two" in admin.find_element(By.CSS_SELECTOR, ".notice.warn").text, "a people file of one person is refused with a reason")
        check(again.replace("\r\n", "\n").strip().split("\n") == ["id,organisation", "Only Person,Only Organisation"],
              f"the refused people file is shown again line by line ({again!r})")
        console_clean(admin, "refused new survey", expected=["/admin/surveys - Failed to load resource: the server responded with a status of 422"])
        admin.get(base + "/admin/surveys/new")
        loaded(admin)
        admin.find_element(By.ID, "title").send_keys("Bolton Community Safety Partnership, browser test")
        admin.find_element(By.ID, "people-file").send_keys(os.path.abspath(people_file))
        with open(people_file, encoding="utf-8") as f:
            people_text = f.read()
        read = wait_for(admin, lambda: len(admin.find_element(By.ID, "people").get_attribute("value")) > 1000, "file read")
        check(read, "choosing the people file fills the text box")
        admin.find_element(By.CSS_SELECTOR, "form[action='/admin/surveys'] button[type=submit]").click()
        wait.until(lambda d: re.search(r"/admin/surveys/\d+$", d.current_url))
        loaded(admin)
        survey_url = admin.current_url
        check(figure(admin, "submitted") == "0", "the coordinator's screen starts at 0 submitted")
        console_clean(admin, "new survey and coordinator's screen")

        # links.csv, downloaded with the coordinator's cookies.
        fetcher = Client(server.port)
        fetcher.cookies = {c["name"]: c["value"] for c in admin.get_cookies()}
        links = fetcher.get(survey_url.replace(base, "") + "/links.csv")
        rows = list(csv.DictReader(io.StringIO(links.text, newline="")))
        expected_people = len(list(csv.DictReader(io.StringIO(people_text))))
        check(links.status == 200 and len(rows) == expected_people, f"links.csv has a link for each of the {expected_people} people ({len(rows)})")
        people = [(r["name"], r["organisation"], r["link"]) for r in rows]
        respondent_name, respondent_org, link = people[0]
        target_name, target_org, typed = weak_target(people, respondent_name)

        # 6. A respondent picks contacts on a phone.
        person.delete_all_cookies()
        person.set_window_size(*PHONE)
        person.get(link)
        loaded(person)
        check(respondent_name in person.find_element(By.CSS_SELECTOR, ".notice").text, "the respondent's page names them")
        work_block = person.find_element(By.CSS_SELECTOR, "fieldset[data-theme=work]")
        search = work_block.find_element(By.CSS_SELECTOR, "input[type=search]")
        person.execute_script("arguments[0].scrollIntoView({block: 'start'})", work_block)
        # The list of people arrives by fetch; typing before it does finds nothing, so type once it is there.
        time.sleep(0.3)
        search.send_keys(typed)
        found = wait_for(person, lambda: any(b.text.startswith(target_name) for b in work_block.find_elements(By.CSS_SELECTOR, "ul.matches button")), "matches")
        if not found:  # the people list came after the typing: type again
            search.send_keys(Keys.BACKSPACE, typed[-1])
            found = wait_for(person, lambda: any(b.text.startswith(target_name) for b in work_block.find_elements(By.CSS_SELECTOR, "ul.matches button")), "matches")
        buttons = work_block.find_elements(By.CSS_SELECTOR, "ul.matches button")
        check(found, f"typing {typed!r} in the work question lists {target_name!r} ({len(buttons)} buttons: {[b.text[:30] for b in buttons[:4]]})")
        check(buttons and buttons[-1].text.startswith("Someone not on the list"), "the last match offers 'Someone not on the list'")
        status = person.find_element(By.ID, "save-status")
        next(b for b in buttons if b.text.startswith(target_name)).click()
        picked = work_block.find_elements(By.CSS_SELECTOR, "ul.picked li")
        check(len(picked) == 1 and target_name in picked[0].text, f"the picked list shows {target_name!r}")
        check(wait_for(person, lambda: status.text.startswith("Saved at"), "autosave"), f"the pick is saved as they go ({status.text!r})")
        check(search.get_attribute("value") == "" and not work_block.find_elements(By.CSS_SELECTOR, "ul.matches li"), "picking clears the search box and the matches")
        person.execute_script("arguments[0].textContent = ''", status)
        Select(picked[0].find_element(By.TAG_NAME, "select")).select_by_visible_text("Weekly")
        check(wait_for(person, lambda: status.text.startswith("Saved at"), "autosave"), f"choosing how often saves too ({status.text!r})")
        unlisted = "Pat Quigley-Browser"
        search.send_keys(unlisted)
        offer = wait_for(person, lambda: work_block.find_elements(By.CSS_SELECTOR, "ul.matches button")
                         and work_block.find_elements(By.CSS_SELECTOR, "ul.matches button")[-1].text.startswith("Someone not on the list"), "offer")
        check(offer, "typing a name not on the list offers to add it")
        person.execute_script("arguments[0].textContent = ''", status)
        work_block.find_elements(By.CSS_SELECTOR, "ul.matches button")[-1].click()
        picked = work_block.find_elements(By.CSS_SELECTOR, "ul.picked li")
        check(len(picked) == 2 and unlisted in picked[1].text and "(not on the list)" in picked[1].text,
              f"the picked list adds {unlisted!r} (not on the list)")
        saved_draft = wait_for(person, lambda: status.text.startswith("Saved at")
                               and unlisted in fetcher.get(survey_url.replace(base, "")).text, "autosave")
        check(saved_draft, f"that is saved too, as a draft the coordinator's page lists ({status.text!r})")
        # The picker with matches open, for the screenshot.
        search.send_keys(typed)
        wait_for(person, lambda: work_block.find_elements(By.CSS_SELECTOR, "ul.matches button"), "matches")
        person.execute_script("arguments[0].scrollIntoView({block: 'start'})", work_block)
        shoot(person, "serve-picker.png", PHONE)
        for _ in typed:
            search.send_keys(Keys.BACKSPACE)
        console_clean(person, "respondent's picker")

        # The coordinator's screen is open while the respondent submits.
        admin.get(survey_url)
        loaded(admin)
        time.sleep(0.5)  # the event stream connects
        started = wait_for(admin, lambda: figure(admin, "started, not submitted") == "1", "started", timeout=3)
        check(started, "the coordinator's screen shows 1 started, not submitted")
        person.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]").click()
        WebDriverWait(person, 10).until(lambda d: "submitted=1" in d.current_url)
        loaded(person)
        notice = person.find_element(By.CSS_SELECTOR, ".notice.ok").text
        check(notice.startswith("Submitted at"), f"the respondent sees 'Submitted at' ({notice[:40]!r})")
        restored = [li.text for li in person.find_elements(By.CSS_SELECTOR, "fieldset[data-theme=work] ul.picked li .who")]
        check(len(restored) == 2 and target_name in restored[0] and unlisted in restored[1], f"the submitted page restores both contacts ({restored})")
        strength = person.find_element(By.CSS_SELECTOR, "fieldset[data-theme=work] ul.picked li select")
        check(Select(strength).first_selected_option.text == "Weekly", "and the 'Weekly' strength")
        console_clean(person, "submitted page")

        live = wait_for(admin, lambda: figure(admin, "submitted") == "1", "submitted", timeout=15)
        check(live, f"the coordinator's live panel (not reloaded) shows 1 submitted ({figure(admin, 'submitted')})")
        admin.refresh()
        loaded(admin)
        heading = admin.find_element(By.XPATH, "//h2[normalize-space()='Names not on the list']")
        table = heading.find_element(By.XPATH, "following-sibling::*[self::table or self::h2][1]")
        check(table.tag_name == "table" and unlisted in table.text and respondent_name in table.text,
              f"'Names not on the list' shows {unlisted!r}, typed by {respondent_name!r}")
        check(figure(admin, "submitted") == "1", "the coordinator's screen shows 1 submitted")
        shown = admin.execute_script("""return Array.from(document.querySelectorAll('#live table tbody tr')).map(function (r) {
            return r.cells.length === 5 ? r.cells[0].textContent : '(a row of ' + r.cells.length + ' cells)'; });""")
        organisations = sorted({r["organisation"] for r in csv.DictReader(io.StringIO(people_text))})
        check(sorted(shown) == organisations, f"the response rate by organisation has a row for each of the {len(organisations)} organisations "
                                              f"({len(shown)} rows: {[r[:50] for r in shown[:2]]})")
        admin.execute_script("window.scrollTo(0, 0)")
        shoot(admin, "serve-coordinator.png", DESKTOP)
        console_clean(admin, "coordinator's screen")

        responses = fetcher.get(survey_url.replace(base, "") + "/responses.csv")
        answers = list(csv.DictReader(io.StringIO(responses.text, newline="")))
        check([(a["respondent"], a["contact"], a["theme"], a["strength"]) for a in answers]
              == [(respondent_name, target_name, "work", "3"), (respondent_name, unlisted, "work", "")],
              f"responses.csv has the two work ties ({[(a['contact'], a['strength']) for a in answers]})")
        admin.get(survey_url + "/report.html")
        loaded(admin)
        check(len(admin.find_element(By.TAG_NAME, "body").text) > 200, "the survey's report opens")
        console_clean(admin, "survey report")
    except Exception as error:
        check(False, f"the test ran to its end ({type(error).__name__}: {error})")
    finally:
        for driver in (admin, person):
            if driver is not None:
                driver.quit()
        server.stop()
    elapsed = time.monotonic() - START
    check(elapsed < 120, f"finished in {elapsed:.0f} s (under 2 minutes)")
    finish("serve-browser-test", work, "the server's log is")


main()
