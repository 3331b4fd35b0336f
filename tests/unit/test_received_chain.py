"""The Received: chain as hops: real headers from Exchange Online, Postfix and Dovecot,
clock skew, unreadable dates, and hostile input (huge headers, thousands of them)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.policy.received_chain import (
    MAX_FIELD_CHARS,
    MAX_HEADERS,
    Hop,
    parse_chain,
    parse_date,
    parse_received,
    step_delay,
    timeline,
)

# As Exchange Online writes them (a message from outside, to a cloud mailbox), top first.
EXCHANGE_ONLINE = [
    "from BN8PR12MB3345.namprd12.prod.outlook.com (2603:10b6:408:40::18) by "
    "SA1PR12MB8920.namprd12.prod.outlook.com with HTTPS; Tue, 2 Jan 2024 10:00:04 +0000",
    "from BN9PR03CA0012.namprd03.prod.outlook.com (2603:10b6:408:fa::17) by\r\n"
    " BN8PR12MB3345.namprd12.prod.outlook.com (2603:10b6:408:40::18) with Microsoft SMTP\r\n"
    " Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id\r\n"
    " 15.20.7159.13; Tue, 2 Jan 2024 10:00:03 +0000",
    "from printer.contoso.com (203.0.113.5) by\r\n"
    " BN1PEPF0000468A.mail.protection.outlook.com (10.167.243.135) with Microsoft SMTP\r\n"
    " Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7159.9\r\n"
    " via Frontend Transport; Tue, 2 Jan 2024 10:00:01 +0000",
]
# Postfix relaying into Dovecot over LMTP (the lab's real MTA path), top first.
POSTFIX_DOVECOT = [
    "from mx.lab.test ([127.0.0.1])\r\n\tby mailstore.lab.test with LMTP\r\n\tid "
    "kJ2bAk7ZlGV3CgAAx8Wf5w\r\n\t(envelope-from <scanner@contoso.test>)\r\n\tfor "
    "<admin@contoso.test>; Tue, 02 Jan 2024 11:00:02 +0100",
    "from scanner.contoso.test (localhost [127.0.0.1])\r\n\tby mx.lab.test (Postfix) "
    "with ESMTP id 4T4Bq20Zs7z9sNB\r\n\tfor <admin@contoso.test>; Tue,  2 Jan 2024 "
    "10:00:01 +0000 (UTC)",
]


def test_exchange_online_hops_oldest_first_with_their_delays() -> None:
    chain = parse_chain(EXCHANGE_ONLINE)
    assert chain.dropped == 0
    first, middle, last = chain.hops
    assert first.from_host == "printer.contoso.com"
    assert first.from_ip == "203.0.113.5"
    assert first.by_host == "BN1PEPF0000468A.mail.protection.outlook.com"
    assert first.with_protocol.startswith("Microsoft SMTP Server (version=TLS1_2")
    assert first.id == "15.20.7159.9"
    assert middle.from_ip == "2603:10b6:408:fa::17"
    assert last.with_protocol == "HTTPS"
    delays = [t.delay_s for t in timeline(chain.hops)]
    assert delays == [None, 2.0, 1.0]


def test_postfix_and_dovecot_hops_across_time_zones() -> None:
    chain = parse_chain(POSTFIX_DOVECOT)
    postfix, dovecot = chain.hops
    assert (postfix.from_host, postfix.from_ip, postfix.by_host) == (
        "scanner.contoso.test",
        "127.0.0.1",
        "mx.lab.test",
    )
    assert postfix.with_protocol == "ESMTP"
    assert postfix.id == "4T4Bq20Zs7z9sNB"
    assert (dovecot.by_host, dovecot.with_protocol, dovecot.from_ip) == (
        "mailstore.lab.test",
        "LMTP",
        "127.0.0.1",
    )
    # 11:00:02 +0100 is 10:00:02 UTC: one second after Postfix, not an hour.
    sent = postfix.at - 0.5  # type: ignore[operator]
    assert [t.delay_s for t in timeline(chain.hops, start=sent)] == [0.5, 1.0]


def test_a_hop_earlier_than_the_one_before_is_skew_never_negative() -> None:
    later = "from a by b with ESMTP; Tue, 2 Jan 2024 10:00:10 +0000"
    earlier = "from b by c with LMTP; Tue, 2 Jan 2024 10:00:07 +0000"
    last = "from c by d with LMTP; Tue, 2 Jan 2024 10:00:12 +0000"
    hops = parse_chain([last, earlier, later]).hops
    timed = timeline(hops)
    assert [(t.delay_s, t.skew) for t in timed] == [(None, False), (0.0, True), (2.0, False)]
    # A send time after the first hop (this computer's clock is ahead): skew as well.
    first = timeline(hops, start=hops[0].at + 30)[0]  # type: ignore[operator]
    assert (first.delay_s, first.skew) == (0.0, True)
    assert step_delay(None, 5.0) == (None, False)
    # Under a second earlier is the dates' whole seconds, not skew.
    assert step_delay(10.6, 10.0) == (0.0, False)
    assert step_delay(11.0, 10.0) == (0.0, True)


def test_a_hop_without_a_readable_date_has_no_time_and_the_next_measures_past_it() -> None:
    hops = parse_chain(
        [
            "from c by d; Tue, 2 Jan 2024 10:00:09 +0000",
            "from b by c; yesterday-ish",
            "from a by b with SMTP",
            "from z by a; Tue, 2 Jan 2024 10:00:04 +0000",
        ]
    ).hops
    assert [h.at is None for h in hops] == [False, True, True, False]
    assert [t.delay_s for t in timeline(hops)] == [None, None, None, 5.0]
    assert hops[1].with_protocol == "SMTP"


def test_junk_dates_are_no_time() -> None:
    for text in (
        "",
        "not a date",
        "Tue, 2 Jan 99999 10:00:00 +0000",
        "Tue, 32 Jan 2024 10:00:00 +0000",
        "Tue, 2 Jan 2024 25:61:00 +0000",
        "Mon, 1 Jan 1900 00:00:00 +0000",
        "Tue, 2 Jan 2024 10:00:00 +9999",
        "x" * 10_000,
    ):
        assert parse_date(text) is None, text
    assert parse_date("Tue, 2 Jan 2024 10:00:00 -0000") == 1704189600.0


def test_ten_thousand_headers_keep_the_newest_and_say_how_many_were_dropped() -> None:
    values = [
        f"from h{i} by h{i + 1} with ESMTP; Tue, 2 Jan 2024 10:00:00 +0000" for i in range(10_000)
    ]
    chain = parse_chain(values)
    assert len(chain.hops) == MAX_HEADERS
    assert chain.dropped == 10_000 - MAX_HEADERS
    assert chain.hops[-1].from_host == "h0"  # the top header (newest) is the last hop


def test_a_megabyte_header_is_cut_and_its_fields_bounded() -> None:
    huge = "from " + "a" * 1_000_000 + " by " + "(" * 500_000 + "b"
    hop = parse_received(huge)
    assert len(hop.from_host) <= MAX_FIELD_CHARS
    assert hop.by_host == ""
    words = parse_received(
        "from x by y with " + "w " * 500_000 + "; Tue, 2 Jan 2024 10:00:00 +0000"
    )
    assert len(words.with_protocol) <= MAX_FIELD_CHARS
    assert words.at is None  # the date is beyond the part that is read


def test_a_forged_second_from_clause_does_not_replace_the_first() -> None:
    hop = parse_received("from real.example ([192.0.2.1]) by mx from forged.example; x")
    assert hop.from_host == "real.example"
    assert hop.from_ip == "192.0.2.1"


@given(st.lists(st.text(max_size=300), max_size=40), st.floats(allow_nan=False) | st.none())
def test_any_input_gives_hops_and_no_negative_delay(values: list[str], start: float | None) -> None:
    chain = parse_chain(values)
    assert len(chain.hops) == min(len(values), MAX_HEADERS)
    for timed in timeline(chain.hops, start):
        assert timed.delay_s is None or timed.delay_s >= 0
        assert len(timed.hop.from_host) <= MAX_FIELD_CHARS


def hop_at(at: float) -> Hop:
    return Hop("a.example", "", "b.example", "ESMTP", "", at, "")


def test_the_first_server_may_read_up_to_two_seconds_before_our_send_time_without_skew() -> None:
    # The server dates the message while receiving it, in whole seconds; our send time is
    # the DATA reply's, with fractions: 1.9 s "earlier" is the same moment, 2.5 s is not.
    def first(at: float, start: float) -> tuple[float | None, bool]:
        timed = timeline([hop_at(at), hop_at(at)], start=start)
        return timed[0].delay_s, timed[0].skew

    assert first(100.0, 101.9) == (0.0, False)
    assert first(100.0, 102.5) == (0.0, True)
    # Between two servers' whole-second dates the margin stays one second.
    later = timeline([hop_at(100.0), hop_at(98.5)], start=None)
    assert later[1].skew
