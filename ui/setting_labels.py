"""Where the wizard asks for each setting the engine names in words.

Engine text says "the recipient for the test message" (assistant/settings_names.py),
never a CLI option; the wizard adds the field's label and page, as the CLI adds its
option. The keys are the engine's; a setting the wizard has no field for (the hosts
trusted for this run: the wizard asks at the time) is left as the words alone.
"""

from __future__ import annotations

from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from assistant.text import with_hints


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Qt's marker for lupdate (ui/texts.py has the same; not imported from there, since
    ui/texts.py uses this module)."""
    return cast(str, QtCore.QT_TRANSLATE_NOOP(context, source))


_CONTEXT = "SettingLabels"

# key -> "Field, on the page" as the wizard shows them (labels without mnemonic or colon)
LABELS = {
    "email": QT_TRANSLATE_NOOP("SettingLabels", "Email address, on What to diagnose"),
    "cloud": QT_TRANSLATE_NOOP("SettingLabels", "Environment, on What to diagnose"),
    "tenant": QT_TRANSLATE_NOOP("SettingLabels", "Tenant, on Sign-in"),
    "mailbox": QT_TRANSLATE_NOOP("SettingLabels", "Mailbox, on Sign-in"),
    "sign_in": QT_TRANSLATE_NOOP("SettingLabels", "the choices on Sign-in"),
    "client_id": QT_TRANSLATE_NOOP("SettingLabels", "Client ID, on Sign-in"),
    "client_secret": QT_TRANSLATE_NOOP("SettingLabels", "Client secret, on Sign-in"),
    "client_cert": QT_TRANSLATE_NOOP("SettingLabels", "Certificate file, on Sign-in"),
    "client_cert_password": QT_TRANSLATE_NOOP("SettingLabels", "PFX password, on Sign-in"),
    "connect_to": QT_TRANSLATE_NOOP("SettingLabels", "Connect-to overrides, in Advanced options"),
    "nameserver": QT_TRANSLATE_NOOP("SettingLabels", "DNS servers, in Advanced options"),
    "sharepoint_url": QT_TRANSLATE_NOOP("SettingLabels", "Site URL, on the integration page"),
    "send_to": QT_TRANSLATE_NOOP("SettingLabels", "Recipient, on Relay test send"),
    "relay_method": QT_TRANSLATE_NOOP("SettingLabels", "Methods to try, on Relay test send"),
    "relay_cert": QT_TRANSLATE_NOOP("SettingLabels", "Client certificate, on Relay test send"),
    "hve_account": QT_TRANSLATE_NOOP("SettingLabels", "HVE account, on Relay test send"),
    "hve_password": QT_TRANSLATE_NOOP("SettingLabels", "HVE password, on Relay test send"),
    "roundtrip_user": QT_TRANSLATE_NOOP("SettingLabels", "Mailbox login, on Relay test send"),
    "roundtrip_password": QT_TRANSLATE_NOOP(
        "SettingLabels", "Mailbox password, on Relay test send"
    ),
    "roundtrip_wait": QT_TRANSLATE_NOOP("SettingLabels", "Wait at most, on Relay test send"),
    "device": QT_TRANSLATE_NOOP("SettingLabels", "What the device can do, on Relay test send"),
}


def label_for(key: str) -> str | None:
    """The field that sets `key`, in the current language; None when the wizard has none."""
    label = LABELS.get(key)
    return None if label is None else QCoreApplication.translate(_CONTEXT, label)


def with_labels(value: str) -> str:
    """Engine text with each setting followed by the wizard's field for it."""
    return with_hints(value, label_for)
