"""Cancel during a browser sign-in while a local program holds a silent connection to the
loopback redirect listener: the run ends cancelled at once, not after the listener's
read of that client would have timed out (5 s)."""

from __future__ import annotations

import socket
import threading
import urllib.parse

import pytest
from oauth_support import MAILBOX, provider

from assistant.auth.credentials import OAuthCredential
from assistant.auth.oauth_config import Flow
from assistant.checks.registry import select, with_sign_in
from assistant.config import Target
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.net.loopback import READ_TIMEOUT
from assistant.runner import Runner

pytestmark = pytest.mark.lab

OUTCOME_WAIT = 2.0  # seconds; well under READ_TIMEOUT


def test_cancel_of_a_browser_sign_in_is_not_held_by_a_silent_client(lab: Lab) -> None:
    assert OUTCOME_WAIT < READ_TIMEOUT
    silent: list[socket.socket] = []
    probed: list[bytes] = []
    browser_open = threading.Event()

    def browser(url: str) -> bool:
        """Instead of a person signing in: a local program connects to the redirect
        address and says nothing; then a request for another page shows the listener
        has taken that connection and still serves others."""
        redirect = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["redirect_uri"][0]
        port = urllib.parse.urlsplit(redirect).port
        assert port is not None

        def visit() -> None:
            silent.append(socket.create_connection(("127.0.0.1", port), timeout=OUTCOME_WAIT))
            with socket.create_connection(("127.0.0.1", port), timeout=OUTCOME_WAIT) as probe:
                probe.sendall(b"GET /favicon.ico HTTP/1.1\r\nHost: localhost\r\n\r\n")
                probed.append(probe.recv(64))
            browser_open.set()

        threading.Thread(target=visit, daemon=True).start()
        return True

    credential = OAuthCredential(
        MAILBOX,
        provider=provider(
            Flow.BROWSER, protocols=["imap"], open_browser=browser, login_hint=MAILBOX
        ),
    )
    runner = Runner(Target.parse(MAILBOX), lab.network_options(), credentials=credential)
    steps: list[Step] = []
    worker = threading.Thread(
        target=lambda: steps.extend(runner.run(with_sign_in(select(["imap"])), lambda e: None)),
        daemon=True,
    )
    worker.start()
    try:
        assert browser_open.wait(10)
        assert probed and probed[0].startswith(b"HTTP/1.1 404 ")
        runner.cancel()
        worker.join(OUTCOME_WAIT)
        assert not worker.is_alive()
        assert steps and {s.status for s in steps} == {Status.CANCELLED}
    finally:
        runner.cancel()
        for sock in silent:
            sock.close()
