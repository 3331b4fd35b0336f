"""OAuth 2.0 browser sign-in through the wizard, against the lab identity provider: the
browser is asked for on the GUI thread (the wizard's injectable opener), the Run page says
what is happening and shows the address, the person at the browser signs in (an HTTP
client follows the address to the lab, whose page posts the code back to the loopback
listener), and Cancel during the wait returns at once and leaves no thread running."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import requests
from gui_helpers import ui_threads
from test_gui_oauth import MAILBOX, to_signin, untranslated

from assistant.cancel import CancelToken, Deadline
from assistant.lab.identity import CONNECTIVITY_APP
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.net.network import Network
from assistant.net.resolver import Resolver
from assistant.net.routed_session import routed_session
from ui.pages.ids import RESULTS, RUN
from ui.pages.signin_form import OAUTH_BROWSER
from ui.settings import Settings

JWT_PREFIX = "eyJ"


class _Form(HTMLParser):
    """The form Entra's form_post page submits by script: its action and hidden fields."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = values.get("action", "")
        elif tag == "input" and values.get("type") == "hidden":
            self.fields[values.get("name", "")] = values.get("value", "")


class LabBrowser:
    """This computer's browser, as the wizard's `open_url`: called on the GUI thread, it
    starts a thread that follows the address over HTTPS to the lab identity provider
    (through the lab's routing and CA, as a browser would reach login.microsoftonline.com)
    and posts the sign-in page's form back to the program's loopback listener. With
    `follow` off it only records the address (a browser the user never finishes in)."""

    def __init__(self, lab: Lab, *, follow: bool = True, starts: bool = True) -> None:
        self.lab = lab
        self.follow = follow
        self.starts = starts
        self.urls: list[str] = []
        self.on_gui_thread: list[bool] = []
        self.posted: list[int] = []
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        if self.follow:
            thread = threading.Thread(target=self._visit, args=(url,), name="lab-browser")
            self.threads.append(thread)
            thread.start()
        return self.starts

    def _visit(self, url: str) -> None:
        try:
            options = self.lab.network_options()
            net = Network(options, Resolver(options.nameservers), CancelToken(), Deadline.after(10))
            with routed_session(net, {urlsplit(url).hostname or ""}) as routed:
                page = routed.session.get(url, timeout=5)
            form = _Form()
            form.feed(page.text)
            with requests.Session() as local:
                local.trust_env = False  # straight to the loopback listener, no proxy
                answer = local.post(form.action, data=form.fields, timeout=5)
            self.posted.append(answer.status_code)
        except BaseException as exc:  # reported by the test
            self.errors.append(exc)

    def join(self) -> None:
        for thread in self.threads:
            thread.join(5)


@pytest.fixture
def signing_in(lab: Lab) -> Iterator[Lab]:
    """The lab's user signs in at once on the sign-in page."""
    lab.identity.auto_approve = MAILBOX
    yield lab
    lab.identity.auto_approve = None


def choose_browser(qtbot, wizard) -> None:
    page = wizard.signin_page
    page.oauth_browser.click()
    assert page.method() == OAUTH_BROWSER
    assert page.client_id.isEnabled() and page.tenant.isEnabled()
    assert not page.password.isEnabled() and not page.app_fields.client_id.isEnabled()
    page.client_id.clear()
    qtbot.keyClicks(page.client_id, CONNECTIVITY_APP)
    assert page.isComplete(), page.client_error.message
    assert "this computer's browser" in page.statement.text()


def test_browser_sign_in_runs_auth_and_ews(qtbot, demo, signing_in: Lab, tmp_path) -> None:
    wizard = demo
    browser = LabBrowser(signing_in)
    wizard.open_url = browser
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_browser(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=20000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)
    browser.join()
    assert browser.errors == []
    assert browser.on_gui_thread == [True], "the browser is opened on the GUI thread"
    [url] = browser.urls
    parts = urlsplit(url)
    assert parts.hostname == "login.microsoftonline.com"
    assert "code_challenge=" in parts.query and "response_mode=form_post" in parts.query
    assert "redirect_uri=http%3A%2F%2Flocalhost%3A" in parts.query
    assert browser.posted == [200], "the browser came back to the loopback listener"
    assert not wizard.run_page.browser_box.isVisible(), "the box goes once the sign-in is done"
    report = wizard.session.report
    token = report.find("auth.token")
    assert token.status is Status.PASS, token.summary
    assert report.find("ews.login").status is Status.PASS, report.find("ews.login").summary
    log = wizard.session.runlog.text()
    assert "Finish the sign-in in your browser" in log
    # The method is remembered; no token is, anywhere.
    wizard.save_settings()
    assert JWT_PREFIX not in Settings().path.read_text(encoding="utf-8")
    assert JWT_PREFIX not in log
    assert JWT_PREFIX not in wizard.run_page.log.toPlainText()


def test_the_run_page_shows_the_address_and_cancel_returns_at_once(
    qtbot, demo, lab: Lab, translations
) -> None:
    wizard = demo
    browser = LabBrowser(lab, follow=False, starts=False)  # no browser: the user must act
    wizard.open_url = browser
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_browser(qtbot, wizard)
    wizard.next()
    box = wizard.run_page.browser_box
    qtbot.waitUntil(lambda: box.isVisible() and box.prompt is not None, timeout=10000)
    assert wizard.currentId() == RUN and wizard.run.running, "the run waits for the browser"
    qtbot.waitUntil(lambda: bool(browser.urls), timeout=2000)  # queued to the GUI thread
    [url] = browser.urls
    assert box.heading.text() == "Finish signing in in your browser…"
    qtbot.waitUntil(lambda: "could not be started" in box.instructions.text(), timeout=2000)
    assert "login.microsoftonline.com" in box.url.text() and "<a href=" in box.url.text()
    box.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == url, "the whole address is copied"
    box.open_url()  # the link, clicked: the same opener, on the GUI thread
    assert browser.urls == [url, url] and all(browser.on_gui_thread)
    assert not wizard.run_page.device_box.isVisible()
    assert untranslated(qtbot, wizard, translations, {url}) == []
    qtbot.wait(300)  # the loopback listener waits
    pressed = time.monotonic()
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS, "control comes back at once"
    assert time.monotonic() - pressed < 1.0
    assert not box.isVisible()
    assert wizard.session.cancelled
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=1000)
    qtbot.waitUntil(lambda: not ui_threads(), timeout=2000)
    assert wizard.session.report.find("auth.token").status is Status.CANCELLED
