"""Fuzzing the parsers of header-like text from servers and users: WWW-Authenticate
challenges, `Received:` and `Authentication-Results:` headers, the reply explainer,
`--connect-to` rules and the redaction patterns.

The contract for each: nothing but the documented error leaves it, what it returns is
bounded by what it was given (or by its caps), and where it can be checked it is
idempotent or round-trips.
"""

from __future__ import annotations

import base64
import math

import pytest
from fuzz_support import FUZZ, hostile_text, mutated, mutations, ran, text_size
from hypothesis import assume, example, given
from hypothesis import strategies as st

from assistant.checks.mail.replies import explain_reply
from assistant.config import ConnectTo, InputError
from assistant.net.challenge import (
    MAX_CHALLENGES,
    MAX_HEADER_CHARS,
    MAX_PARAMS,
    offered_schemes,
    parse_challenges,
)
from assistant.net.redact import MASK, Redactor
from assistant.policy.auth_results import describe, merged, parse_antispam, parse_results
from assistant.policy.received_chain import (
    MAX_FIELD_CHARS,
    MAX_HEADERS,
    parse_chain,
    timeline,
)

CHALLENGE_PIECES = st.sampled_from(
    [
        "Bearer",
        "Basic",
        "NTLM",
        "Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEF==",
        " ",
        ", ",
        ",",
        'realm="contoso"',
        'authorization_uri="https://login.test/x/oauth2"',
        'error="invalid_token"',
        "error=insufficient_scope",
        'trusted_issuers="a@t,b@t"',
        '"',
        '\\"',
        "\\",
        "=",
        "==",
        'x="unterminated',
        "client_id=00000002-0000",
        "\t",
    ]
)
RECEIVED_PIECES = st.sampled_from(
    [
        "from ",
        "by ",
        "with ",
        "id ",
        "for ",
        "via ",
        "mail.contoso.test",
        "[192.0.2.1]",
        "(",
        ")",
        "(mail.contoso.test [192.0.2.7])",
        "(version=TLS1_2, cipher=x)",
        "ESMTPS",
        "Microsoft SMTP Server",
        "; ",
        ";",
        "Mon, 7 Dec 2026 20:10:00 +0000",
        "Mon, 7 Dec 99999 99:99:99 +9999",
        "\r\n\t",
        "\r\n ",
        "\\(",
        "[IPv6:::1]",
    ]
)
AUTH_PIECES = st.sampled_from(
    [
        "mx.contoso.test",
        "; ",
        ";",
        "spf=pass",
        "dkim=fail",
        "dmarc=bestguesspass",
        "compauth=fail reason=601",
        "action=none",
        "header.from=contoso.test",
        "smtp.mailfrom=a@b",
        "(",
        ")",
        "(sender ip is 192.0.2.1)",
        '"',
        "dkim/1=pass",
        "=",
        "1",
        "none",
        "\r\n ",
        " ",
    ]
)
REPLY_PIECES = st.sampled_from(
    [
        "535 5.7.3 Authentication unsuccessful",
        "535 5.7.139 ",
        "550 5.7.1 ",
        "421 4.7.0 ",
        "a1 NO [AUTHENTICATIONFAILED] ",
        "* BYE ",
        "-ERR ",
        "+OK ",
        "AUTH=",
        "LOGIN failed",
        "SmtpClientAuthentication is disabled",
        "BasicAuthBlocked",
        " ",
        "\r\n",
        "5",
        "a1 ",
    ]
)
PROTOCOLS = st.sampled_from(["smtp", "imap", "pop", "SMTP", "", "x"])


@FUZZ
@given(st.lists(st.one_of(st.text(), hostile_text(CHALLENGE_PIECES, max_pieces=80)), max_size=4))
@example(["Bearer " + ", ".join(f"p{i}=v" for i in range(1000))])
@example([", ".join(["Basic"] * 1000)])
@example(['Bearer realm="' + "\\" * 100_001])
def test_challenges_are_capped_and_never_raise(values: list[str]) -> None:
    ran("challenge")
    found = parse_challenges(values)
    assert len(found) <= MAX_CHALLENGES
    assert all(len(c.params) <= MAX_PARAMS for c in found)
    # Everything read is a piece of the header (escapes only shorten it), after the cap.
    assert text_size([c.to_dict() for c in found]) <= sum(
        min(len(v), MAX_HEADER_CHARS) for v in values
    ) + 20 * len(found)
    for challenge in found:
        for name in challenge.params:
            assert challenge.param(name.upper()) == challenge.params[name]
    assert len(offered_schemes(found)) <= len(found)


@FUZZ
@given(
    st.lists(st.one_of(st.text(), hostile_text(RECEIVED_PIECES, max_pieces=60)), max_size=80),
    st.floats(0, 4e9) | st.none(),  # `start`: our own clock's send time
)
@example(["from (" * 10_000 + "x" + ")" * 10_000], None)
@example(["from a by b; Mon, 7 Dec 2026 20:10:00 +0000"] * 100, 0.0)
def test_received_chain_is_bounded(values: list[str], start: float | None) -> None:
    ran("received")
    chain = parse_chain(values)
    assert len(chain.hops) == min(len(values), MAX_HEADERS)
    assert chain.dropped == max(0, len(values) - MAX_HEADERS)
    for hop in chain.hops:
        for field in (hop.from_host, hop.from_ip, hop.by_host, hop.id, hop.date_text):
            assert len(field) <= MAX_FIELD_CHARS
        assert hop.at is None or math.isfinite(hop.at)
        assert isinstance(hop.sender, str)
    timed = timeline(chain.hops, start)
    assert len(timed) == len(chain.hops)
    assert all(t.delay_s is None or (math.isfinite(t.delay_s) and t.delay_s >= 0) for t in timed)


@FUZZ
@given(
    st.lists(st.one_of(st.text(), hostile_text(AUTH_PIECES, max_pieces=80)), max_size=4),
    st.text(max_size=200),
    st.text(max_size=50),
)
@example(["x; " + "spf=pass; " * 5000], "SFV:SPM;" * 1000, "9" * 5000)
@example(["x; dkim=pass (" + "(" * 10_000], "", "-1")
def test_auth_results_are_bounded(values: list[str], forefront: str, scl: str) -> None:
    ran("auth_results")
    for value in values:
        parsed = parse_results(value)
        assert text_size(parsed) <= 2 * len(value) + 100
        describe(parsed)
    merged(values)
    verdict = parse_antispam(forefront, forefront, scl)
    assert verdict.spam in (True, False)
    verdict.sfv_meaning  # noqa: B018 - reading it must not raise


@FUZZ
@given(PROTOCOLS, st.one_of(st.text(), hostile_text(REPLY_PIECES)), st.booleans())
@example("smtp", "535 5.7.139 " + "x" * 1_000_000, True)
def test_reply_explainer_never_raises(protocol: str, reply: str, cloud: bool) -> None:
    ran("mail_replies")
    meaning = explain_reply(protocol, reply, cloud=cloud)
    if meaning is not None:
        assert len(meaning.cause) + len(meaning.remedy) <= 2 * len(reply) + 2_000


# --connect-to --------------------------------------------------------------------------

hosts = st.one_of(
    st.sampled_from(
        [
            "mail.contoso.test",
            "MAIL.Contoso.Test.",
            "bücher.test",
            "xn--bcher-kva.test",
            "10.0.0.5",
            "[::1]",
            "[2001:db8::1]",
            "[fe80::1%eth0]",
            "ſtraße.test",
            "ｍａｉｌ.test",
            "a" * 64 + ".test",
            "-x.test",
            "a..b",
            "[",
            "]",
            "[]",
            "*",
            "%",
            " ",
            "1.2.3.4.5",
        ]
    ),
    st.text(max_size=20),
)
ports = st.one_of(
    st.integers(0, 70_000).map(str), st.sampled_from(["", "08", "²", "٣", "+1", " 25", "1e3"])
)
rules = st.one_of(
    st.builds(lambda a, p, b, q: f"{a}:{p}:{b}:{q}", hosts, ports, hosts, ports),
    hostile_text(st.sampled_from(["mail.contoso.test", ":", "443", "[::1]", "[", "]"])),
    st.text(),
)


@FUZZ
@given(rules)
@example("[::1]:443:[::1]:443")
@example("[" * 5000 + ":1:a:2")
@example("a:1:b:2:" + ":" * 100_000)
def test_connect_to_round_trips(rule: str) -> None:
    ran("connect_to")
    try:
        parsed = ConnectTo.parse(rule)
    except InputError as exc:
        assert str(exc)
        return
    assert ConnectTo.parse(str(parsed)) == parsed
    assert 0 < parsed.source.port < 65536 and 0 < parsed.dest.port < 65536
    assert len(str(parsed)) <= 4 * len(rule) + 20


# Redaction -----------------------------------------------------------------------------

SECRET_SHAPES = st.sampled_from(
    [
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
        "Authorization: Basic YWRlbGU6cGFzc3dvcmQ=",
        "Cookie: session=abc123; x=1",
        "password=hunter2&user=a",
        '"client_secret": "s3cr3t-value"',
        "a1 LOGIN adele pw",
        "PASS letmein",
        "AUTH PLAIN AGFkZWxlAHBhc3N3b3Jk",
        "access_token=abc.def.ghi",
        "    12 ms > ",
        "    12 ms < ",
        "\r\n",
        "\n",
        " ",
        MASK,
        "«",
        "»",
        "code=",
        '"code": 250',
    ]
)
secrets = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="«»"),
    min_size=4,
    max_size=40,
).filter(lambda s: s not in MASK and s.strip() == s and len(s.strip()) >= 4)


@FUZZ
@given(st.one_of(st.text(), hostile_text(SECRET_SHAPES, max_pieces=60)), mutations)
@example("Authorization: Bearer " + "a" * 100_000, [])
@example("password=" * 20_000, [])
# Found by fuzzing: the JSON key became one only once the token before it was masked.
@example('BEARER 0000000000000000"CODE"::', [])
def test_redaction_is_idempotent_and_linear(text: str, edits: list[tuple[int, str]]) -> None:
    ran("redaction")
    text = mutated(text, edits)
    redact = Redactor()
    once = redact(text)
    assert redact(once) == once
    assert len(once) <= len(MASK) * len(text) + len(MASK)


@FUZZ
@given(
    secrets,
    st.lists(st.one_of(st.text(max_size=30), SECRET_SHAPES), max_size=8),
    st.sampled_from(["plain", "base64", "both"]),
)
@example("pässwörd€", ["PASS ", "\r\n"], "both")
def test_a_known_secret_never_survives(secret: str, around: list[str], form: str) -> None:
    ran("redaction")
    b64 = base64.b64encode(secret.encode()).decode()
    shown = {"plain": [secret], "base64": [b64], "both": [secret, b64]}[form]
    text = " ".join(around[: len(around) // 2] + shown + around[len(around) // 2 :])
    redacted = Redactor([secret], usernames=["adele@contoso.test"])(text)
    assume(secret not in "".join(around))  # a secret made of the filler is still masked
    assert secret not in redacted
    assert b64 not in redacted
    assert Redactor([secret])(redacted) == redacted


def test_the_strategies_reach_the_error_paths() -> None:
    """A fuzz test that never produced a rule the parser refuses would prove little."""
    with pytest.raises(InputError):
        ConnectTo.parse("[" * 10 + ":1:a:2")
