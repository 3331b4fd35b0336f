"""What the wizard remembers of its pages between sessions (the settings file), and how
it puts it back: kept apart from the window so the list of what is saved, and what is
never saved (secrets, a demo lab's values), can be read in one place.

Both functions need the pages built (Wizard.build_pages); the window's own geometry and
language are the wizard's (Wizard.restore_settings, Wizard.save_settings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray

TARGET_SETTINGS = (
    "email",
    "domain",
    "cloud",
    "nameservers",
    "http_proxy",
    "ca_bundle",
    "connect_to",
    "timeout",
    "check_deadline",
    "advanced_open",
)
OAUTH_SETTINGS = (
    "client_id",
    "tenant",
    "app_client_id",
    "app_tenant",
    "app_mailbox",
    "app_credential",
    "client_cert",
)
RELAY_SETTINGS = (
    "relay_recipient",
    "relay_sender",
    "relay_methods",
    "relay_device",
    "relay_wait",
    "relay_roundtrip_user",
    "relay_client_cert",
    "relay_hve_account",
    "relay_delete_after",
)
INTEGRATION_SETTINGS = (
    "integration_products",
    "integration_sharepoint_url",
    "integration_sfb_pool",
)


def restore_page_settings(wizard: Any) -> None:  # the Wizard, typed loosely: no cycle
    s = wizard.settings
    splitter = s.get("results_splitter")
    if splitter:
        wizard.results_page.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))
    wizard.run_page.show_log(bool(s.get("run_log_open", False)))
    wizard.target_page.load({k: s.get(k) for k in TARGET_SETTINGS})
    from ui.pages.checks import DEFAULT_AREAS

    wizard.checks_page.set_selected(s.get("areas") or list(DEFAULT_AREAS))
    wizard.signin_page.set_method(s.get("signin") or "none")
    if s.get("username"):
        wizard.signin_page.username.setText(s.get("username"))
    wizard.signin_page.load_oauth_settings({k: s.get(k) for k in OAUTH_SETTINGS})
    wizard.relay_page.load({k: s.get(k) for k in RELAY_SETTINGS})
    wizard.integration_page.load({k: s.get(k) for k in INTEGRATION_SETTINGS})


def save_page_settings(wizard: Any) -> None:
    """Into the settings, not yet to the file (Wizard.save_settings writes it)."""
    s = wizard.settings
    if any(wizard.results_page.splitter.sizes()):  # laid out at least once
        state = wizard.results_page.splitter.saveState().toBase64()
        s.set("results_splitter", bytes(state.data()).decode("ascii"))
    s.set("run_log_open", wizard.run_page.log_toggle.isChecked())
    if wizard.session.demo is None:  # the lab's ports and domains are not worth keeping
        s.update(wizard.target_page.values())
        s.set("areas", wizard.checks_page.selected())
        s.set("signin", wizard.signin_page.method())
        s.set("username", wizard.signin_page.remembered_username())
        s.update(wizard.signin_page.oauth_settings())  # IDs, tenants, paths; never secrets
        s.update(wizard.relay_page.remembered())  # addresses and answers; never secrets
        s.update(wizard.integration_page.remembered())  # products and addresses
