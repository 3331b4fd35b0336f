"""The support bundle: one .zip with everything support asks for, nothing secret.

    report.json    the report (loads back into the app)
    report.html    the same, readable in any browser
    run.log        what the run printed, with timestamps
    manifest.json  what is in the bundle, with a SHA-256 per file

Every member goes through the same redaction (secrets always; identities when asked,
with one mapping for all members, so user1 in the log is user1 in the report). The
zip is built in memory and written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterable

from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_bytes
from assistant.report.html import render_html
from assistant.report.redact_identities import IdentityMap
from assistant.report.scrub import scrub_secrets

MANIFEST = "manifest.json"
BUNDLE_FORMAT = "connectivity-assistant-bundle"
NO_LOG = "(no run log: this bundle was made from a saved report, not from a run)\n"


def bundle_bytes(
    report: Report,
    redactor: Redactor,
    *,
    log: str | None = None,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
    now: dt.datetime | None = None,
) -> bytes:
    scrubbed = scrub_secrets(report, redactor)
    log_text = redactor(log) if log is not None else NO_LOG
    if redact_identities:
        mapping = IdentityMap.for_report(scrubbed, names=identity_names, extra_text=[log_text])
        scrubbed = mapping.report(scrubbed)
        log_text = mapping.text(log_text)
    members = {
        "report.json": json.dumps(scrubbed.to_dict(), indent=2, ensure_ascii=False) + "\n",
        "report.html": render_html(scrubbed, redactor, prepared=True),
        "run.log": log_text,
    }
    created = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "created": created,
        "tool": dict(scrubbed.tool),
        "report_created": scrubbed.created,
        "redaction": {"secrets": "masked", **scrubbed.redaction},
        "files": [
            {
                "name": name,
                "bytes": len(data := text.encode("utf-8")),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
            for name, text in members.items()
        ],
    }
    members[MANIFEST] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    buffer = io.BytesIO()
    stamp = (now or dt.datetime.now()).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def write_bundle(
    report: Report,
    redactor: Redactor,
    path: str | os.PathLike[str],
    *,
    log: str | None = None,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
) -> None:
    atomic_write_bytes(
        path,
        bundle_bytes(
            report,
            redactor,
            log=log,
            redact_identities=redact_identities,
            identity_names=identity_names,
        ),
    )


def verify_bundle(data: bytes) -> list[str]:
    """Problems with a bundle's manifest (empty when every checksum matches)."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        listed = {entry["name"] for entry in manifest["files"]}
        for entry in manifest["files"]:
            digest = hashlib.sha256(archive.read(entry["name"])).hexdigest()
            if digest != entry["sha256"]:
                problems.append(f"{entry['name']}: checksum does not match")
        extra = set(archive.namelist()) - listed - {MANIFEST}
        problems += [f"{name}: not in the manifest" for name in sorted(extra)]
    return problems
