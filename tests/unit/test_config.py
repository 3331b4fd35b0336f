"""Parsing what the user typed: targets, clouds, nameservers, --connect-to, network options."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.config import (
    ConnectTo,
    HostPort,
    InputError,
    NetworkOptions,
    Target,
    check_sign_in_name,
    has_control_character,
    parse_cloud,
    parse_nameserver,
)
from assistant.facts import Cloud

# -- Target -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "domain", "email"),
    [
        ("user@contoso.com", "contoso.com", "user@contoso.com"),
        ("  user@contoso.com \n", "contoso.com", "user@contoso.com"),
        ("contoso.com", "contoso.com", None),
        ("Contoso.COM", "contoso.com", None),
        ("First.Last@Contoso.COM", "contoso.com", "First.Last@contoso.com"),
        ("contoso.com.", "contoso.com", None),
        ("user@contoso.com.", "contoso.com", "user@contoso.com"),
        ("müller.de", "xn--mller-kva.de", None),
        ("MÜLLER.de", "xn--mller-kva.de", None),
        ("jörg@müller.de", "xn--mller-kva.de", "jörg@xn--mller-kva.de"),
        ("xn--mller-kva.de", "xn--mller-kva.de", None),
        ("mail.sub.contoso.co.uk", "mail.sub.contoso.co.uk", None),
        ("a+tag@contoso.com", "contoso.com", "a+tag@contoso.com"),
    ],
)
def test_target_parse_accepts(text: str, domain: str, email: str | None) -> None:
    target = Target.parse(text)
    assert target.domain == domain
    assert target.email == email
    assert target.cloud is Cloud.WORLDWIDE


def test_target_keeps_the_unicode_form_for_display() -> None:
    target = Target.parse("user@müller.de")
    assert target.domain_unicode == "müller.de"
    assert Target.parse("contoso.com").domain_unicode == "contoso.com"
    assert target.to_dict() == {
        "email": "user@xn--mller-kva.de",
        "domain": "xn--mller-kva.de",
        "domain_unicode": "müller.de",
        "cloud": "worldwide",
    }


def test_target_carries_the_cloud() -> None:
    target = Target.parse("contoso.cn", Cloud.CHINA)
    assert target.cloud is Cloud.CHINA
    assert target.environment.cloud is Cloud.CHINA


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "enter an email address or a domain"),
        ("   ", "enter an email address or a domain"),
        ("a b@c.com", "before @"),
        ("@x.com", "before @"),
        ("x@", "domain is empty"),
        ("x@@y.com", "not a valid email address"),
        (".x@y.com", "before @"),
        ("x..y@z.com", "before @"),
        ("localhost", "not a full domain name"),
        ("user@localhost", "not a full domain name"),
        ("1.2.3.4", "looks like an IP address"),
        ("a" * 64 + ".com", "not a valid domain name"),
        ("-bad.com", "not a valid domain name"),
        ("bad-.com", "not a valid domain name"),
        ("a..b.com", "not a valid domain name"),
        ("a_b.com", "not a valid domain name"),
        ("x@[1.2.3.4]", "not a valid domain name"),
        ("🙂.com", "not a valid domain name"),
        (("a" * 60 + ".") * 5 + "com", "not a valid domain name"),
    ],
)
def test_target_parse_refuses_with_a_useful_message(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words) as info:
        Target.parse(text)
    message = str(info.value)
    assert "\n" not in message
    if text.strip():
        # The user sees what they typed (or its domain part) in the message.
        assert text.strip().rpartition("@")[2] in message or text.strip() in message


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=40)
    | st.text(alphabet="aZü-.@ 1_[]:\u3002\uff0e\x00", max_size=20)
    | st.from_regex(r"[a-z0-9.@-]{0,20}", fullmatch=True)
)
def test_target_parse_raises_nothing_but_input_error(text: str) -> None:
    try:
        target = Target.parse(text)
    except InputError as exc:
        assert str(exc)
    else:
        assert target.domain == target.domain.lower()
        assert target.domain.isascii()
        assert "." in target.domain


# -- clouds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cloud"),
    [
        ("worldwide", Cloud.WORLDWIDE),
        ("China", Cloud.CHINA),
        (" gcc-high ", Cloud.GCC_HIGH),
        ("DOD", Cloud.DOD),
        ("onprem", Cloud.ONPREM),
    ],
)
def test_parse_cloud_accepts(text: str, cloud: Cloud) -> None:
    assert parse_cloud(text) is cloud


@pytest.mark.parametrize("text", ["", "moon", "gcc high", "gcchigh", "worldwide2"])
def test_parse_cloud_refuses_and_lists_the_choices(text: str) -> None:
    with pytest.raises(InputError, match="unknown cloud") as info:
        parse_cloud(text)
    for cloud in Cloud:
        assert cloud.value in str(info.value)


# -- nameservers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "host", "port"),
    [
        ("127.0.0.1", "127.0.0.1", 53),
        ("127.0.0.1:5353", "127.0.0.1", 5353),
        (" 8.8.8.8 ", "8.8.8.8", 53),
        ("[::1]:53", "::1", 53),
        ("[::1]:5353", "::1", 5353),
        ("[2001:db8::1]", "2001:db8::1", 53),
        ("::1", "::1", 53),
        ("2001:db8::53", "2001:db8::53", 53),
    ],
)
def test_parse_nameserver_accepts(text: str, host: str, port: int) -> None:
    assert parse_nameserver(text) == HostPort(host, port)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("dns.google", "not an IP address"),
        ("", "not an IP address"),
        ("1.2.3.4:0", "not a port number"),
        ("1.2.3.4:99999", "not a port number"),
        ("1.2.3.4:", "not a port number"),
        ("1.2.3.4:dns", "not a port number"),
        ("1.2.3.4:٥٣", "not a port number"),  # Arabic-Indic digits
        ("1.2.3.4:²", "not a port number"),
        ("[::1", "missing ']'"),
        ("[::1]53", "expected \\[IPv6\\]:PORT"),
        ("[::1]:", "not a port number"),
        ("[dns.google]:53", "not an IP address"),
        ("1.2.3.4.5", "not an IP address"),
    ],
)
def test_parse_nameserver_refuses(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        parse_nameserver(text)


def test_host_port_brackets_ipv6_when_printed() -> None:
    assert str(HostPort("::1", 53)) == "[::1]:53"
    assert str(HostPort("10.0.0.1", 53)) == "10.0.0.1:53"


# -- --connect-to -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "dest"),
    [
        ("a.b:443:127.0.0.1:8443", HostPort("a.b", 443), HostPort("127.0.0.1", 8443)),
        (
            "[2001:db8::1]:443:[::1]:8443",
            HostPort("2001:db8::1", 443),
            HostPort("::1", 8443),
        ),
        (
            "Outlook.Office365.COM.:993:10.0.0.5:10993",
            HostPort("outlook.office365.com", 993),
            HostPort("10.0.0.5", 10993),
        ),
        ("a.b:25:[::1]:2525", HostPort("a.b", 25), HostPort("::1", 2525)),
        (" mail.contoso.com:587:MX1.contoso.com:587 ", None, HostPort("mx1.contoso.com", 587)),
    ],
)
def test_connect_to_parse_accepts(text: str, source: HostPort | None, dest: HostPort) -> None:
    rule = ConnectTo.parse(text)
    if source is not None:
        assert rule.source == source
    assert rule.dest == dest


def test_connect_to_prints_back_in_the_same_form() -> None:
    text = "[2001:db8::1]:443:[::1]:8443"
    assert str(ConnectTo.parse(text)) == text
    assert str(ConnectTo.parse("a.b:443:127.0.0.1:8443")) == "a.b:443:127.0.0.1:8443"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a.b:443:127.0.0.1", "expected HOST:PORT:HOST2:PORT2"),
        ("a.b:443:127.0.0.1:8443:1", "expected HOST:PORT:HOST2:PORT2"),
        ("a.b::127.0.0.1:8443", "expected HOST:PORT:HOST2:PORT2"),
        (":443:127.0.0.1:8443", "expected HOST:PORT:HOST2:PORT2"),
        ("a.b:443:127.0.0.1:", "expected HOST:PORT:HOST2:PORT2"),
        ("", "expected HOST:PORT:HOST2:PORT2"),
        ("a.b:https:127.0.0.1:8443", "'https' is not a port number"),
        ("a.b:443:127.0.0.1:x", "'x' is not a port number"),
        ("a.b:443:127.0.0.1:70000", "'70000' is not a port number"),
        ("a.b:443:127.0.0.1:²", "is not a port number"),
        ("a.b:443:[::1:8443", "expected HOST:PORT:HOST2:PORT2"),
        ("a.b:443:::1:8443", "expected HOST:PORT:HOST2:PORT2"),
    ],
)
def test_connect_to_parse_refuses(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        ConnectTo.parse(text)


# Near misses find more than random text: digits from other scripts, brackets, colons.
port_like = st.text(alphabet="0123456789²٣٥ -", max_size=6)
host_like = st.sampled_from(["a.b", "127.0.0.1", "[::1]", "[::1", "::1", ""]) | st.text(
    alphabet="aB.:[]-1ü", max_size=6
)
connect_to_like = st.tuples(host_like, port_like, host_like, port_like).map(":".join)
nameserver_like = st.tuples(host_like, port_like).map(":".join) | host_like


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | connect_to_like)
def test_connect_to_parse_raises_nothing_but_input_error(text: str) -> None:
    try:
        rule = ConnectTo.parse(text)
    except InputError as exc:
        assert str(exc)
    else:
        assert 0 < rule.source.port < 65536
        assert 0 < rule.dest.port < 65536


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30) | nameserver_like)
def test_parse_nameserver_raises_nothing_but_input_error(text: str) -> None:
    try:
        server = parse_nameserver(text)
    except InputError:
        pass
    else:
        assert 0 < server.port < 65536


# -- NetworkOptions -----------------------------------------------------------------------


def test_route_follows_the_first_matching_rule() -> None:
    options = NetworkOptions(
        connect_to=(
            ConnectTo.parse("outlook.office365.com:993:127.0.0.1:10993"),
            ConnectTo.parse("outlook.office365.com:993:127.0.0.2:1"),
            ConnectTo.parse("outlook.office365.com:443:127.0.0.1:10443"),
        )
    )
    assert options.route("outlook.office365.com", 993) == HostPort("127.0.0.1", 10993)
    assert options.route("Outlook.Office365.com.", 443) == HostPort("127.0.0.1", 10443)


def test_route_without_a_matching_rule_goes_to_the_host_itself() -> None:
    options = NetworkOptions(connect_to=(ConnectTo.parse("a.test:443:127.0.0.1:8443"),))
    assert options.route("a.test", 80) == HostPort("a.test", 80)
    assert options.route("B.test.", 443) == HostPort("b.test", 443)
    assert NetworkOptions().route("a.test", 443) == HostPort("a.test", 443)


@pytest.mark.parametrize(("timeout", "deadline"), [(0.1, 0.1), (10.0, 60.0), (600.0, 600.0)])
def test_network_options_accept_sane_timeouts(timeout: float, deadline: float) -> None:
    options = NetworkOptions(timeout=timeout, check_deadline=deadline)
    assert options.to_dict()["timeout"] == timeout


@pytest.mark.parametrize(
    "timeout", [0.0, -1.0, 600.5, float("nan"), float("inf"), 1e-300, 0.099, -float("inf")]
)
def test_network_options_refuse_a_timeout_out_of_range(timeout: float) -> None:
    with pytest.raises(InputError, match="out of range"):
        NetworkOptions(timeout=timeout, check_deadline=1000.0)


@pytest.mark.parametrize("deadline", [float("nan"), float("inf"), 3600.5, 1e300, -float("inf")])
def test_network_options_refuse_a_deadline_that_is_not_finite_or_too_long(
    deadline: float,
) -> None:
    """NaN used to pass (`nan < timeout` is false) and an infinite deadline never fired."""
    with pytest.raises(InputError, match=r"deadline .* out of range"):
        NetworkOptions(timeout=10.0, check_deadline=deadline)


def test_network_options_accept_the_ends_of_the_documented_ranges() -> None:
    assert NetworkOptions(timeout=0.1, check_deadline=3600.0).check_deadline == 3600.0


def test_network_options_refuse_a_deadline_shorter_than_the_timeout() -> None:
    with pytest.raises(InputError, match="deadline"):
        NetworkOptions(timeout=10.0, check_deadline=5.0)


def test_network_options_to_dict_is_plain() -> None:
    options = NetworkOptions(
        nameservers=(parse_nameserver("[::1]:5353"),),
        connect_to=(ConnectTo.parse("a.b:443:127.0.0.1:8443"),),
        trusted_hosts=frozenset({"b.test", "a.test"}),
        endpoints=(("imap", "Mail.B.test:143"),),
    )
    assert options.to_dict() == {
        "nameservers": ["[::1]:5353"],
        "connect_to": ["a.b:443:127.0.0.1:8443"],
        "ca_bundle": None,
        "http_proxy": None,
        "timeout": 10.0,
        "check_deadline": 60.0,
        "trusted_hosts": ["a.test", "b.test"],
        "endpoints": {"imap": "mail.b.test:143:starttls"},
    }


# -- control characters in what is sent on protocol lines ---------------------------------

CONTROL_CHARACTERS = ["\r\n", "\n", "\r", "\x00", "\x01", "\t", "\x1b", "\x7f", "\x85", "\x9b"]
CONTROL_CHARACTERS += ["\u2028", "\u2029"]


@pytest.mark.parametrize("char", CONTROL_CHARACTERS)
def test_a_sign_in_name_with_a_control_character_inside_is_refused(char: str) -> None:
    with pytest.raises(InputError) as caught:
        check_sign_in_name(f"admin{char}A1 LOGIN x@contoso.com")
    assert caught.value.about == "username"
    assert len(str(caught.value).splitlines()) == 1  # the name is not repeated
    assert has_control_character(f"a{char}b")


@pytest.mark.parametrize("char", CONTROL_CHARACTERS)
def test_an_address_with_a_control_character_inside_is_refused(char: str) -> None:
    """^A and C1 controls used to pass the local-part pattern (`\\s` misses them), and
    the refusals that did catch a line break repeated it, breaking the message in two."""
    for text in (f"ad{char}min@contoso.com", f"admin@contoso{char}.com", f"admin{char}contoso.com"):
        with pytest.raises(InputError, match="control character") as caught:
            Target.parse_email(text)
        assert len(str(caught.value).splitlines()) == 1


def test_sign_in_names_keep_what_is_not_a_control_character() -> None:
    assert check_sign_in_name("  CONTOSO\\jörg.müller  ") == "CONTOSO\\jörg.müller"
    assert check_sign_in_name("user@contoso.com", about="mailbox") == "user@contoso.com"
    assert not has_control_character("Jörg Müller <jörg@müller.de> 名前 \u00a0")
    with pytest.raises(InputError) as caught:
        check_sign_in_name("a\x01b@contoso.com", about="mailbox")
    assert caught.value.about == "mailbox"
