"""WWW-Authenticate as real servers send it, and whom a Bearer challenge trusts.

The parser is a table over header shapes seen in the wild (Exchange Server, Exchange
Online, SharePoint Online and Server, IIS, proxies) and broken ones; the Bearer verdicts
are a table over what Exchange and SharePoint say against the domain's tenant.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from assistant.checks.policy.bearer_trust import (
    Trust,
    exchange_trust,
    read_bearer,
    sharepoint_trust,
)
from assistant.facts import ENTRA_STS_PRINCIPAL, EXCHANGE_APP_ID, SHAREPOINT_APP_ID
from assistant.model import Status
from assistant.net.challenge import (
    MAX_CHALLENGES,
    MAX_HEADER_CHARS,
    MAX_PARAMS,
    Challenge,
    offered_schemes,
    parse_challenges,
)

TENANT = "5f1c6a0e-7d2b-4c8e-9a31-c0a7e57c0de1"
OTHER = "0d4f8b2a-6c1e-4a9d-b7e3-f4b1c2a9e8d6"
SPO_REALM = "90140122-8516-11e1-8eff-49304924019b"
AUTHORIZE = "https://login.microsoftonline.com/common/oauth2/authorize"

# Exchange Server SE with hybrid modern authentication (one header per scheme, as IIS sends).
EXCHANGE_BEARER = (
    f'Bearer client_id="{EXCHANGE_APP_ID}", '
    f'trusted_issuers="{ENTRA_STS_PRINCIPAL}@{TENANT}", '
    'token_types="app_asserted_user_v1 service_asserted_app_v1", '
    f'authorization_uri="{AUTHORIZE}"'
)
# Exchange Online's EWS: any tenant, and an error parameter.
EXO_BEARER = (
    f'Bearer client_id="{EXCHANGE_APP_ID}", trusted_issuers="{ENTRA_STS_PRINCIPAL}@*", '
    'token_types="app_asserted_user_v1 service_asserted_app_v1", '
    'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", '
    'error="invalid_token"'
)
# SharePoint Online: no spaces after the commas, and commas inside trusted_issuers.
SPO_BEARER = (
    f'Bearer realm="{TENANT}",client_id="{SHAREPOINT_APP_ID}",'
    f'trusted_issuers="{ENTRA_STS_PRINCIPAL}@*,https://sts.windows.net/*/,'
    f'{SHAREPOINT_APP_ID}@{SPO_REALM}",'
    'authorization_uri="https://login.windows.net/common/oauth2/authorize"'
)


def _bearer(challenges: list[Challenge]) -> Challenge:
    return next(c for c in challenges if c.scheme == "Bearer")


# (header values, schemes offered, params of the Bearer challenge or None, token68 of the
#  first challenge)
CASES: list[tuple[str, list[str], list[str], dict[str, str] | None, str | None]] = [
    (
        "exchange: one header per scheme",
        ["Negotiate", "NTLM", EXCHANGE_BEARER],
        ["Negotiate", "NTLM", "Bearer"],
        {
            "client_id": EXCHANGE_APP_ID,
            "trusted_issuers": f"{ENTRA_STS_PRINCIPAL}@{TENANT}",
            "token_types": "app_asserted_user_v1 service_asserted_app_v1",
            "authorization_uri": AUTHORIZE,
        },
        None,
    ),
    (
        "several schemes in one header",
        [f'Negotiate, NTLM, {EXCHANGE_BEARER}, Basic realm="mail.contoso.com"'],
        ["Negotiate", "NTLM", "Bearer", "Basic"],
        {
            "client_id": EXCHANGE_APP_ID,
            "trusted_issuers": f"{ENTRA_STS_PRINCIPAL}@{TENANT}",
            "token_types": "app_asserted_user_v1 service_asserted_app_v1",
            "authorization_uri": AUTHORIZE,
        },
        None,
    ),
    (
        "exchange online: Basic Realm with a capital R and an empty value",
        [EXO_BEARER, 'Basic Realm=""'],
        ["Bearer", "Basic"],
        {
            "client_id": EXCHANGE_APP_ID,
            "trusted_issuers": f"{ENTRA_STS_PRINCIPAL}@*",
            "token_types": "app_asserted_user_v1 service_asserted_app_v1",
            "authorization_uri": AUTHORIZE,
            "error": "invalid_token",
        },
        None,
    ),
    (
        "sharepoint online: quoted commas inside trusted_issuers, no spaces",
        [SPO_BEARER],
        ["Bearer"],
        {
            "realm": TENANT,
            "client_id": SHAREPOINT_APP_ID,
            "trusted_issuers": f"{ENTRA_STS_PRINCIPAL}@*,https://sts.windows.net/*/,"
            f"{SHAREPOINT_APP_ID}@{SPO_REALM}",
            "authorization_uri": "https://login.windows.net/common/oauth2/authorize",
        },
        None,
    ),
    (
        "sharepoint server: NTLM and Bearer in separate headers",
        ["NTLM", f'Bearer realm="{TENANT}",client_id="{SHAREPOINT_APP_ID}"', "Negotiate"],
        ["NTLM", "Bearer", "Negotiate"],
        {"realm": TENANT, "client_id": SHAREPOINT_APP_ID},
        None,
    ),
    (
        "token68 Negotiate with padding, then more schemes",
        ['Negotiate oYIBBzCCAQOgAwoBAaEMBgorBgEEAYI3AgIKooHtBIHq==, Basic realm="a, b", NTLM'],
        ["Negotiate", "Basic", "NTLM"],
        None,
        "oYIBBzCCAQOgAwoBAaEMBgorBgEEAYI3AgIKooHtBIHq==",
    ),
    (
        "token68 without padding",
        ["Negotiate YIIGhgYGKwYBBQUC"],
        ["Negotiate"],
        None,
        "YIIGhgYGKwYBBQUC",
    ),
    (
        "broken quoting: a quote that never closes ends at the next comma",
        [f'Bearer realm="{TENANT}, client_id="{SHAREPOINT_APP_ID}, NTLM'],
        ["Bearer", "NTLM"],
        {"realm": TENANT, "client_id": SHAREPOINT_APP_ID},
        None,
    ),
    (
        "broken: parameters without the comma between them",
        [f'Bearer realm="{TENANT}" client_id="{SHAREPOINT_APP_ID}"'],
        ["Bearer"],
        {"realm": TENANT, "client_id": SHAREPOINT_APP_ID},
        None,
    ),
    (
        "escaped quotes inside a quoted value, spaces around '='",
        ['Bearer realm = "say \\"hi\\", then go" , error=invalid_token'],
        ["Bearer"],
        {"realm": 'say "hi", then go', "error": "invalid_token"},
        None,
    ),
    (
        "a repeated parameter: the first one counts",
        [f'Bearer realm="{TENANT}", realm="{OTHER}"'],
        ["Bearer"],
        {"realm": TENANT},
        None,
    ),
    (
        "lower-case scheme names, empty list elements",
        [" , ,bearer realm=x,, ntlm ,", ""],
        ["Bearer", "NTLM"],
        None,
        None,
    ),
    ("empty header", [""], [], None, None),
    ("no header at all", [], [], None, None),
    (
        "garbage before a challenge is skipped, not guessed at",
        ['"quoted, junk" ; <html>, NTLM'],
        ["NTLM"],
        None,
        None,
    ),
    (
        "a parameter with no challenge before it is dropped",
        ['realm="x", Basic realm="y"'],
        ["Basic"],
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("headers", "schemes", "bearer", "token68"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_challenge_shapes(
    headers: list[str],
    schemes: list[str],
    bearer: dict[str, str] | None,
    token68: str | None,
) -> None:
    challenges = parse_challenges(headers)
    assert offered_schemes(challenges) == schemes
    if bearer is not None:
        assert _bearer(challenges).params == bearer
    if challenges:
        assert challenges[0].token68 == token68


def test_lower_case_bearer_is_read_as_bearer() -> None:
    reading = read_bearer(parse_challenges(["bearer realm=x, client_id=y"]))
    assert reading.present and (reading.realm, reading.client_id) == ("x", "y")


# A hostile server writes the header. CPU time of N and 4N characters against each other
# (a ratio, not a wall-clock bound, as in test_redact.py): linear gives ~4, quadratic ~16.
HOSTILE: dict[str, Callable[[int], str]] = {
    "a quote that never closes, full of escapes": lambda n: 'Bearer realm="' + '\\"' * (n // 2),
    "quotes": lambda n: '"' * n,
    "an open quote, then escaped quotes": lambda n: '"' + '\\"' * (n // 2),
    "escaped quotes after an open quote": lambda n: '"\\"' * (n // 3),
    "commas": lambda n: "," * n,
    "parameters": lambda n: "a=" * (n // 2),
    "quoted parameters that never close": lambda n: 'a="x, ' * (n // 6),
    "a long token": lambda n: "Basic " + "x" * n,
    "a long token68": lambda n: "Negotiate " + "A" * n + "==",
    "a long quoted value with commas": lambda n: 'Bearer realm="' + "a," * (n // 2) + '"',
    "spaces": lambda n: " " * n + "x",
}


def cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the least of three: another process on the CPU only adds time
        started = time.process_time()
        parse_challenges([text])
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("make", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_header_is_read_in_linear_time(make: Callable[[int], str]) -> None:
    n = MAX_HEADER_CHARS // 4  # 4n is a whole 64 KiB header, the most that is read
    small, large = cpu_seconds(make(n)), cpu_seconds(make(4 * n))
    assert large / max(small, 0.002) < 8, (small, large)


def test_counts_are_capped() -> None:
    many = parse_challenges([", ".join(f"S{i}" for i in range(1000))] * 5)
    assert len(many) == MAX_CHALLENGES
    params = ", ".join(f"p{i}=v" for i in range(1000))
    (one,) = parse_challenges([f"Bearer {params}"])
    assert len(one.params) == MAX_PARAMS


def test_the_header_text_is_capped() -> None:
    # Whatever lies past 64 KiB of one header value is not read.
    (basic,) = parse_challenges(["Basic realm=x," + " " * 70_000 + "NTLM"])
    assert basic.scheme == "Basic"


# -- whom the Bearer challenge trusts ------------------------------------------------------


def _reading(header: str | None) -> object:
    return read_bearer(parse_challenges([] if header is None else ["NTLM", header]))


def _exchange(issuers: str, client_id: str = EXCHANGE_APP_ID) -> str:
    return f'Bearer client_id="{client_id}", trusted_issuers="{issuers}"'


EXCHANGE_CASES = [
    ("healthy", _exchange(f"{ENTRA_STS_PRINCIPAL}@{TENANT}"), TENANT, Trust.TRUSTED, Status.PASS),
    (
        "tenant among several issuers, upper case",
        _exchange(f"https://sts.contoso.com/adfs,{ENTRA_STS_PRINCIPAL}@{TENANT.upper()}"),
        TENANT,
        Trust.TRUSTED,
        Status.PASS,
    ),
    ("no Bearer at all", None, TENANT, Trust.NO_BEARER, Status.FAIL),
    (
        "another tenant",
        _exchange(f"{ENTRA_STS_PRINCIPAL}@{OTHER}"),
        TENANT,
        Trust.OTHER_TENANT,
        Status.FAIL,
    ),
    (
        "not Exchange's app id",
        _exchange(f"{ENTRA_STS_PRINCIPAL}@{TENANT}", SHAREPOINT_APP_ID),
        TENANT,
        Trust.WRONG_CLIENT,
        Status.FAIL,
    ),
    (
        "no client_id",
        f'Bearer trusted_issuers="{ENTRA_STS_PRINCIPAL}@{TENANT}"',
        TENANT,
        Trust.WRONG_CLIENT,
        Status.FAIL,
    ),
    (
        "no trusted_issuers",
        f'Bearer client_id="{EXCHANGE_APP_ID}"',
        TENANT,
        Trust.NO_ISSUERS,
        Status.FAIL,
    ),
    ("empty trusted_issuers", _exchange(" , "), TENANT, Trust.NO_ISSUERS, Status.FAIL),
    (
        "issuers but no Entra ID tenant",
        _exchange("https://sts.contoso.com/adfs/services/trust"),
        TENANT,
        Trust.NO_ENTRA_ISSUER,
        Status.FAIL,
    ),
    (
        "the domain is no tenant's",
        _exchange(f"{ENTRA_STS_PRINCIPAL}@{TENANT}"),
        None,
        Trust.NO_TENANT,
        Status.INFO,
    ),
    ("no tenant, no Bearer: nothing expected", None, None, Trust.NO_TENANT, Status.INFO),
    (
        "Exchange Online's any-tenant form",
        _exchange(f"{ENTRA_STS_PRINCIPAL}@*"),
        TENANT,
        Trust.ANY_TENANT,
        Status.INFO,
    ),
]


@pytest.mark.parametrize(
    ("header", "tenant", "key", "status"),
    [c[1:] for c in EXCHANGE_CASES],
    ids=[c[0] for c in EXCHANGE_CASES],
)
def test_exchange_trust(header: str | None, tenant: str | None, key: Trust, status: Status) -> None:
    verdict = exchange_trust(
        read_bearer(parse_challenges(["NTLM", header] if header else ["NTLM"])), tenant
    )
    assert (verdict.key, verdict.status) == (key, status)
    assert (verdict.remedy is not None) == status.is_problem


def test_the_exchange_verdicts_say_what_breaks_and_what_to_run() -> None:
    missing = exchange_trust(read_bearer(parse_challenges(["NTLM"])), TENANT)
    assert "Teams calendar" in missing.summary and "Skype for Business" in missing.summary
    assert missing.remedy is not None
    for command in (
        "Hybrid Configuration Wizard",
        "New-AuthServer",
        "Set-AuthServer",
        "New-PartnerApplication",
    ):
        assert command in missing.remedy.text
    other = exchange_trust(
        read_bearer(parse_challenges([_exchange(f"{ENTRA_STS_PRINCIPAL}@{OTHER}")])), TENANT
    )
    assert OTHER in other.summary and TENANT in other.summary
    assert other.remedy is not None and TENANT in other.remedy.text


def _sharepoint(realm: str | None, client_id: str = SHAREPOINT_APP_ID) -> str:
    parts = [f'client_id="{client_id}"']
    if realm is not None:
        parts.insert(0, f'realm="{realm}"')
    return "Bearer " + ",".join(parts)


SHAREPOINT_CASES = [
    ("online, this tenant", SPO_BEARER, TENANT, True, Trust.TRUSTED, Status.PASS),
    ("server, this tenant", _sharepoint(TENANT), TENANT, False, Trust.TRUSTED, Status.PASS),
    ("online, another tenant", _sharepoint(OTHER), TENANT, True, Trust.OTHER_TENANT, Status.FAIL),
    ("server, its own realm", _sharepoint(OTHER), TENANT, False, Trust.OTHER_TENANT, Status.FAIL),
    ("no Bearer", None, TENANT, False, Trust.NO_BEARER, Status.FAIL),
    (
        "not SharePoint",
        _sharepoint(TENANT, EXCHANGE_APP_ID),
        TENANT,
        True,
        Trust.WRONG_CLIENT,
        Status.FAIL,
    ),
    ("no realm", _sharepoint(None), TENANT, False, Trust.NO_REALM, Status.FAIL),
    ("no tenant to compare", _sharepoint(TENANT), None, False, Trust.NO_TENANT, Status.INFO),
    ("no tenant, no Bearer", None, None, False, Trust.NO_TENANT, Status.INFO),
]


@pytest.mark.parametrize(
    ("header", "tenant", "online", "key", "status"),
    [c[1:] for c in SHAREPOINT_CASES],
    ids=[c[0] for c in SHAREPOINT_CASES],
)
def test_sharepoint_trust(
    header: str | None, tenant: str | None, online: bool, key: Trust, status: Status
) -> None:
    reading = read_bearer(parse_challenges(["NTLM", header] if header else ["NTLM"]))
    verdict = sharepoint_trust(reading, tenant, online=online)
    assert (verdict.key, verdict.status) == (key, status)
    assert (verdict.remedy is not None) == status.is_problem


def test_the_sharepoint_server_realm_remedy_names_the_tenant() -> None:
    verdict = sharepoint_trust(
        read_bearer(parse_challenges([_sharepoint(OTHER)])), TENANT, online=False
    )
    assert verdict.remedy is not None
    assert f"Set-SPAuthenticationRealm -Realm {TENANT}" in verdict.remedy.text


def test_reading_is_bounded() -> None:
    issuers = ",".join(f"{ENTRA_STS_PRINCIPAL}@{i}" for i in range(10_000))
    reading = read_bearer(parse_challenges([_exchange(issuers + "," + "x" * 5000)]))
    assert len(reading.issuers) <= 64
    assert all(len(i) <= 201 for i in reading.issuers)  # 200 and the '…' that says so
