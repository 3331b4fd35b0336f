"""The user's CA bundle is read before the run: what holds no usable certificate is one
InputError, not a traceback in every TLS check's step."""

from __future__ import annotations

from pathlib import Path

import pytest
import trustme

from assistant.config import InputError
from assistant.net.ca_bundle import check_ca_bundle
from assistant.net.tls import client_context

BROKEN_PEM = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def test_a_bundle_of_pem_certificates_is_accepted(tmp_path: Path, ca: trustme.CA) -> None:
    path = tmp_path / "ca.pem"
    path.write_bytes(ca.cert_pem.bytes())
    check_ca_bundle(str(path))
    assert client_context(str(path)).cert_store_stats()["x509_ca"] == 1


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"hello\n", id="text"),
        pytest.param(BROKEN_PEM, id="broken-pem"),
        pytest.param(None, id="key-only"),
        pytest.param(b"\x30\x82\x01\x0a" + bytes(300), id="der-like"),
    ],
)
def test_a_file_without_a_readable_certificate_is_refused(
    tmp_path: Path, ca: trustme.CA, content: bytes | None
) -> None:
    path = tmp_path / "ca.pem"
    path.write_bytes(ca.private_key_pem.bytes() if content is None else content)
    with pytest.raises(InputError, match="could not read CA certificates") as caught:
        check_ca_bundle(str(path))
    message = str(caught.value)
    assert str(path) in message and len(message.splitlines()) == 1
    assert "_ssl.c" not in message


def test_a_good_certificate_followed_by_a_broken_one_is_refused(
    tmp_path: Path, ca: trustme.CA
) -> None:
    path = tmp_path / "ca.pem"
    path.write_bytes(ca.cert_pem.bytes() + BROKEN_PEM)
    with pytest.raises(InputError, match="could not read"):
        check_ca_bundle(str(path))


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("missing", "No such file"),
        ("folder", "a folder"),
        ("/dev/zero", "not a regular file"),  # never opened: reading it would not end
    ],
)
def test_what_is_not_a_readable_file_is_refused(tmp_path: Path, where: str, words: str) -> None:
    path = {"missing": str(tmp_path / "none.pem"), "folder": str(tmp_path)}.get(where, where)
    with pytest.raises(InputError, match=words):
        check_ca_bundle(path)
