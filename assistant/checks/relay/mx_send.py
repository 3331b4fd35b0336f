"""relay.direct_send and relay.connector: test sends to the MX endpoint on port 25.

Direct Send: anonymous (the MX takes no AUTH), STARTTLS, MAIL FROM the sender in an
accepted domain, to the organisation's own mailboxes only: Exchange Online accepts
anonymous mail for its own recipients and relays for nobody, so an external recipient
is refused here before anything is sent.

Connector relay: the same connection as an inbound connector sees it, identified either
by the TLS client certificate the user gives (--relay-cert: a PEM file with the
certificate and its key, whose name must match the connector's TlsSenderCertificateName)
or by this network's public IP address. External recipients are allowed: relaying to
them is what a matching connector is for (550 5.7.64 TenantAttribution when none
matched).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass

from assistant.check import Check, Context
from assistant.checks.relay import ids
from assistant.checks.relay.message import domain_of, sender_of
from assistant.checks.relay.mx import MxProblem, mx_endpoint
from assistant.checks.relay.send import no_send_reason, port25_blocked, run_send
from assistant.facts import MAIL_LINKS
from assistant.model import Remedy, Status, Step
from assistant.net.network import Network
from assistant.relay_plan import RelayMethod
from assistant.settings_names import setting
from assistant.text import msg

DIRECT_TITLE = ids.TITLES[ids.DIRECT_SEND]
CONNECTOR_TITLE = ids.TITLES[ids.CONNECTOR]
_NO_SENDER = msg("no sender: give {email} to send from", email=setting("email"))


def _skip(check_id: str, title: str, reason: str, remedy: Remedy | None = None) -> Step:
    return Step(check_id, title, Status.SKIP, summary=reason, remedy=remedy)


def _before_mx(ctx: Context, check_id: str, title: str, method: RelayMethod) -> Step | None:
    """The reasons shared by both MX sends not to connect at all."""
    reason = no_send_reason(ctx, method) or port25_blocked(ctx)
    if reason is not None:
        return _skip(check_id, title, reason)
    if sender_of(ctx) is None:
        return _skip(check_id, title, _NO_SENDER)
    return None


# -- relay.direct_send ---------------------------------------------------------------------


def check_direct_send(ctx: Context) -> Step:
    stop = _before_mx(ctx, ids.DIRECT_SEND, DIRECT_TITLE, RelayMethod.DIRECT)
    if stop is not None:
        return stop
    assert ctx.relay is not None and ctx.relay.send_to is not None
    sender = sender_of(ctx)
    assert sender is not None
    recipient = ctx.relay.send_to
    if domain_of(recipient) != domain_of(sender):
        return _skip(
            ids.DIRECT_SEND,
            DIRECT_TITLE,
            msg(
                "not sent: {recipient} is not in the sender's domain {domain}. Direct Send "
                "only reaches the organisation's own mailboxes; Exchange Online refuses to "
                "relay anonymous mail to other domains",
                recipient=recipient,
                domain=domain_of(sender),
            ),
            Remedy(
                msg(
                    "Give a recipient in {domain} as {send_to} to test Direct Send; to reach "
                    "external recipients use SMTP AUTH or an inbound connector (add the "
                    "connector to {methods}).",
                    domain=domain_of(sender),
                    send_to=setting("send_to"),
                    methods=setting("relay_method"),
                ),
                MAIL_LINKS["devices"],
            ),
        )
    found = mx_endpoint(ctx)
    if isinstance(found, MxProblem):
        return Step(
            ids.DIRECT_SEND, DIRECT_TITLE, Status.FAIL, summary=found.summary, remedy=found.remedy
        )
    return run_send(ctx, ids.DIRECT_SEND, DIRECT_TITLE, RelayMethod.DIRECT, found, sender)


# -- relay.connector -----------------------------------------------------------------------


@dataclass
class CertNetwork(Network):
    """The check's network, presenting a client certificate in the verified handshake.

    net/tls.client_context's contexts are shared and must not be modified, so this is
    a context of its own with the same policy (trust store, SAN-only names) and the
    certificate loaded. The display-only handshake (to show a rejected certificate)
    presents none."""

    client: ssl.SSLContext | None = None

    def tls_context(self, *, verify: bool = True) -> ssl.SSLContext:
        if verify and self.client is not None:
            return self.client
        return super().tls_context(verify=verify)


def client_cert_context(ca_bundle: str | None, path: str) -> ssl.SSLContext:
    """A verifying client context with the certificate and key from the PEM file at
    `path`. Raises OSError or ssl.SSLError when the file cannot be used (an encrypted
    key is refused rather than prompted for on the terminal)."""
    context = ssl.create_default_context(cafile=ca_bundle)
    context.hostname_checks_common_name = False
    context.load_cert_chain(path, password=lambda: b"")
    return context


def _bad_cert(path: str, error: BaseException) -> Step:
    detail = getattr(error, "strerror", None) or getattr(error, "reason", None) or str(error)
    return Step(
        ids.CONNECTOR,
        CONNECTOR_TITLE,
        Status.FAIL,
        summary=msg(
            "the client certificate file {path} cannot be used: {error}; nothing was sent",
            path=path,
            error=str(detail),
        ),
        remedy=Remedy(
            msg(
                "Give as {relay_cert} a PEM file holding the certificate (with its chain) and "
                "its private key, unencrypted; the certificate's name must be the one in the "
                "connector's TlsSenderCertificateName.",
                relay_cert=setting("relay_cert"),
            ),
            MAIL_LINKS["connectors"],
        ),
    )


def check_connector(ctx: Context) -> Step:
    stop = _before_mx(ctx, ids.CONNECTOR, CONNECTOR_TITLE, RelayMethod.CONNECTOR)
    if stop is not None:
        return stop
    assert ctx.relay is not None
    sender = sender_of(ctx)
    assert sender is not None
    net = None
    path = ctx.relay.client_cert
    if path:
        try:
            client = client_cert_context(ctx.options.ca_bundle, path)
        except (OSError, ssl.SSLError, ValueError) as exc:
            return _bad_cert(path, exc)
        net = CertNetwork(ctx.options, ctx.resolver, ctx.token, ctx.deadline, client=client)
    found = mx_endpoint(ctx)
    if isinstance(found, MxProblem):
        return Step(
            ids.CONNECTOR, CONNECTOR_TITLE, Status.FAIL, summary=found.summary, remedy=found.remedy
        )
    step = run_send(
        ctx, ids.CONNECTOR, CONNECTOR_TITLE, RelayMethod.CONNECTOR, found, sender, net=net
    )
    how = (
        msg("Identified by the TLS client certificate in {path}.", path=path)
        if path
        else msg("Identified by this network's public IP address (no client certificate).")
    )
    step.details = msg("{details} {how}", details=step.details, how=how)
    return step


DIRECT_SEND_CHECK = Check(
    ids.DIRECT_SEND, DIRECT_TITLE, check_direct_send, after=(ids.PORT25,), explicit_only=True
)
CONNECTOR_CHECK = Check(
    ids.CONNECTOR, CONNECTOR_TITLE, check_connector, after=(ids.PORT25,), explicit_only=True
)
