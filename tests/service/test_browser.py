"""The page in a real browser (Debian's headless Chromium through Selenium): code the
example article, find the Russian Foreign Ministry's accusation highlighted and listed,
open the timeline and a stored sentence, and show an article's markup as text.

``DRAGOMAN_SCREENSHOT=docs/screenshot.png`` also saves the README's picture.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("selenium", reason="the browser tests need selenium (pip install selenium)")
pytest.importorskip("fastapi", reason="the service needs FastAPI (pip install fastapi uvicorn)")
pytest.importorskip("uvicorn", reason="the service needs uvicorn (pip install fastapi uvicorn)")

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dragoman.service import Limits

from .browser import chromium, ensure_chromium, running_server

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def base_url(coder, store_path) -> Iterator[str]:
    from dragoman.service import create_app

    app = create_app(coder, db=str(store_path), limits=Limits(), warm_up=False)
    with running_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url):
    ensure_chromium()
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium must not look for drivers online
    with chromium() as driver:
        yield driver


def _wait(driver, condition, seconds: float = 20):
    return WebDriverWait(driver, seconds).until(condition)


def _code(driver, base_url: str) -> None:
    driver.get(base_url + "/#code")
    _wait(driver, lambda d: d.find_element(By.ID, "code-sample").is_displayed())


def _save(driver, path: Path) -> Path:
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == PNG and path.stat().st_size > 10_000
    return path


def test_the_example_article_is_coded_highlighted_and_explored(browser, base_url, tmp_path) -> None:
    _code(browser, base_url)
    browser.find_element(By.ID, "code-sample").click()
    text = browser.find_element(By.ID, "code-text")
    _wait(browser, lambda d: text.get_attribute("value").startswith("Washington receives"))
    assert browser.find_element(By.ID, "code-date").get_attribute("value") == "2022-02-17"
    browser.find_element(By.ID, "code-submit").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#code-reader table.events tbody tr"))

    # listed: a row for the Russian Foreign Ministry's accusation
    rows = browser.find_elements(By.CSS_SELECTOR, "#code-reader table.events tbody tr")
    listed = [
        r
        for r in rows
        if r.find_elements(By.TAG_NAME, "td")[1].text.startswith("ACCUSE")
        and "Russian Foreign Ministry [RUSGOV]" in r.find_elements(By.TAG_NAME, "td")[2].text
    ]
    assert listed, [r.text for r in rows]
    event_id = listed[0].get_attribute("data-event-id")

    # highlighted: its trigger in the text, coloured as verbal conflict
    trigger = browser.find_element(
        By.CSS_SELECTOR, f'#code-reader .article .trig[data-event-ids~="{event_id}"]'
    )
    assert trigger.text == "distorted" and "q3" in trigger.get_attribute("class")
    assert trigger.value_of_css_property("background-color") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    actor = next(
        e
        for e in browser.find_elements(By.CSS_SELECTOR, "#code-reader .article .ent")
        if e.text == "Russian Foreign Ministry"
    )

    # hovering shows who did what to whom, and marks the actor in the text
    ActionChains(browser).move_to_element(trigger).perform()
    detail = browser.find_element(By.CSS_SELECTOR, "#code-reader .detail")
    _wait(browser, lambda d: "ACCUSE / allege" in detail.text)
    for shown in ("Russian Foreign Ministry [RUSGOV]", "Washington [USAGOV]", "asserted",
                  "2022-02-17", "lexicon:distort"):  # fmt: skip
        assert shown in detail.text, detail.text
    assert "sel-actor" in actor.get_attribute("class")
    screenshot = os.environ.get("DRAGOMAN_SCREENSHOT")
    if screenshot:
        _save(browser, Path(screenshot))
    _save(browser, tmp_path / "code.png")
    trigger.click()  # selected: the details stay when the pointer leaves
    ActionChains(browser).move_to_element(browser.find_element(By.ID, "code-status")).perform()
    assert "ACCUSE / allege" in detail.text and listed[0].get_attribute("class") == "active"

    # the timeline of the store
    browser.find_element(By.ID, "tab-explore").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline svg .bar rect"))
    keys = {
        r.get_attribute("data-key")
        for r in browser.find_elements(By.CSS_SELECTOR, "#timeline rect")
    }
    assert "ACCUSE" in keys
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#network svg .edge"))
    _save(browser, tmp_path / "explore.png")

    # an event in the table opens its document at its sentence
    row = _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#events-table tbody tr"))
    event_id = row.get_attribute("data-event-id")
    row.find_element(By.CSS_SELECTOR, "td.sentence a").click()
    status = _wait(browser, lambda d: d.find_element(By.ID, "doc-status"))
    ActionChains(browser).move_to_element(status).perform()  # hover no row: only the selection
    selected = f'#doc-reader table.events tr.active[data-event-id="{event_id}"]'
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, selected))
    trigger = browser.find_element(By.CSS_SELECTOR, "#doc-reader .article .sel-trigger")
    assert event_id in trigger.get_attribute("data-event-ids").split()


def test_an_article_with_markup_is_shown_as_text(browser, base_url) -> None:
    article = (
        "Russia accused Ukraine of shelling villages.\n"
        '<script>window.pwned = "script"</script>\n'
        '<img src="x" onerror="window.pwned = \'img\'"> <b>Moscow</b> said.'
    )
    _code(browser, base_url)
    box = browser.find_element(By.ID, "code-text")
    browser.execute_script("arguments[0].value = arguments[1];", box, article)
    browser.find_element(By.ID, "code-submit").click()
    shown = _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#code-reader .article"))
    _wait(browser, lambda d: "<script>" in shown.text)
    assert browser.execute_script("return arguments[0].textContent;", shown) == article
    for tag in ("script", "img", "b"):
        assert not shown.find_elements(By.TAG_NAME, tag), tag
    assert browser.execute_script("return window.pwned === undefined;")
