"""Who the app is to the desktops and package managers, in one place.

Read by path (runpy.run_path) from packaging/connectivity_assistant.spec (the macOS bundle
identifier, the Windows version resource) and packaging/deb.py (the .desktop entry, the
AppStream metadata, the hicolor icon's name): the folder is not importable as `packaging`,
which is PyPI's version-parsing library PyInstaller itself uses. The version is never
here: pyproject.toml has the one version and everything reads it from there.
"""

from __future__ import annotations

# Reverse-DNS, no hyphen (AppStream and macOS both prefer it): the AppStream component id,
# the .desktop file's name, the hicolor icon's name and the macOS bundle identifier.
APP_ID = "org.connectivityassistant.ConnectivityAssistant"
COMMAND = "connectivity-assistant"  # the executable, the launcher in /usr/bin, the package
NAME = "Connectivity Assistant"
NAME_ZH_CN = "连接助手"  # as the wizard's catalogue says it (resources/translations)
SUMMARY = "Find out why mail cannot reach Exchange Online or Exchange Server"
SUMMARY_ZH_CN = "找出邮件无法到达 Exchange Online 或 Exchange Server 的原因"
DESCRIPTION = (
    "A step-by-step check for Exchange admins: DNS (MX, SPF, DKIM, DMARC, autodiscover), "
    "TLS, SMTP, IMAP, POP, EWS and sign-in, from the machine that has the problem. Each "
    "finding says what is wrong and what to change, and the report (HTML, PDF, JSON) can "
    "go to support as it is. A built-in demo lab shows every check without a tenant."
)
LICENSE = "MIT"
# Debian's Maintainer field wants a name and an address; the project has no public
# address yet, so the .deb says who built it and where this is decided.
MAINTAINER = "Connectivity Assistant maintainers <connectivity-assistant@localhost>"
CATEGORIES = ("Network", "Monitor")  # freedesktop menu: Monitor needs Network or System
KEYWORDS = ("Exchange", "Mail", "SMTP", "IMAP", "POP", "DNS", "Autodiscover", "Outlook")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # resources/icons/connectivity-assistant-N.png
