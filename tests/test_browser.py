"""Neo4j Browser, for real, as the README tells a person to use it: headless Chromium connects to
the local server, loads the project's GraSS style the way a person would (a dropped ``.grass``
file), and runs exactly what the README's ``tme query ... --browser`` lines print, pasted into the
editor: the display labels, then the task graph, whose nodes must show their status colour and
``title: value`` captions.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package. Without them
the test is skipped, except in CI (``CI`` set), where it fails. ``TME_UPDATE_SCREENSHOT=1``
writes the final page to ``docs/browser.png`` (the picture in the README); otherwise the
screenshot goes to the test's temporary folder only, so a test run never edits the source tree.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import urllib.parse
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.config import Settings
from tme_neo4j.connection import resolve_credentials
from tme_neo4j.server import LocalServer
from tme_neo4j.store import MemoryStore

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "browser.png"
WAIT = 60.0  # seconds; the first load of Browser's bundle takes a few

README = Path(__file__).resolve().parents[1] / "README.md"
README_WORKSPACE = "demo-trip-planning"

# Colours from style.grass, as Browser writes them into the SVG.
ACTIVE, DONE, STALE, CANCELLED = "#8DCC93", "#569480", "#FFC454", "#DDDDDD"

# Typed text would meet the editor's auto-closing of brackets and quotes; pasted text goes in as is.
PASTE = """
const dt = new DataTransfer();
dt.setData('text/plain', arguments[1]);
arguments[0].dispatchEvent(new ClipboardEvent('paste',
    {clipboardData: dt, bubbles: true, cancelable: true}));
"""
# What Browser's file drop zone receives when a person drags a file onto the page.
DROP_FILE = """
const dt = new DataTransfer();
dt.items.add(new File([arguments[0]], arguments[1], {type: 'text/plain'}));
const zone = document.querySelector('.filedrop');
for (const type of ['dragenter', 'dragover', 'drop'])
  zone.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
"""


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def _selenium() -> Any:
    try:
        import selenium  # noqa: F401
    except ImportError:
        _missing("selenium is not installed (pip install -e '.[dev]')")
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(binary):
            _missing(f"{binary} is missing (apt-get install chromium chromium-driver)")
    from selenium import webdriver

    return webdriver


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Any]:
    webdriver = _selenium()
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        # The machine has no network but loopback: no update checks, no sync, no telemetry.
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1250",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


class BrowserPage:
    """Neo4j Browser as a person uses it: the editor at the top, result frames below it."""

    def __init__(self, driver: Any) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver = driver
        self.wait = WebDriverWait(driver, WAIT)

    def find(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str, within: Any = None) -> list[Any]:
        from selenium.webdriver.common.by import By

        return list((within or self.driver).find_elements(By.CSS_SELECTOR, css))

    def connect(self, url: str, bolt_uri: str, user: str, password: str) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as ec

        parts = urllib.parse.urlsplit(bolt_uri)
        dbms = f"{parts.scheme}://{urllib.parse.quote(user)}@{parts.netloc}"
        self.driver.get(f"{url}?dbms={urllib.parse.quote(dbms, safe='')}")
        field = self.wait.until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="password"]')))
        field.send_keys(password)
        self.find('[data-testid="connect"]').click()
        self.wait.until(ec.presence_of_element_located(
            (By.XPATH, "//*[contains(text(), 'You are connected as user')]")))

    def dismiss_usage_notice(self) -> None:
        """Close the banner about usage statistics, which would otherwise sit in the picture."""
        from selenium.webdriver.common.by import By

        for dismiss in self.driver.find_elements(
                By.XPATH, "//span[contains(., 'collect information on product usage')]"
                "/following-sibling::*[1]"):
            dismiss.click()

    def top_frame(self) -> Any:
        frames = self.find_all('[data-testid="frame"]')
        return frames[0] if frames else None

    def run(self, command: str) -> Any:
        """Paste ``command`` into the editor, run it, and return its frame once it shows."""
        editor = self.find('[data-testid="activeEditor"]')
        editor.click()
        self.driver.execute_script(PASTE, self.find_all("textarea", editor)[0], command)
        before = self.top_frame()
        self.find('[data-testid="editor-Run"]').click()
        if command.strip() == ":clear":
            self.wait.until(lambda _: self.top_frame() is None)
            return None
        head = " ".join(command.split())[:40]

        def shown(_: Any) -> Any:
            frame = self.top_frame()
            if frame is None or frame == before:
                return False
            title = self.find_all('[data-testid="frameCommand"]', frame)
            return frame if title and " ".join(title[0].text.split()).startswith(head) else False

        return self.wait.until(shown)

    def wait_for_layout(self, frame: Any) -> None:
        """Wait until the force layout has settled: two looks in a row find every node where it
        was."""
        last: list[str] = []

        def settled(_: Any) -> bool:
            nonlocal last
            now = [n.get_attribute("transform") or "" for n in self.find_all("svg g.node", frame)]
            same = now == last
            last = now
            return same

        self.wait.until(settled)

    def wait_for_text(self, frame: Any, *texts: str) -> str:
        self.wait.until(lambda _: all(t in frame.text for t in texts))
        return str(frame.text)

    def drop_file(self, content: str, name: str) -> None:
        self.driver.execute_script(DROP_FILE, content, name)

    def node_colours(self, frame: Any, count: int) -> dict[str, str]:
        """Caption to fill colour of every node Browser drew, once ``count`` are drawn."""

        def drawn(_: Any) -> dict[str, str] | bool:
            nodes = self.find_all("svg g.node", frame)
            if len(nodes) != count:
                return False
            colours = {}
            for node in nodes:
                circle = self.find_all("circle.b-outline", node)
                caption = " ".join(node.text.split())
                if not circle or not caption:
                    return False
                colours[caption] = (circle[0].get_attribute("fill") or "").upper()
            return colours

        return dict(self.wait.until(drawn))


@pytest.fixture
def seeded(store: MemoryStore) -> MemoryStore:
    store.add_task("trip", "Plan a trip")
    store.add_task("destination", "Destination", "Seattle", parents=["trip"])
    store.add_task("hotel", "Hotel", "near downtown", parents=["trip"],
                   depends_on=["destination"])
    store.add_task("tour", "City tour", parents=["trip"], depends_on=["hotel"])
    store.add_task("flight", "Book the flight", parents=["trip"])
    store.add_task("car", "Rent a car", parents=["trip"])
    store.complete("flight")
    store.cancel("car")
    store.revise("destination", "Portland")  # hotel and, through it, the tour become stale
    return store


def readme_browser_commands() -> list[str]:
    """The ``tme query ... --browser`` lines of the README's Neo4j Browser section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Looking at the graph in Neo4j Browser", 1)[1].split("\n#", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "the README's Neo4j Browser section has no sh block"
    return [ln for ln in block[1].splitlines() if ln.startswith("tme query")]


def printed_statement(command: str, workspace: str) -> str:
    """What the README's ``command`` prints, run on ``workspace`` instead of the demo's."""
    args = shlex.split(command)[1:]
    args[args.index("-w") + 1] = workspace
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_readmes_browser_steps_draw_the_styled_graph(
    chromium: Any, settings: Settings, seeded: MemoryStore, tmp_path: Path
) -> None:
    credentials = resolve_credentials(settings)
    if not credentials.local:
        pytest.skip("the Browser address is known only for the local server")
    assert credentials.password is not None
    browser_url = LocalServer(settings).status().browser_url
    style = (resources.files("tme_neo4j") / "browser" / "style.grass").read_text("utf-8")
    commands = readme_browser_commands()
    assert [c.split()[2] for c in commands] == ["set_display_labels", "draw_task_graph"]
    assert all(f"-w {README_WORKSPACE}" in c for c in commands)
    display_labels, task_graph = (printed_statement(c, seeded.workspace) for c in commands)

    page = BrowserPage(chromium)
    try:
        page.connect(browser_url, credentials.uri, credentials.user,
                     credentials.password.get_secret_value())
        page.drop_file(style, "style.grass")
        page.wait_for_text(page.run(display_labels), "Added 6 labels")
        page.run(":clear")

        stale = printed_statement(f"tme query list_stale_tasks -w {README_WORKSPACE} --browser",
                                  seeded.workspace)
        text = page.wait_for_text(page.run(stale), "Hotel", "City tour")
        assert "Rent a car" not in text
        assert "Book the flight" not in text
        page.run(":clear")

        graph = page.run(task_graph)
        colours = page.node_colours(graph, count=6)
        assert colours == {
            "Plan a trip": ACTIVE,
            "Destination = Portland": ACTIVE,
            "Hotel = near downtown": STALE,
            "City tour": STALE,
            "Book the flight": DONE,
            "Rent a car": CANCELLED,
        }
        page.dismiss_usage_notice()
        page.wait_for_layout(graph)
    finally:
        chromium.save_screenshot(str(tmp_path / "browser.png"))
    if os.environ.get("TME_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "browser.png", SCREENSHOT)
