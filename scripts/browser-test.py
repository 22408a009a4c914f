"""The interactive map in headless Chromium (scripts/browser-test runs this).

Usage: browser-test.py WORK_DIR SURVEY.csv SCREENSHOT_DIR
WORK_DIR holds report.html, anonymised.html and map.html. Every check that
fails is printed; the exit status is 1 if any did.
"""
import csv
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

work, survey, shots = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--window-size=1400,1100", "--force-device-scale-factor=1"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 10)


def open_page(name):
    driver.get("file://" + os.path.abspath(os.path.join(work, name)))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, f"{name}: no script errors {errors[:2]}")


def data():
    return driver.execute_script("return JSON.parse(document.querySelector('.explore-data').textContent)")


def classes(element_id):
    return driver.execute_script("var e = document.getElementById(arguments[0]); return e ? e.getAttribute('class') : null", element_id) or ""


def view_box():
    return driver.execute_script("return document.querySelector('.explore svg').getAttribute('viewBox')")


def search(text):
    box = driver.find_element(By.CSS_SELECTOR, ".explore-search")
    box.clear()
    box.send_keys(text)
    return box


try:
    # 1. The report: search a person the findings name.
    open_page("report.html")
    view = data()
    prefix = view["prefix"]
    named = [n for n in view["nodes"] if n["findings"] and n.get("org")]
    check(len(named) > 0, "report: some person on the map is named by a finding")
    person = max(named, key=lambda n: len(n["findings"]))
    driver.find_element(By.CSS_SELECTOR, "#explore").location_once_scrolled_into_view
    before = view_box()
    box = search(person["name"][:-1])
    first = driver.find_element(By.CSS_SELECTOR, ".explore-results li")
    check(first.text.startswith(person["name"]), f"report: typing finds {person['name']!r} first (got {first.text!r})")
    node_id = f"{prefix}-n{person['i']}"
    check("hl" in classes(node_id).split(), "report: the person's node is highlighted while typing")
    check(view_box() != before, "report: the map is centred on them (viewBox changed)")
    lit = driver.execute_script("return document.querySelectorAll('.explore svg g.edge.hl').length")
    ties = sum(1 for e in view["edges"] if person["i"] in (e[0], e[1]))
    check(lit == ties and lit > 0, f"report: their {ties} ties are highlighted (got {lit})")
    box.send_keys(Keys.ENTER)
    panel = driver.find_element(By.CSS_SELECTOR, ".explore-panel")
    check(panel.find_element(By.TAG_NAME, "h3").text == person["name"], "report: Enter opens the panel on them")
    items = panel.find_elements(By.CSS_SELECTOR, "ol.explore-findings li")
    for index in person["findings"]:
        headline = view["findings"][index]["headline"]
        check(any(headline in item.text for item in items), f"report: the panel lists the finding {headline[:60]!r}")
    check("selected" in classes(node_id).split(), "report: the node is marked as selected")
    driver.save_screenshot(os.path.join(shots, "report-explore-search.png"))

    # 2. Switch the theme filter: only that theme's ties stay.
    themes = view["themes"]
    check(len(themes) > 1, "report: the theme filter lists the themes")
    theme = themes.index("Decision-making") if "Decision-making" in themes else 0
    Select(driver.find_element(By.CSS_SELECTOR, ".explore-theme")).select_by_index(theme + 1)
    shown = driver.execute_script("return document.querySelectorAll('.explore svg g.edge:not(.off)').length")
    expected = sum(1 for e in view["edges"] if theme in e[2])
    check(shown == expected and 0 < shown < len(view["edges"]), f"report: theme filter keeps the {expected} {themes[theme]} ties (got {shown})")
    driver.find_element(By.CSS_SELECTOR, ".explore-isolates").click()
    hidden = driver.execute_script("return document.querySelectorAll('.explore svg g.node.off').length")
    quiet = sum(1 for n in view["nodes"] if not any(n["i"] in (e[0], e[1]) and theme in e[2] for e in view["edges"]))
    check(hidden == quiet and hidden > 0, f"report: hiding people with no {themes[theme]} ties hides {quiet} (got {hidden})")
    driver.find_element(By.CSS_SELECTOR, ".explore-search").send_keys(Keys.ESCAPE)
    driver.find_element(By.CSS_SELECTOR, "[data-zoom=reset]").click()
    check(not driver.execute_script("return document.querySelector('.explore svg').classList.contains('focus')"), "report: Escape clears the search highlight")
    driver.save_screenshot(os.path.join(shots, "report-explore-theme.png"))
    driver.find_element(By.CSS_SELECTOR, ".explore-isolates").click()
    Select(driver.find_element(By.CSS_SELECTOR, ".explore-theme")).select_by_index(0)

    # 3. Click a node, and keyboard-select one.
    other = next(n for n in view["nodes"] if n["i"] != person["i"] and n.get("org"))
    driver.execute_script("document.getElementById(arguments[0]).dispatchEvent(new MouseEvent('click', {bubbles: true}))", f"{prefix}-n{other['i']}")
    check(panel.find_element(By.TAG_NAME, "h3").text == other["name"], "report: clicking a node opens its panel")
    driver.execute_script("document.getElementById(arguments[0]).focus()", node_id)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    check(panel.find_element(By.TAG_NAME, "h3").text == person["name"], "report: Enter on a focused node opens its panel")

    # 4. An organisation: its people light up.
    organisation = person["org"]
    search(organisation)
    members = [n for n in view["nodes"] if n.get("org") == organisation]
    lit = driver.execute_script("return document.querySelectorAll('.explore svg g.node.hl').length")
    check(lit == len(members), f"report: searching {organisation!r} lights its {len(members)} people (got {lit})")

    # 5. Zoom buttons change the view; print hides the view.
    before = view_box()
    driver.find_element(By.CSS_SELECTOR, "[data-zoom=in]").click()
    check(view_box() != before, "report: the zoom button zooms")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check(not driver.find_element(By.CSS_SELECTOR, "#explore").is_displayed(), "report: in print the interactive view is hidden")
    check(driver.find_element(By.CSS_SELECTOR, "figure.map svg").is_displayed(), "report: in print the static maps stay")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # 6. The anonymised report's view holds no person's name.
    open_page("anonymised.html")
    anonymous = json.dumps(data())
    with open(survey, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    real = {row[key] for row in rows for key in ("respondent", "contact") if row.get(key)}
    leaked = [name for name in real if name in anonymous]
    check(not leaked, f"anonymised: the view holds no person's name {leaked[:2]}")
    box = search("Person")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".explore-results li")) > 0, "anonymised: search finds people by pseudonym")

    # 7. `snatool map -o FILE.html`: the same view on its own page.
    open_page("map.html")
    page = data()
    check(len(page["nodes"]) > 100, "map.html: the view holds the map's nodes")
    target = max(page["nodes"], key=lambda n: len(n["findings"]))
    search(target["name"])
    check("hl" in classes(f"{page['prefix']}-n{target['i']}").split(), "map.html: search highlights the node")
    driver.save_screenshot(os.path.join(shots, "map-html.png"))
finally:
    driver.quit()

if failures:
    print(f"browser-test: {len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("browser-test: every check passed")
