"""Client TLS contexts are built once per process: checks that start together do not each
build the same one (every build loads a trust store with the GIL held), and the
display-only context, which trusts nothing, is one whatever bundle the options name."""

from __future__ import annotations

import ssl
import threading
from pathlib import Path

import pytest

from assistant.net import tls
from assistant.net.tls import client_context


def test_the_display_only_context_is_one_whatever_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"  # never read: nothing is verified on this context
    shared = client_context(verify=False)
    assert client_context(bundle, verify=False) is shared
    assert shared.verify_mode == ssl.CERT_NONE and not shared.check_hostname


def test_threads_asking_at_once_build_one_context(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    original = ssl.create_default_context

    def counted(*args: object, **kwargs: object) -> ssl.SSLContext:
        built.append(threading.current_thread().name)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    tls._cached_context.cache_clear()
    monkeypatch.setattr(ssl, "create_default_context", counted)
    start = threading.Barrier(4)
    got: list[ssl.SSLContext] = []

    def ask() -> None:
        start.wait()
        got.append(client_context())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    tls._cached_context.cache_clear()  # the next tests build their own, unwrapped
    assert len(got) == 4 and all(context is got[0] for context in got)
    assert len(built) == 1, built
