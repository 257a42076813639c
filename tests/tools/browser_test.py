#!/usr/bin/python3
"""The search page in headless Chromium (Debian's chromium, chromium-driver and
python3-selenium): type a phrase, see hits, narrow to a speaker from the facet,
open an article with its statements marked, go back. Screenshots of each step
(laptop and phone widths) are kept in --screenshots; any failed step or any
error in the browser console fails the test.

usage: browser_test.py --attache BIN --corpus DIR --work DIR --screenshots DIR
"""
import argparse
import os
import shutil
import subprocess
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def start_server(attache, corpus, work):
    index = os.path.join(work, "index")
    shutil.rmtree(index, ignore_errors=True)
    subprocess.run([attache, "index", "--index", index, corpus], check=True, capture_output=True)
    server = subprocess.Popen([attache, "serve", "--index", index, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    url = line.split(" at ")[1].split()[0]
    return server, url


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Steps:
    def __init__(self, driver, shots):
        self.driver, self.shots, self.wait = driver, shots, WebDriverWait(driver, 15)

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.shots, name + ".png"))

    def until(self, what, condition):
        try:
            return self.wait.until(lambda d: condition())
        except Exception:
            self.shot("failed")
            raise AssertionError("the page never showed: " + what)

    def items(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def text(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector).text


def run(driver, url, shots):
    s = Steps(driver, shots)
    driver.get(url)
    s.until("the empty page's speakers", lambda: len(s.items("#speakers a")) > 0)
    # "/" focuses the search box; type a phrase query.
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "q", "/ did not focus the search box"
    driver.switch_to.active_element.send_keys('"open door"', Keys.ENTER)
    s.until("article hits", lambda: len(s.items("#hits li .title")) > 0 and "matching article" in s.text("#status"))
    assert len(s.items("#hits li mark")) > 0, "no marked matches in the snippets"
    assert len(s.items("#timeline rect.bar")) > 0, "no timeline"
    assert "q=%22open+door%22" in driver.current_url, driver.current_url
    s.until("the speaker facet", lambda: len(s.items("#speakers a")) > 0)
    s.shot("1-search")

    # A speaker from the facet: only their statements.
    link = s.items("#speakers a")[0]
    speaker = link.text
    link.click()
    s.until("statements of " + speaker, lambda: "matching statement" in s.text("#status") and len(s.items("#hits li.statement")) > 0)
    names = {e.text for e in s.items("#hits li.statement .speaker")}
    assert names == {speaker}, f"statements of {names}, not only {speaker}"
    assert "speaker=" in driver.current_url
    s.shot("2-speaker")

    # The article of the first statement, its statements marked.
    s.items("#hits li.statement a.title")[0].click()
    s.until("the article", lambda: s.items("#article") and s.items("#article")[0].is_displayed() and len(s.items("#article .stmt")) > 0)
    assert speaker in {e.text for e in s.items("#article .stmt .who")}, "the speaker's statement is not marked"
    assert "article=" in driver.current_url
    s.shot("3-article")

    # Back: the speaker's statements again, then the phrase search.
    driver.back()
    s.until("the statements again", lambda: len(s.items("#hits li.statement")) > 0 and not s.items("#article")[0].is_displayed())
    assert {e.text for e in s.items("#hits li.statement .speaker")} == {speaker}
    driver.back()
    s.until("the article hits again", lambda: "matching article" in s.text("#status") and len(s.items("#hits li .title")) > 0)
    assert driver.find_element(By.ID, "q").get_attribute("value") == '"open door"'

    # One hit per story: the checkbox goes into the URL and the export link (the sample has no copies).
    driver.find_element(By.ID, "collapse").click()
    s.until("collapsed hits", lambda: "collapse=1" in driver.current_url and "matching article" in s.text("#status")
            and len(s.items("#hits li .title")) > 0)
    assert "unique=true" in driver.find_element(By.ID, "export").get_attribute("href")
    driver.back()
    s.until("the hits again", lambda: "collapse=1" not in driver.current_url and len(s.items("#hits li .title")) > 0)

    # The concordance, and the export link.
    driver.find_element(By.CSS_SELECTOR, '#views button[data-view="kwic"]').click()
    s.until("concordance lines", lambda: len(s.items("#hits li.kwic-line")) > 0)
    assert "/api/export?" in driver.find_element(By.ID, "export").get_attribute("href")
    s.shot("4-concordance")

    # A malformed query: the error and where it is, not a broken page.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("nato AND (ukraine", Keys.ENTER)
    s.until("the query error", lambda: "never closed" in s.text("#status"))

    # A phone's width.
    driver.set_window_size(390, 844)
    driver.get(url + "?q=sanctions")
    s.until("hits at phone width", lambda: len(s.items("#hits li .title")) > 0)
    s.shot("5-phone")
    driver.set_window_size(1280, 900)


def main():
    parser = argparse.ArgumentParser()
    for name in ("--attache", "--corpus", "--work", "--screenshots"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.screenshots, exist_ok=True)
    server, url = start_server(args.attache, args.corpus, args.work)
    driver = None
    try:
        driver = browser()
        run(driver, url, args.screenshots)
        # 404s and network failures are logged as SEVERE too.
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        # The malformed query's 400 answer is expected; anything else is not.
        errors = [e for e in errors if "status of 400" not in e["message"]]
        if errors:
            raise AssertionError("browser console errors: " + "; ".join(e["message"] for e in errors))
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print("browser test passed; screenshots in", args.screenshots)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print("FAILED:", e, file=sys.stderr)
        sys.exit(1)
