"""TLS handshake and certificate inspection against real loopback servers."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
import trustme

from assistant.cancel import CancelToken, Deadline
from assistant.config import ConnectTo, NetworkOptions
from assistant.lab.https_server import LabHttpsServer, LabResponse
from assistant.lab.odd_certs import CertFlaw, OddCertFiles, write_odd_server_files
from assistant.lab.pki import WRONG_NAME_HOST, CertVariant, LabPKI
from assistant.net.certificates import CertificateInfo
from assistant.net.hostname_match import match_hostname
from assistant.net.http import https_request
from assistant.net.network import Network
from assistant.net.resolver import Resolver
from assistant.net.tls import TlsHandshakeError, client_context, secure
from assistant.net.tls_explain import tls_problems
from assistant.net.tls_inspection import TlsInspection, read_certificates

HOST = "mail.contoso.test"
TIMEOUT = 2.0


class LoopbackServer:
    """Accepts connections on 127.0.0.1 in one thread, one at a time.

    mode "tls": handshake with `context`, then wait for the client to hang up.
    mode "silent": accept and never send a byte. mode "plain": send an SMTP banner.
    """

    def __init__(self, mode: str, context: ssl.SSLContext | None = None) -> None:
        self.mode = mode
        self.context = context
        self.connections = 0
        self.errors: list[BaseException] = []
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.02)
        self.port: int = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._run, name=f"lab-{mode}", daemon=True)
        self._thread.start()

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=TIMEOUT)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.settimeout(0.02)
            if self.mode == "tls":
                self._serve_tls(conn)
            else:
                if self.mode == "plain":
                    conn.sendall(b"220 lab ESMTP ready\r\n")
                self._held.append(conn)

    def _serve_tls(self, conn: socket.socket) -> None:
        assert self.context is not None
        try:
            conn.settimeout(TIMEOUT)
            tls = self.context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError) as exc:  # the client rejected our certificate
            self.errors.append(exc)
            conn.close()
            return
        with tls:
            tls.settimeout(0.02)
            while not self._stop.is_set():
                try:
                    if not tls.recv(1024):
                        return
                except TimeoutError:
                    continue
                except OSError:
                    return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()
        for conn in self._held:
            conn.close()
        assert not self._thread.is_alive(), "lab server thread did not stop"


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leaked, f"threads leaked: {leaked}"


@pytest.fixture(scope="module")
def pki() -> Iterator[LabPKI]:
    with LabPKI() as lab:
        yield lab


@pytest.fixture
def serve(pki: LabPKI) -> Iterator[Callable[..., LoopbackServer]]:
    servers: list[LoopbackServer] = []

    def start(variant: CertVariant | None = CertVariant.GOOD, mode: str = "tls") -> LoopbackServer:
        context = pki.server_context([HOST], variant) if variant is not None else None
        server = LoopbackServer(mode, context)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def verifying(pki: LabPKI) -> ssl.SSLContext:
    return client_context(pki.ca_pem_path)


# -- handshakes ----------------------------------------------------------------------


def test_good_certificate_verifies_and_is_described(
    pki: LabPKI, serve: Callable[..., LoopbackServer]
) -> None:
    server = serve(CertVariant.GOOD)
    ssock, insp = secure(server.connect, HOST, verifying(pki), timeout=TIMEOUT)
    with ssock:
        assert ssock.gettimeout() == TIMEOUT
    assert insp.verified is True
    assert insp.verify_error is None
    assert insp.protocol == "TLSv1.3"
    assert insp.cipher and insp.cipher.startswith("TLS_")
    assert len(insp.chain) == 2
    assert insp.intermediates_sent is True
    assert insp.hostname_matches is True
    leaf, intermediate = insp.chain
    assert leaf.days_left > 0
    assert leaf.sans == (f"DNS:{HOST}",)
    assert f"CN={HOST}" in leaf.subject
    assert leaf.issuer == intermediate.subject
    assert not leaf.is_ca and not leaf.self_signed
    assert intermediate.is_ca and not intermediate.self_signed
    assert tls_problems(insp) == []
    assert server.connections == 1


def test_tls_12_is_allowed(pki: LabPKI, serve: Callable[..., LoopbackServer]) -> None:
    server = serve(CertVariant.GOOD)
    ctx = verifying(pki)
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    ssock, insp = secure(server.connect, HOST, ctx, timeout=TIMEOUT)
    ssock.close()
    assert insp.protocol == "TLSv1.2"
    assert insp.verified and tls_problems(insp) == []


def test_leaf_fingerprint_matches_served_pem(
    pki: LabPKI, serve: Callable[..., LoopbackServer]
) -> None:
    server = serve(CertVariant.GOOD)
    ssock, insp = secure(server.connect, HOST, verifying(pki), timeout=TIMEOUT)
    ssock.close()
    der = ssl.PEM_cert_to_DER_cert(pki.server_cert_pem([HOST]).decode("ascii"))
    assert insp.chain[0].sha256 == hashlib.sha256(der).hexdigest()


@pytest.mark.parametrize(
    ("variant", "words", "chain_len", "intermediates_sent", "hostname_matches"),
    [
        (CertVariant.EXPIRED, ["has expired", "not after"], 2, True, True),
        (CertVariant.NOT_YET_VALID, ["not valid yet", "clock"], 2, True, True),
        (CertVariant.WRONG_NAME, [WRONG_NAME_HOST, HOST], 2, True, False),
        (CertVariant.UNTRUSTED, ["issuer not trusted"], 2, True, True),
        (CertVariant.NO_INTERMEDIATE, ["did not send its intermediate"], 1, False, True),
        (CertVariant.SELF_SIGNED, ["self-signed"], 1, True, True),
    ],
)
def test_rejected_certificate_is_fetched_for_display(
    pki: LabPKI,
    serve: Callable[..., LoopbackServer],
    variant: CertVariant,
    words: list[str],
    chain_len: int,
    intermediates_sent: bool,
    hostname_matches: bool,
) -> None:
    server = serve(variant)
    with pytest.raises(TlsHandshakeError) as caught:
        secure(server.connect, HOST, verifying(pki), timeout=TIMEOUT)
    insp = caught.value.inspection
    assert insp is not None
    assert insp.verified is False
    assert insp.verify_error is not None
    for word in words:
        assert word in insp.verify_error
    assert insp.verify_error in str(caught.value)
    assert insp.verify_error in tls_problems(insp)
    # The chain came from the second, non-validating handshake.
    assert server.connections == 2
    assert len(insp.chain) == chain_len
    assert insp.intermediates_sent is intermediates_sent
    assert insp.hostname_matches is hostname_matches
    assert insp.protocol == "TLSv1.3"
    json.dumps(insp.to_evidence().to_dict())


def test_expired_reason_names_the_date(pki: LabPKI, serve: Callable[..., LoopbackServer]) -> None:
    server = serve(CertVariant.EXPIRED)
    with pytest.raises(TlsHandshakeError) as caught:
        secure(server.connect, HOST, verifying(pki), timeout=TIMEOUT)
    insp = caught.value.inspection
    assert insp is not None
    leaf = insp.chain[0]
    assert leaf.days_left < 0
    assert insp.verify_error == f"certificate has expired (not after {leaf.not_after[:10]})"


def test_self_signed_leaf(pki: LabPKI, serve: Callable[..., LoopbackServer]) -> None:
    server = serve(CertVariant.SELF_SIGNED)
    with pytest.raises(TlsHandshakeError) as caught:
        secure(server.connect, HOST, verifying(pki), timeout=TIMEOUT)
    insp = caught.value.inspection
    assert insp is not None
    assert insp.chain[0].self_signed
    assert insp.chain[0].subject == insp.chain[0].issuer


def test_missing_intermediate_noticed_even_when_local_store_has_it(
    pki: LabPKI, serve: Callable[..., LoopbackServer]
) -> None:
    chain_path, _ = pki.server_files([HOST], CertVariant.GOOD)
    intermediate_pem = chain_path.read_text().split("-----END CERTIFICATE-----")[1]
    ctx = verifying(pki)
    ctx.load_verify_locations(cadata=intermediate_pem + "-----END CERTIFICATE-----\n")
    server = serve(CertVariant.NO_INTERMEDIATE)
    ssock, insp = secure(server.connect, HOST, ctx, timeout=TIMEOUT)
    ssock.close()
    assert insp.verified is True
    assert insp.intermediates_sent is False
    assert any("did not send its intermediate" in p for p in tls_problems(insp))


def test_validation_off_is_never_reported_as_verified(
    pki: LabPKI, serve: Callable[..., LoopbackServer]
) -> None:
    server = serve(CertVariant.UNTRUSTED)
    ssock, insp = secure(server.connect, HOST, client_context(verify=False), timeout=TIMEOUT)
    ssock.close()
    assert insp.verified is False
    assert insp.verify_error and "not checked" in insp.verify_error
    assert len(insp.chain) == 2


def test_display_handshake_failure_still_explains(
    pki: LabPKI, serve: Callable[..., LoopbackServer]
) -> None:
    server = serve(CertVariant.EXPIRED)
    calls = 0

    def connect_once() -> socket.socket:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise ConnectionRefusedError("second connection refused")
        return server.connect()

    with pytest.raises(TlsHandshakeError) as caught:
        secure(connect_once, HOST, verifying(pki), timeout=TIMEOUT)
    insp = caught.value.inspection
    assert insp is not None
    assert insp.chain == ()
    assert insp.verify_error and "expired" in insp.verify_error


def test_silent_server_times_out(serve: Callable[..., LoopbackServer]) -> None:
    server = serve(None, mode="silent")
    started = time.monotonic()
    with pytest.raises(TlsHandshakeError) as caught:
        secure(server.connect, HOST, client_context(), timeout=0.5)
    elapsed = time.monotonic() - started
    assert 0.4 < elapsed < 1.5
    assert caught.value.inspection is None
    assert "within 0.5 s" in str(caught.value)


def test_plain_text_server_is_named_as_such(serve: Callable[..., LoopbackServer]) -> None:
    server = serve(None, mode="plain")
    with pytest.raises(TlsHandshakeError) as caught:
        secure(server.connect, HOST, client_context(), timeout=TIMEOUT)
    assert "did not answer in TLS" in str(caught.value)


# -- certificates, names, evidence ---------------------------------------------------


def test_certificate_info_fields_ec() -> None:
    ca = trustme.CA()
    pem = ca.issue_cert("a.contoso.test", "127.0.0.1").cert_chain_pems[0].bytes()
    der = ssl.PEM_cert_to_DER_cert(pem.decode("ascii"))
    now = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    info = CertificateInfo.from_der(der, now=now)
    assert info.key == "EC secp256r1"
    assert info.signature_algorithm == "ecdsa-with-SHA256"
    assert info.sha256 == hashlib.sha256(der).hexdigest()
    assert info.sans == ("DNS:a.contoso.test", "IP:127.0.0.1")
    assert info.not_after == "3000-01-01T00:00:00Z"
    assert info.days_left == (dt.datetime(3000, 1, 1, tzinfo=dt.UTC) - now).days
    assert int(info.serial, 16) > 0
    assert not info.is_ca and not info.self_signed


def test_certificate_info_fields_rsa_root() -> None:
    ca = trustme.CA(key_type=trustme.KeyType.RSA)
    der = ssl.PEM_cert_to_DER_cert(ca.cert_pem.bytes().decode("ascii"))
    info = CertificateInfo.from_der(der)
    assert info.key == "RSA 2048"
    assert info.signature_algorithm == "sha256WithRSAEncryption"
    assert info.is_ca and info.self_signed
    assert info.subject == info.issuer


@pytest.mark.parametrize(
    ("name", "sans", "expected"),
    [
        ("mail.contoso.test", ["DNS:mail.contoso.test"], True),
        ("MAIL.Contoso.test.", ["DNS:mail.contoso.test"], True),
        ("mail.contoso.test", ["DNS:*.contoso.test"], True),
        ("contoso.test", ["DNS:*.contoso.test"], False),
        ("a.mail.contoso.test", ["DNS:*.contoso.test"], False),
        ("contoso.test", ["DNS:*.test"], False),
        ("mail.contoso.test", ["DNS:m*.contoso.test"], False),
        ("mail.contoso.test", ["DNS:wrong.example.net", "IP:127.0.0.1"], False),
        ("127.0.0.1", ["IP:127.0.0.1"], True),
        ("127.0.0.1", ["DNS:127.0.0.1"], False),
        ("::1", ["IP:::1"], True),
        ("[::1]", ["IP:::1"], True),
        ("10.1.2.3", ["IP:10.0.0.0/8"], False),
        ("mail.contoso.test", [], False),
    ],
)
def test_match_hostname(name: str, sans: list[str], expected: bool) -> None:
    assert match_hostname(name, sans) is expected


def _inspection(**changes: Any) -> TlsInspection:
    leaf = CertificateInfo(
        subject=f"CN={HOST}",
        issuer="CN=Lab Intermediate",
        sans=(f"DNS:{HOST}",),
        serial="1f",
        not_before="2020-01-01T00:00:00Z",
        not_after="2999-01-01T00:00:00Z",
        days_left=300000,
        key="EC secp256r1",
        signature_algorithm="ecdsa-with-SHA256",
        sha256="00" * 32,
        is_ca=False,
        self_signed=False,
    )
    base = TlsInspection(
        server_name=HOST,
        verified=True,
        verify_error=None,
        protocol="TLSv1.3",
        cipher="TLS_AES_256_GCM_SHA384",
        chain=(leaf,),
        intermediates_sent=True,
        hostname_matches=True,
    )
    return replace(base, **changes)


def test_problems_warn_about_expiry_weak_keys_and_old_protocols() -> None:
    ok = _inspection()
    assert tls_problems(ok) == []
    leaf = replace(
        ok.chain[0],
        days_left=10,
        not_after="2030-01-11T00:00:00Z",
        key="RSA 1024",
        signature_algorithm="sha1WithRSAEncryption",
    )
    problems = tls_problems(_inspection(chain=(leaf,), protocol="TLSv1.1"))
    assert "certificate expires in 10 days (not after 2030-01-11)" in problems
    assert any("RSA 1024" in p for p in problems)
    assert any("sha1WithRSAEncryption" in p for p in problems)
    assert any("TLSv1.1" in p for p in problems)


def test_evidence_is_json() -> None:
    evidence = _inspection().to_evidence("IMAP TLS")
    assert evidence.kind == "tls"
    assert evidence.label == "IMAP TLS"
    data = json.loads(json.dumps(evidence.to_dict()))["data"]
    assert data["chain"][0]["sans"] == [f"DNS:{HOST}"]
    assert data["verified"] is True


def test_client_contexts() -> None:
    strict = client_context()
    assert strict.verify_mode == ssl.CERT_REQUIRED and strict.check_hostname
    lax = client_context(verify=False)
    assert lax.verify_mode == ssl.CERT_NONE and not lax.check_hostname


def test_pki_files_and_modes(pki: LabPKI) -> None:
    assert pki.ca_pem_path.stat().st_mode & 0o777 == 0o644
    assert pki.ca_pem_path.parent.stat().st_mode & 0o777 == 0o755
    assert pki.server_cert_pem([HOST]) is pki.server_cert_pem([HOST])  # cached
    assert pki.server_cert_pem([HOST]) != pki.server_cert_pem([HOST], CertVariant.EXPIRED)


# -- certificates OpenSSL accepts and cryptography refuses (issue 11, item 9) ----------------


@pytest.fixture(scope="module")
def odd_certs(tmp_path_factory: pytest.TempPathFactory) -> dict[CertFlaw, OddCertFiles]:
    folder = tmp_path_factory.mktemp("odd-certs")
    return {flaw: write_odd_server_files(folder, HOST, flaw) for flaw in CertFlaw}


@pytest.mark.parametrize("flaw", list(CertFlaw))
def test_certificate_the_parser_refuses_is_a_finding_not_a_crash(
    odd_certs: dict[CertFlaw, OddCertFiles], flaw: CertFlaw
) -> None:
    files = odd_certs[flaw]
    server = LabHttpsServer(files.server_context(), label=f"odd-{flaw.value}")
    server.route(HOST, "/", lambda _: LabResponse(200, b"hello"), prefix=True)
    server.start()
    try:
        options = NetworkOptions(
            connect_to=(ConnectTo.parse(f"{HOST}:443:127.0.0.1:{server.port}"),),
            ca_bundle=str(files.ca_pem),
            timeout=TIMEOUT,
            check_deadline=10,
        )
        net = Network(options, Resolver(()), CancelToken(), Deadline.after(10))
        response = https_request(net, f"https://{HOST}/")
    finally:
        server.stop()
    assert response.status == 200 and response.body == b"hello"
    insp = response.tls
    assert insp is not None
    assert insp.verified is True  # OpenSSL validated it: the connection is what clients get
    assert insp.chain == ()  # the leaf could not be read, so nothing is said about it
    assert insp.hostname_matches is None
    [finding] = insp.unreadable
    der = ssl.PEM_cert_to_DER_cert(files.chain_pem.read_text())
    assert hashlib.sha256(der).hexdigest() in finding
    assert "certificate 1 of the 1 the server sent" in finding
    assert ("InvalidVersion" if flaw is CertFlaw.VERSION_4 else "PrintableString") in finding
    assert len(finding) < 600  # the parser's complaint is cut short
    assert finding in tls_problems(insp)  # the checks turn it into a WARN
    json.dumps(insp.to_evidence().to_dict())


def test_unreadable_certificate_on_the_display_handshake_is_reported(
    odd_certs: dict[CertFlaw, OddCertFiles], serve: Callable[..., LoopbackServer]
) -> None:
    # Not trusted here (the lab CA is not its CA): the second, display-only handshake
    # meets the unreadable certificate and must still explain the first failure.
    server = LoopbackServer("tls", odd_certs[CertFlaw.VERSION_4].server_context())
    try:
        with pytest.raises(TlsHandshakeError) as caught:
            secure(server.connect, HOST, client_context(), timeout=TIMEOUT)
    finally:
        server.stop()
    insp = caught.value.inspection
    assert insp is not None and insp.chain == ()
    assert insp.unreadable and "InvalidVersion" in insp.unreadable[0]
    assert insp.verify_error and insp.verify_error in str(caught.value)


def _served_ders(pki: LabPKI) -> list[bytes]:
    """The lab's good chain for HOST as DER: leaf, intermediate."""
    end = "-----END CERTIFICATE-----"
    text = pki.server_files([HOST])[0].read_text()
    return [ssl.PEM_cert_to_DER_cert(p.strip() + "\n" + end + "\n") for p in text.split(end)[:2]]


def test_readable_leaf_stays_the_leaf_when_a_later_certificate_is_unreadable(
    odd_certs: dict[CertFlaw, OddCertFiles], pki: LabPKI
) -> None:
    good = _served_ders(pki)
    odd = ssl.PEM_cert_to_DER_cert(odd_certs[CertFlaw.PRINTABLE_UNDERSCORE].chain_pem.read_text())
    now = dt.datetime.now(dt.UTC)
    chain, unreadable = read_certificates([good[0], odd, good[1]], now)
    assert [c.sha256 for c in chain] == [hashlib.sha256(good[0]).hexdigest()]
    assert len(unreadable) == 1 and "certificate 2 of the 3" in unreadable[0]
    chain, unreadable = read_certificates([odd, *good], now)
    assert chain == () and "certificate 1 of the 3" in unreadable[0]


def test_unknown_key_type_in_a_chain_certificate_is_shown_as_unknown(pki: LabPKI) -> None:
    # An extra certificate with a key type cryptography does not know (GOST and the like):
    # OpenSSL ignores it in the chain, so the inspection must too.
    der = bytearray(_served_ders(pki)[1])
    ec_key_oid = bytes.fromhex("06072a8648ce3d0201")
    at = der.index(ec_key_oid)
    der[at : at + len(ec_key_oid)] = bytes.fromhex("06072a8648ce3d0209")  # unassigned arc
    info = CertificateInfo.from_der(bytes(der))
    assert info.key == "unknown"
