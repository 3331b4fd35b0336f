"""The user's own CA bundle (--ca-bundle, the wizard's CA bundle file), checked before a run.

A file that holds no certificate used to be accepted, and then every TLS check of the run
failed on it. Building the verifying context here, before any traffic, turns that into
one plain sentence instead; the context built is the one the run then shares
(client_context caches it).
"""

from __future__ import annotations

import os
import ssl
import stat

from assistant.config import InputError
from assistant.net.tls import client_context
from assistant.text import msg


def check_ca_bundle(path: str) -> None:
    """Raise InputError unless `path` is a regular file OpenSSL reads CA certificates from.

    A device or a pipe is refused before it is opened: reading /dev/zero would never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise InputError(
            msg("CA bundle {path}: {reason}", path=path, reason=exc.strerror or type(exc).__name__)
        ) from None
    if stat.S_ISDIR(mode):
        raise InputError(msg("CA bundle {path}: that is a folder, not a file", path=path))
    if not stat.S_ISREG(mode):
        raise InputError(msg("CA bundle {path}: that is not a regular file", path=path))
    try:
        client_context(path)
    except ssl.SSLError:
        raise InputError(
            msg(
                "CA bundle {path}: OpenSSL could not read CA certificates from it (expected "
                "PEM certificates, each starting -----BEGIN CERTIFICATE-----)",
                path=path,
            )
        ) from None
    except OSError as exc:  # unreadable: permissions, a file that went away meanwhile
        raise InputError(
            msg("CA bundle {path}: {reason}", path=path, reason=exc.strerror or type(exc).__name__)
        ) from None
