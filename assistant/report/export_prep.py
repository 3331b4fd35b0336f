"""One preparation for every export: secrets masked always, identities when asked."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.redact_identities import IdentityMap
from assistant.report.scrub import scrub_secrets


def prepare(
    report: Report,
    redactor: Redactor,
    *,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
) -> Report:
    """The report as it may leave the program. Secrets go first, so an identity
    placeholder can never be built from (or hide) a secret."""
    scrubbed = scrub_secrets(report, redactor)
    if redact_identities:
        return IdentityMap.for_report(scrubbed, names=identity_names).report(scrubbed)
    return scrubbed
