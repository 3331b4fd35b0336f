"""Secrets everywhere (issue 19 item 6): canary secrets through every way of signing in,
searched for in every artifact in plain, base64 (standard, URL-safe, inside Basic, SASL
PLAIN and XOAUTH2 blobs), URL-encoded and hex forms (tests/canary_search.py).

Canaries: a password the lab refuses and the lab's own password (which it accepts: the
successful paths), every token, refresh token and ID token the lab's identity provider
issued during the run (device code sign-in, app-only with a client secret, with a PFX
whose password is a canary, a given access token), the client secret, the PFX password,
and a cookie every lab HTTPS answer sets (Set-Cookie). Artifacts: the JSON, HTML and PDF
(its text and its bytes), every member of the support bundle (the run log among them),
stdout and stderr, and every file the program left in its settings, cache, state and
data folders; for the wizard, its exports and its settings folder. Any JWT at all in an
artifact is a leak too (`demo --oauth` mints tokens this test never sees)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from canary_search import folder_artifacts, forms, jwts, leaks
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

from assistant.lab import https_server
from assistant.lab import identity as idp
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab

MAILBOX = "admin@contoso.test"
CANARY_PASSWORD = "Canary-Pw/9+Qz&x=7f3a"  # characters that URL-encoding and base64 change
CANARY_PFX_PASSWORD = "Canary-Pfx-Pw!42c8e1"
CANARY_COOKIE = "canary-cookie-d41f9e07b2"
CANARY_TOKEN_ENV, SECRET_ENV, PFX_ENV, PASSWORD_ENV = (
    "CA_CANARY_TOKEN",
    "CA_CANARY_SECRET",
    "CA_CANARY_PFX",
    "CA_CANARY_PW",
)
EXPORTS = ("r.json", "r.html", "r.pdf", "b.zip")


# -- the lab, planting and recording -------------------------------------------------------


@pytest.fixture
def cookie_planted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every answer of every lab HTTPS server sets the canary cookie (as Exchange's
    X-BackEndCookie and a session cookie); yields the paths it was set on."""
    handler: type[BaseHTTPRequestHandler] = https_server._RequestHandler
    original = handler.end_headers
    planted: list[str] = []

    def end_headers(self: BaseHTTPRequestHandler) -> None:
        self.send_header("Set-Cookie", f"X-BackEndCookie={CANARY_COOKIE}; path=/; secure")
        self.send_header("Set-Cookie", f"ClientId={CANARY_COOKIE}-2; path=/; HttpOnly")
        planted.append(self.path)
        original(self)

    monkeypatch.setattr(handler, "end_headers", end_headers)
    yield planted


@pytest.fixture
def issued(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every token the lab's identity provider issues while the test runs."""
    tokens: list[str] = []

    def recording(owner: object, name: str) -> None:
        original: Callable[..., str] = getattr(owner, name)

        def issue(*args: object, **kw: object) -> str:
            token = original(*args, **kw)
            tokens.append(token)
            return token

        monkeypatch.setattr(owner, name, issue)

    for name in ("user_token", "app_token", "id_token"):
        recording(lab.identity.mint, name)
    recording(lab.identity.grants, "new_refresh_token")
    yield tokens


@pytest.fixture
def approving(lab: Lab) -> Iterator[Lab]:
    lab.identity.auto_approve = MAILBOX
    yield lab
    lab.identity.auto_approve = None


# -- a run and what it leaves ----------------------------------------------------------------


def cli_run(
    tmp: Path,
    args: list[str],
    env: dict[str, str],
    *,
    expect: tuple[int, ...] = (0, 1),
    pdf: bool = True,
) -> dict[str, bytes | str]:
    """`connectivity-assistant <args>` with every export (the PDF, the slow one, only with
    `pdf`: it is drawn from the same report the HTML is), its own settings, cache, state
    and data folders; everything it wrote or printed."""
    out, home = tmp / "out", tmp / "home"
    out.mkdir(parents=True)
    folders = {
        f"XDG_{kind}_HOME": str(home / kind.lower())
        for kind in ("CONFIG", "CACHE", "STATE", "DATA")
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            *args,
            "--json",
            str(out / "r.json"),
            "--html",
            str(out / "r.html"),
            *(["--pdf", str(out / "r.pdf")] if pdf else []),
            "--bundle",
            str(out / "b.zip"),
        ],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **folders, **env},
        check=False,
    )
    said = (result.stdout + result.stderr).decode(errors="replace")
    assert result.returncode in expect, said
    for name in EXPORTS if pdf else ("r.json", "r.html", "b.zip"):
        assert (out / name).is_file(), f"{name} not written\n{said}"
    return {
        "stdout": result.stdout,
        "stderr": result.stderr,
        **folder_artifacts(out, "exports"),
        **folder_artifacts(home, "home"),
    }


def check_args(lab: Lab, checks: str, *more: str) -> list[str]:
    return [
        "check",
        "--email",
        MAILBOX,
        "--timeout",
        "3",
        *lab.cli_flags(),
        "--checks",
        checks,
        *more,
    ]


def assert_clean(artifacts: dict[str, bytes | str], secrets: dict[str, str]) -> None:
    assert any(name.startswith("exports/b.zip/") for name in artifacts), "bundle members read"
    if "exports/r.pdf" in artifacts:
        assert "exports/r.pdf (text)" in artifacts, "the PDF's text read"
    found = leaks(artifacts, secrets, [MAILBOX]) + jwts(artifacts)
    assert found == [], "\n".join(found)


def secrets_of(tokens: list[str], **named: str) -> dict[str, str]:
    found = {f"token {i}": token for i, token in enumerate(tokens)}
    return {**found, **named, "cookie": CANARY_COOKIE}


# -- the search itself --------------------------------------------------------------------------


def test_the_search_finds_each_form_it_claims_to() -> None:
    """A search that cannot find anything would pass every test below."""
    secret, user = CANARY_PASSWORD, MAILBOX
    raw = secret.encode()
    planted = {
        "plain": f"x {secret} y",
        "base64": base64.b64encode(raw).decode(),
        "urlsafe": base64.urlsafe_b64encode(raw).decode().rstrip("="),
        "inside": base64.b64encode(b"prefix:" + raw + b":suffix").decode(),
        "basic": "Authorization: Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode(),
        "plain-sasl": base64.b64encode(f"\0{user}\0{secret}".encode()).decode(),
        "url": "?p=" + "Canary-Pw%2F9%2BQz%26x%3D7f3a",
        "url-lower": "Canary-Pw%2f9%2bQz%26x%3d7f3a",
        "hex": raw.hex(),
        "HEX": raw.hex().upper(),
        "bytes": b"\x00" + raw + b"\xff",
    }
    for name, text in planted.items():
        assert leaks({name: text}, {"pw": secret}, [user]), name
    assert leaks({"clean": "nothing «redacted» here"}, {"pw": secret}, [user]) == []
    assert jwts({"t": "a eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. b"})
    assert len(forms(secret, [user])) > 12


# -- password sign-in ------------------------------------------------------------------------


@pytest.mark.parametrize("password", [CANARY_PASSWORD, LAB_PASSWORD], ids=["refused", "accepted"])
def test_password_sign_in_leaks_the_password_nowhere(
    lab: Lab, tmp_path: Path, cookie_planted: list[str], password: str
) -> None:
    before = len(lab.credentials_seen)
    artifacts = cli_run(
        tmp_path,
        check_args(lab, "autodiscover,ews,mapi,imap,pop,smtp", "--password-env", PASSWORD_ENV),
        {PASSWORD_ENV: password},
    )
    # It was really sent, and the cookie really set (the search looked for real secrets).
    assert any(s.username == MAILBOX for s in lab.credentials_seen[before:])
    assert any("/EWS/" in path for path in cookie_planted), cookie_planted
    report = artifacts["exports/r.json"]
    assert isinstance(report, bytes) and b"ews.login" in report
    assert_clean(artifacts, secrets_of([], password=password))


# -- OAuth: device code, app-only (secret, PFX), a given token ----------------------------------


def test_device_code_sign_in_leaks_no_token(
    approving: Lab, tmp_path: Path, cookie_planted: list[str], issued: list[str]
) -> None:
    artifacts = cli_run(
        tmp_path,
        check_args(
            approving,
            "auth,imap,smtp,ews",
            "--auth",
            "oauth-device",
            "--client-id",
            idp.CONNECTIVITY_APP,
        ),
        {},
        expect=(0,),
    )
    assert len(issued) >= 2, "an access token and a refresh token at least"
    assert_clean(artifacts, secrets_of(issued))


def test_app_only_with_a_client_secret_leaks_neither_secret_nor_token(
    lab: Lab, tmp_path: Path, cookie_planted: list[str], issued: list[str]
) -> None:
    artifacts = cli_run(
        tmp_path,
        check_args(
            lab,
            "auth,imap,smtp,ews",
            "--auth",
            "oauth-app",
            "--client-id",
            idp.DAEMON_APP,
            "--tenant",
            "contoso.test",
            "--client-secret-env",
            SECRET_ENV,
            "--mailbox",
            MAILBOX,
        ),
        {SECRET_ENV: idp.DAEMON_SECRET},
        expect=(0,),
        pdf=False,
    )
    assert issued, "the secret bought a token"
    assert_clean(artifacts, secrets_of(issued, secret=idp.DAEMON_SECRET))


def test_app_only_with_a_pfx_leaks_neither_its_password_nor_its_key(
    lab: Lab, tmp_path: Path, cookie_planted: list[str], issued: list[str]
) -> None:
    """The lab's registered daemon certificate and key, in a PFX locked by a canary."""
    cert = lab.identity.daemon_certificate
    pfx = tmp_path / "daemon.pfx"
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"daemon",
            cert.key,
            cert.certificate,
            None,
            BestAvailableEncryption(CANARY_PFX_PASSWORD.encode()),
        )
    )
    key_der = cert.key.private_bytes(*_pkcs8_der())
    artifacts = cli_run(
        tmp_path,
        check_args(
            lab,
            "auth,ews",
            "--auth",
            "oauth-app",
            "--client-id",
            idp.DAEMON_APP,
            "--tenant",
            "contoso.test",
            "--client-cert",
            str(pfx),
            "--client-cert-password-env",
            PFX_ENV,
            "--mailbox",
            MAILBOX,
        ),
        {PFX_ENV: CANARY_PFX_PASSWORD},
        expect=(0,),
        pdf=False,
    )
    assert issued, "the certificate bought a token"
    key_b64 = base64.b64encode(key_der).decode()
    secrets = secrets_of(issued, pfx_password=CANARY_PFX_PASSWORD)
    # the key: a stretch of its PEM body and of its DER, wherever they would start
    secrets |= {"key (PEM)": key_b64[64:128], "key (DER hex)": key_der[40:80].hex()}
    assert_clean(artifacts, secrets)


def _pkcs8_der() -> tuple[object, object, object]:
    from cryptography.hazmat.primitives import serialization

    return (
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def test_a_given_access_token_leaks_nowhere(
    lab: Lab, tmp_path: Path, cookie_planted: list[str]
) -> None:
    token = lab.identity.mint_user_token(MAILBOX)
    artifacts = cli_run(
        tmp_path,
        check_args(
            lab, "auth,imap,ews", "--auth", "oauth-token", "--access-token-env", CANARY_TOKEN_ENV
        ),
        {CANARY_TOKEN_ENV: token},
        pdf=False,
    )
    assert_clean(artifacts, secrets_of([token]))


def test_the_oauth_demo_leaks_no_token(tmp_path: Path) -> None:
    """`demo --oauth`: its own lab mints the tokens; any JWT in any artifact is a leak."""
    artifacts = cli_run(tmp_path, ["demo", "--oauth"], {}, expect=(0, 1))
    stderr = artifacts["stderr"]
    assert isinstance(stderr, bytes) and b"devicelogin" in stderr, stderr[-500:]
    assert_clean(artifacts, {"lab password": LAB_PASSWORD})


# -- the wizard ------------------------------------------------------------------------------------


def test_the_wizard_leaks_the_password_into_no_export_and_not_its_settings(
    lab: Lab, tmp_path: Path, cookie_planted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.settings import ENV_DIR

    settings = tmp_path / "settings"
    monkeypatch.setenv(ENV_DIR, str(settings))
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import wizard_driver as drive

    out = tmp_path / "out"
    out.mkdir()
    wizard = drive.make_wizard(lab)
    try:
        wizard.signin_page.password.setText(CANARY_PASSWORD)
        assert drive.run_to_results(wizard)
        assert wizard.session.report.find("ews.login") is not None
        page = wizard.export_page
        saved: list[str] = []
        page.saved.connect(saved.append)
        page.saveFailed.connect(saved.append)
        for name, kind in zip(EXPORTS, ("json", "html", "pdf", "bundle"), strict=True):
            page.save(str(out / name), kind)
            assert drive.pump_until(lambda n=name: str(out / n) in saved, 30), saved
    finally:
        drive.close(wizard)
    artifacts = folder_artifacts(out, "exports") | folder_artifacts(settings, "settings")
    assert any(name.startswith("settings/") for name in artifacts), "the settings were written"
    assert_clean(artifacts, {"password": CANARY_PASSWORD, "cookie": CANARY_COOKIE})
