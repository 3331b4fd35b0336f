"""The settings a user gives, named in words for engine text, and the CLI option for each.

Engine text never names a CLI option or a wizard field: the wizard has no `--trust-host`
and the CLI has no "Recipient" box. A check says `setting("send_to")` where it needs the
setting; the English reads "the recipient for the test message", and each front end adds
where to set it with `assistant.text.with_hints`: the CLI through `cli_flags` here, the
wizard through ui/setting_labels.py (the same keys, its field labels).
"""

from __future__ import annotations

from assistant.text import N_, Setting, msg, placeholders, with_hints

# key -> the words engine text uses for it (a noun phrase: "give {x}", "check {x}")
_NAMES = {
    "email": N_("the mailbox address"),
    "mailbox": N_("the mailbox to test"),
    "cloud": N_("the Microsoft 365 environment"),
    "tenant": N_("the tenant"),
    "sign_in": N_("the sign-in method"),
    "client_id": N_("the application (client) ID"),
    "client_secret": N_("the client secret"),
    "client_cert": N_("the client certificate file"),
    "client_cert_password": N_("the certificate file's password"),
    "trust_host": N_("the hosts trusted for this run"),
    "connect_to": N_("the connect-to overrides"),
    "nameserver": N_("the DNS servers"),
    "sharepoint_url": N_("the SharePoint site's address"),
    "send_to": N_("the recipient for the test message"),
    "relay_method": N_("the relay methods to test"),
    "relay_cert": N_("the connector's client certificate"),
    "hve_account": N_("the HVE account"),
    "hve_password": N_("the HVE account's password"),
    "roundtrip_user": N_("the recipient mailbox's login"),
    "roundtrip_password": N_("the recipient mailbox's password"),
    "roundtrip_wait": N_("how long to wait for the test message"),
    "public_ip": N_("this network's public IP address"),
    "device": N_("the device's description"),
}

# key -> the CLI option that sets it (assistant/cli*.py define them)
CLI_FLAGS = {
    "email": "--email",
    "mailbox": "--mailbox",
    "cloud": "--cloud",
    "tenant": "--tenant",
    "sign_in": "--auth",
    "client_id": "--client-id",
    "client_secret": "--client-secret-env",
    "client_cert": "--client-cert",
    "client_cert_password": "--client-cert-password-env",
    "trust_host": "--trust-host",
    "connect_to": "--connect-to",
    "nameserver": "--nameserver",
    "sharepoint_url": "--sharepoint-url",
    "send_to": "--send-test-to",
    "relay_method": "--relay-method",
    "relay_cert": "--relay-cert",
    "hve_account": "--hve-account",
    "hve_password": "--hve-password-env",
    "roundtrip_user": "--roundtrip-user",
    "roundtrip_password": "--roundtrip-password-env",
    "roundtrip_wait": "--roundtrip-wait",
    "public_ip": "--public-ip",
    "device": "--device",
}

KEYS = frozenset(_NAMES)


def setting(key: str) -> Setting:
    """The setting `key` in words, for a `msg` argument; KeyError for an unknown key (a
    typo should fail in the tests, not print an empty phrase)."""
    return Setting(key, msg(_NAMES[key]))


def settings_in(template: str) -> dict[str, Setting]:
    """The settings a table's template names by their keys (`{tenant}`), for
    `msg(template, **settings_in(template))` where the template is not a literal."""
    return {key: setting(key) for key in placeholders(template) & KEYS}


def cli_flags(value: str) -> str:
    """`value` as the CLI says it: each setting followed by its option, e.g.
    "the recipient for the test message (--send-test-to)"."""
    return with_hints(value, CLI_FLAGS.get)
