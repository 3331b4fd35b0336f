"""Every file in the Linux one-folder bundle, explained: (pattern, reason) pairs.

tests/packaging/test_bundle_contents.py lists the built folder and fails on a file no
pattern matches, and on a pattern that matches nothing (a stale reason). Patterns are
fnmatch globs on the path below the bundle's folder, with "/" separators; `*` crosses
folders. Adding a dependency that brings files means saying here why they are needed;
if nothing needs them, leave them out in packaging/connectivity_assistant.spec instead.

What the smoke test runs that needs them: the wizard offscreen and on X11 (Qt, xcb, fonts,
input methods, translations, icons), the demo lab with every area (cryptography for its
certificates, aiosmtpd, Dovecot outside the bundle), the HTML and PDF reports in Chinese
(fpdf2, fontTools), EWS (exchangelib, lxml.etree, pygments which exchangelib imports).
"""

from __future__ import annotations

I = "_internal/"  # noqa: E741 - the bundle's library folder, short for the table below

ALLOWED: tuple[tuple[str, str], ...] = (
    ("connectivity-assistant", "the app: wizard, CLI and demo in one executable (and the PYZ)"),
    (I + "base_library.zip", "the Python standard library modules the bootloader needs first"),
    (I + "libpython3.11.so.1.0", "the Python interpreter"),
    (I + "python3.11/lib-dynload/*.so", "standard library C modules the analysis found imported"),
    # Qt: QtCore, QtGui, QtWidgets for the wizard, QtSvg for icon themes, QtDBus for the
    # desktop portal and ibus, XcbQpa for X11. The top-level names are PyInstaller's links.
    (I + "PySide6/Qt*.abi3.so", "PySide6's bindings of the Qt modules the app imports"),
    (I + "PySide6/libpyside6.abi3.so.*", "PySide6's runtime"),
    (I + "libpyside6.abi3.so.*", "link to PySide6's runtime"),
    (I + "shiboken6/*", "shiboken6: PySide6's object bridge"),
    (I + "libshiboken6.abi3.so.*", "link to shiboken6's runtime"),
    (I + "PySide6/Qt/lib/libQt6*.so.6", "Qt libraries: Core, Gui, Widgets, Svg, DBus, XcbQpa"),
    (I + "libQt6*.so.6", "links to the Qt libraries"),
    (I + "PySide6/Qt/lib/libicu*.so.*", "ICU, which QtCore links; libicudata is an empty stub"),
    (I + "libicu*.so.*", "links to ICU"),
    (I + "PySide6/Qt/plugins/platforms/*", "offscreen (tests, headless) and xcb (X11, XWayland)"),
    (I + "PySide6/Qt/plugins/xcbglintegrations/*", "xcb's GL integrations (GLX, EGL)"),
    (I + "PySide6/Qt/plugins/platforminputcontexts/*", "dead keys (compose), Chinese (ibus)"),
    (I + "PySide6/Qt/plugins/platformthemes/*xdgdesktopportal*", "file dialogs via the portal"),
    (I + "PySide6/Qt/plugins/iconengines/*svg*", "desktop icon themes are SVG"),
    (I + "PySide6/Qt/plugins/imageformats/*svg*", "desktop icon themes are SVG"),
    # System libraries PyInstaller copies for the libraries above (X11/xcb, fonts, D-Bus,
    # GLib, compression, C++ runtime): they are what the bundle was tested with.
    (I + "libX*.so.*", "X11 client libraries behind the xcb platform"),
    (I + "libxcb*.so.*", "xcb libraries behind the xcb platform"),
    (I + "libxkbcommon*.so.*", "keyboard maps (Qt Gui, xcb)"),
    (I + "libfontconfig.so.*", "font discovery (Qt Gui)"),
    (I + "libfreetype.so.*", "font rendering (Qt Gui)"),
    (I + "libpng16.so.*", "PNG in fonts (FreeType) and our window icon (Qt Gui)"),
    (I + "libbrotli*.so.*", "WOFF2 fonts (FreeType)"),
    (I + "libexpat.so.*", "fontconfig's configuration files, Python's XML parser"),
    (I + "libdbus-1.so.*", "D-Bus (QtDBus)"),
    (I + "libsystemd.so.*", "libdbus-1's dependency on Debian"),
    (I + "libgcrypt.so.*", "libsystemd's dependency"),
    (I + "libgpg-error.so.*", "libgcrypt's dependency"),
    (I + "libcap.so.*", "libsystemd's dependency"),
    (I + "liblz4.so.*", "libsystemd's dependency"),
    (I + "libglib-2.0.so.*", "QtCore's event loop integration"),
    (I + "libgthread-2.0.so.*", "QtCore's GLib dependency"),
    (I + "libpcre2-8.so.*", "GLib's dependency"),
    (I + "libbsd.so.*", "libXdmcp's dependency"),
    (I + "libmd.so.*", "libbsd's dependency"),
    (I + "libz.so.*", "zlib (Qt, libpng)"),
    (I + "libzstd.so.*", "QtCore's compression"),
    (I + "liblzma.so.*", "Python's lzma module, libsystemd"),
    (I + "libbz2.so.*", "Python's bz2 module"),
    (I + "libffi.so.*", "ctypes and cffi"),
    (I + "libuuid.so.*", "Python's uuid module"),
    (I + "libstdc++.so.*", "C++ runtime (Qt, ICU)"),
    (I + "libgcc_s.so.*", "GCC runtime"),
    (I + "libcrypto.so.*", "OpenSSL: Python's ssl and hashlib (every TLS check)"),
    (I + "libssl.so.*", "OpenSSL: Python's ssl (every TLS check)"),
    # Python packages with files outside the PYZ.
    (I + "cryptography/hazmat/bindings/_rust.abi3.so", "cryptography (lab certificates, MSAL)"),
    (I + "cryptography-*.dist-info/*", "cryptography's metadata (read by importlib.metadata)"),
    (I + "_cffi_backend.*.so", "cffi, which cryptography's bindings use"),
    (I + "lxml/etree.*.so", "lxml.etree: exchangelib's XML parser"),
    (I + "lxml/_elementpath.*.so", "lxml.etree's path queries"),
    (I + "charset_normalizer/*.so", "charset_normalizer's compiled half (requests)"),
    (I + "fontTools/*.so", "fontTools' compiled helpers (fpdf2 subsets the PDF's fonts)"),
    (I + "fpdf/data/color_profiles/*", "fpdf2's sRGB profile (PDF output intents)"),
    (I + "fpdf/py.typed", "marker file collect_data_files brings with fpdf2's data"),
    (I + "certifi/*", "CA certificates for TLS verification (requests, httpx)"),
    (I + "publicsuffixlist/*.dat", "the public suffix list: autodiscover's safety rule"),
    (I + "tzdata/*", "time zones for exchangelib on a system without a tz database"),
    (I + "attrs-*.dist-info/*", "package metadata importlib.metadata reads at import"),
    (I + "h2-*.dist-info/*", "package metadata importlib.metadata reads at import"),
    (I + "httpcore2-*.dist-info/*", "package metadata importlib.metadata reads at import"),
    (I + "httpx2-*.dist-info/*", "package metadata importlib.metadata reads at import"),
    (I + "imapclient-*.dist-info/*", "package metadata importlib.metadata reads at import"),
    # Our own data.
    (I + "translations/connectivity_assistant_*.qm", "the wizard's translations"),
    (I + "translations/qtbase_*.qm", "Qt's own dialogs in the same languages"),
    (I + "translations/engine_*.json", "the CLI's --lang without Qt"),
    (I + "resources/icons/connectivity-assistant-*.png", "the window and report icon"),
    (I + "docs/*.md", "the pages the wizard's 'Tell me more' opens"),
)
