"""auth.token on the tokens admins actually bring (issue 12): delegated and app-only, v1 and
v2 shapes, every cloud, another user, a guest, a personal account, malformed and opaque.

Each case runs through the engine (the auth check against the lab's identity provider)
and through the CLI as `check --auth oauth-token --access-token-env NAME --checks
auth,imap,pop,smtp,ews`, and must give the same verdict and name the same cause. The
healthy tokens are the lab identity provider's own, signed, so the lab's IMAP, POP, SMTP
and EWS servers accept them too: the diagnosis is checked against the servers' judgement.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from oauth_support import MAILBOX, finding_keys, given_token, run

from assistant.facts import CONSUMER_TENANT_ID, Cloud
from assistant.lab import identity as idp
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.report.json_report import load_json

pytestmark = pytest.mark.lab

TENANT = idp.CONTOSO_TENANT
GOV_MAILBOX = f"admin@{idp.GOV_DOMAIN}"  # a US Government tenant's (the lab's GCC High)
ALL_ROLES = ("IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp", "full_access_as_app")
ALL_SCOPES = (
    "IMAP.AccessAsUser.All",
    "POP.AccessAsUser.All",
    "SMTP.Send",
    "EWS.AccessAsUser.All",
)


def _b64(data: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def shaped(**claims: object) -> str:
    """A token shaped as Microsoft documents it (the signature is not looked at here)."""
    now = int(time.time())
    base: dict[str, object] = {"tid": TENANT, "iat": now, "nbf": now, "exp": now + 3600}
    base.update(claims)
    base = {k: v for k, v in base.items() if v is not None}
    return f"{_b64({'alg': 'RS256', 'typ': 'JWT'})}.{_b64(base)}.c2lnbmF0dXJl"


def v1_user(**claims: object) -> str:
    base: dict[str, object] = {
        "aud": "https://outlook.office.com",
        "iss": f"https://sts.windows.net/{TENANT}/",
        "upn": MAILBOX,
        "unique_name": MAILBOX,
        "appid": idp.CONNECTIVITY_APP,
        "scp": " ".join(ALL_SCOPES),
        "ver": "1.0",
    }
    return shaped(**{**base, **claims})


def v2_app(roles: tuple[str, ...]) -> str:
    return shaped(
        aud="https://outlook.office365.com",
        iss=f"https://login.microsoftonline.com/{TENANT}/v2.0",
        azp=idp.DAEMON_APP,
        roles=list(roles),
        idtyp="app",
        ver="2.0",
    )


def signed_user(lab: Lab) -> str:
    return lab.identity.mint_user_token(scopes=ALL_SCOPES)


def signed_app(lab: Lab) -> str:
    identity = lab.identity
    return identity.mint.app_token(
        identity.tenants[TENANT],
        identity.apps[idp.DAEMON_APP],
        "https://outlook.office365.com",
        ALL_ROLES,
        with_certificate=False,
    )


@dataclass(frozen=True)
class Case:
    name: str
    token: Callable[[Lab], str]
    status: Status  # of auth.token
    cause: str | None  # the finding key, or the words of an unreadable token's reason
    cloud: Cloud = Cloud.WORLDWIDE
    mailbox: str = MAILBOX


CASES = [
    Case("delegated v1, healthy (signed)", signed_user, Status.PASS, None),
    Case("app-only v1, healthy (signed)", signed_app, Status.PASS, None),
    Case(
        "delegated v2, healthy",
        lambda lab: shaped(
            aud="00000002-0000-0ff1-ce00-000000000000",
            iss=f"https://login.microsoftonline.com/{TENANT}/v2.0",
            preferred_username=MAILBOX,
            azp=idp.CONNECTIVITY_APP,
            scp=" ".join(ALL_SCOPES),
            ver="2.0",
        ),
        Status.PASS,
        None,
    ),
    Case("app-only v2, healthy", lambda lab: v2_app(ALL_ROLES), Status.PASS, None),
    Case(
        "app-only without the IMAP and POP roles",
        lambda lab: v2_app(("SMTP.SendAsApp", "full_access_as_app")),
        Status.FAIL,
        "missing_role",
    ),
    Case("app-only with no roles at all", lambda lab: v2_app(()), Status.FAIL, "missing_role"),
    Case(
        "DoD resource in a DoD run",
        lambda lab: v1_user(
            aud="https://outlook-dod.office365.us",
            iss=f"https://login.microsoftonline.us/{idp.GOV_TENANT}/",
            tid=idp.GOV_TENANT,
            upn=GOV_MAILBOX,
        ),
        Status.PASS,
        None,
        Cloud.DOD,
        GOV_MAILBOX,
    ),
    Case(
        "GCC High resource in a DoD run (one US Government sign-in service)",
        lambda lab: v1_user(
            aud="https://outlook.office365.us", tid=idp.GOV_TENANT, upn=GOV_MAILBOX
        ),
        Status.PASS,
        None,
        Cloud.DOD,
        GOV_MAILBOX,
    ),
    Case(
        "21Vianet token in a worldwide run",
        lambda lab: v1_user(
            aud="https://partner.outlook.cn",
            iss=f"https://login.partner.microsoftonline.cn/{TENANT}/v2.0",
        ),
        Status.FAIL,
        "wrong_cloud",
    ),
    Case(
        "another user's token",
        lambda lab: v1_user(upn="user@contoso.test", unique_name="user@contoso.test"),
        Status.WARN,
        "other_user",
    ),
    Case(
        "a guest's token",
        lambda lab: v1_user(
            upn=None,
            unique_name="jo_fabrikam.com#EXT#@contoso.onmicrosoft.com",
            acct=1,
            idp="https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
        ),
        Status.FAIL,
        "guest_account",
    ),
    Case(
        "a personal Microsoft account's token",
        lambda lab: v1_user(
            tid=CONSUMER_TENANT_ID,
            upn=None,
            unique_name="live.com#jo@outlook.com",
            idp="live.com",
        ),
        Status.FAIL,
        "consumer_account",
    ),
    Case(
        "spaces inside",
        lambda lab: signed_user(lab)[:40] + " " + signed_user(lab)[40:],
        Status.FAIL,
        "spaces",
    ),
    Case(
        "cut off in the payload",
        lambda lab: ".".join(signed_user(lab).split(".")[:2])[:-30] + ".c2ln",
        Status.FAIL,
        "payload",
    ),
    Case(
        "opaque (a personal account's EwA...)",
        lambda lab: "EwBAAl3BAAUFFpUAo7J3Ve0b" * 8,
        Status.INFO,
        "opaque",
    ),
    Case(
        "encrypted (JWE)", lambda lab: "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", Status.INFO, "encrypted"
    ),
]


def _named(step: Step, cause: str | None) -> bool:
    claims = step.find("auth.token.claims")
    assert claims is not None
    if cause is None:
        return not [f for f in finding_keys(claims) if f != "expiring"]
    return cause in finding_keys(claims) or cause in claims.summary


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_engine_names_the_cause(lab: Lab, case: Case) -> None:
    token = case.token(lab)
    credential = given_token(token, ["imap", "pop", "smtp", "ews"], case.mailbox)
    result = run(lab, credential, ["auth"], cloud=case.cloud, email=case.mailbox)
    step = result.step("auth.token")
    assert step.status is case.status, (step.summary, [c.summary for c in step.children])
    assert _named(step, case.cause), [c.summary for c in step.children]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_cli_names_the_same_cause(lab: Lab, tmp_path: Path, case: Case) -> None:
    report = tmp_path / "report.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            case.mailbox,
            "--cloud",
            case.cloud.value,
            "--auth",
            "oauth-token",
            "--access-token-env",
            "CA_TEST_TOKEN",
            "--checks",
            "auth,imap,pop,smtp,ews",
            "--timeout",
            "2",
            "--json",
            str(report),
            *lab.cli_flags(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "CA_TEST_TOKEN": case.token(lab)},
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    step = load_json(report).find("auth.token")
    assert step is not None
    assert step.status is case.status, (step.summary, [c.summary for c in step.children])
    assert _named(step, case.cause), [c.summary for c in step.children]
    if case.token in (signed_user, signed_app):
        # The servers agree: the lab's IMAP, POP, SMTP and EWS signed in with the token.
        for step_id in ("imap.login.xoauth2", "pop.login.xoauth2", "smtp.auth.xoauth2"):
            login = load_json(report).find(step_id)
            assert login is not None and login.status is Status.PASS, (step_id, login)


def test_an_app_only_token_is_told_the_app_permission_steps_not_a_scope() -> None:
    from assistant.auth.jwt_claims import read_token
    from assistant.auth.token_diagnosis import Expectation, diagnose

    facts = read_token(v2_app(("full_access_as_app",)))
    [finding] = diagnose(
        facts,
        Expectation(
            Cloud.WORLDWIDE,
            ("imap", "ews"),
            app_only=facts.app_only,
            now=facts.issued or facts.expires,  # type: ignore[arg-type]
            tenant_id=TENANT,
            mailbox=MAILBOX,
        ),
    )
    assert finding.key == "missing_role" and "IMAP.AccessAsApp" in finding.cause
    for step in ("admin consent", "New-ServicePrincipal", "Add-MailboxPermission", MAILBOX):
        assert step in finding.fix, finding.fix
    assert "AccessAsUser" not in finding.fix and "delegated" not in finding.fix.lower()
