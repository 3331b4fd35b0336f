"""Non-secret settings remembered between runs, as a small JSON file.

Only the keys in ALLOWED are ever written, so a password or token cannot reach the file
by accident: `set` refuses anything else. The folder is the platform's config folder
(platformdirs), or CONNECTIVITY_ASSISTANT_CONFIG_DIR when set (tests point it at a
temporary folder).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

import platformdirs

ENV_DIR = "CONNECTIVITY_ASSISTANT_CONFIG_DIR"
FILE_NAME = "settings.json"

# key -> the JSON type it must have. Nothing secret belongs here, ever.
ALLOWED: dict[str, type | tuple[type, ...]] = {
    "language": str,
    "window_geometry": str,  # base64 of QWidget.saveGeometry()
    "results_splitter": str,  # base64 of QSplitter.saveState()
    "run_log_open": bool,
    "email": str,
    "domain": str,
    "cloud": str,
    "nameservers": str,
    "http_proxy": str,
    "ca_bundle": str,
    "connect_to": str,
    "timeout": (int, float),
    "check_deadline": (int, float),
    "areas": list,
    # "none", "password", "oauth" (device code), "oauth-browser" or "oauth-app": the
    # method, never the secret
    "signin": str,
    "username": str,
    "client_id": str,  # OAuth as a user: the app registration's Application (client) ID
    "tenant": str,  # OAuth as a user: a tenant ID or domain, public
    # App-only OAuth: the app's client ID, its tenant, the mailbox it opens, whether it
    # signs in with a certificate or a secret, and the certificate file's path. Never
    # the secret, the PFX password or the key: those are asked for each run.
    "app_client_id": str,
    "app_tenant": str,
    "app_mailbox": str,
    "app_credential": str,  # "certificate" or "secret"
    "client_cert": str,  # a path
    "advanced_open": bool,
    # The Relay page's answers (issue 14): the device questionnaire (DeviceProfile as a
    # dict), the addresses and logins typed, the methods, the wait. Never a password, and
    # never the confirmation to send: that is asked each time.
    "relay_recipient": str,
    "relay_sender": str,
    "relay_methods": list,
    "relay_device": dict,
    "relay_wait": (int, float),
    "relay_roundtrip_user": str,
    "relay_client_cert": str,  # a path
    "relay_hve_account": str,
    "relay_delete_after": bool,
    # The Integration page's answers (issue 15): the products ticked, the SharePoint site
    # URL and the Skype for Business pool name typed. Public addresses, nothing secret.
    "integration_products": list,
    "integration_sharepoint_url": str,
    "integration_sfb_pool": str,
}


def config_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("connectivity-assistant", appauthor=False))


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / FILE_NAME
        self._values: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        # A file edited by hand (or by an older version) keeps only what we understand.
        self._values = {k: v for k, v in raw.items() if k in ALLOWED and isinstance(v, ALLOWED[k])}

    def get(self, key: str, default: Any = None) -> Any:
        if key not in ALLOWED:
            raise KeyError(f"not a setting: {key}")
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if key not in ALLOWED:
            raise KeyError(f"not a setting: {key}")
        if value is None:
            self._values.pop(key, None)
            return
        if not isinstance(value, ALLOWED[key]):
            raise TypeError(f"setting {key} must be {ALLOWED[key]}, not {type(value).__name__}")
        self._values[key] = value

    def update(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self.set(key, value)

    def save(self) -> None:
        """Write atomically, readable by the user only; a failure to save is not fatal."""
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".part")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._values, handle, indent=2, ensure_ascii=False, sort_keys=True)
                handle.write("\n")
            tmp.replace(self.path)
