"""Searching artifacts for canary secrets in every form a secret takes on its way out:
as is, base64 (standard and URL-safe, with and without padding, and inside the HTTP Basic,
SASL PLAIN and XOAUTH2 blobs that carry it), URL-encoded, and hex (lower and upper case).
Also: any JSON Web Token at all (a token the test did not know of is still a token), and
every file under a folder, every member of a zip, the text of a PDF.

Used by tests/integration/test_secrets_everywhere.py and tests/packaging/
test_frozen_secrets.py; the sources are text or bytes, each searched as both."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import urllib.parse
import zipfile
from collections.abc import Iterable, Mapping
from io import BytesIO
from pathlib import Path

# Three base64url parts, the first two JSON objects ({"...": eyJ): a JWT, signed or not.
JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")
SHORTEST = 6  # a form shorter than this would match by chance


def _b64_all(raw: bytes) -> set[bytes]:
    standard = base64.b64encode(raw)
    url = base64.urlsafe_b64encode(raw)
    return {standard, url, standard.rstrip(b"="), url.rstrip(b"=")}


def _b64_inner(raw: bytes) -> set[bytes]:
    """Base64 of `raw` at each of the three alignments it may sit at inside a longer blob
    (the secret after other bytes), cut to the characters that depend on it alone."""
    found: set[bytes] = set()
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)
        start = {0: 0, 1: 2, 2: 3}[shift]
        stop = len(encoded) - (3 if (shift + len(raw)) % 3 else 0)
        part = encoded[start:stop].rstrip(b"=")
        if len(part) >= SHORTEST:
            found.add(part)
            found.add(part.replace(b"+", b"-").replace(b"/", b"_"))
    return found


def forms(secret: str, users: Iterable[str] = ()) -> dict[bytes, str]:
    """Every searched form of `secret` (bytes) -> how it was encoded."""
    raw = secret.encode("utf-8")
    found: dict[bytes, str] = {raw: "plain"}
    for form in _b64_all(raw):
        found.setdefault(form, "base64")
    for form in _b64_inner(raw):
        found.setdefault(form, "base64 (inside a longer blob)")
    for quoted, how in (
        (urllib.parse.quote(secret, safe=""), "URL-encoded"),
        (urllib.parse.quote_plus(secret, safe=""), "URL-encoded (form)"),
        (urllib.parse.quote(secret), "URL-encoded (path)"),
    ):
        found.setdefault(quoted.encode(), how)
        lowered = re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), quoted)
        found.setdefault(lowered.encode(), how + ", lower-case escapes")
    found.setdefault(raw.hex().encode(), "hex")
    found.setdefault(raw.hex().upper().encode(), "HEX")
    for user in users:
        for blob, how in (
            (f"{user}:{secret}", "HTTP Basic"),
            (f"\0{user}\0{secret}", "SASL PLAIN"),
            (f"{user}\0{user}\0{secret}", "SASL PLAIN (authzid)"),
            (f"user={user}\x01auth=Bearer {secret}\x01\x01", "XOAUTH2"),
        ):
            for form in _b64_all(blob.encode()):
                found.setdefault(form, f"base64 of {how}")
    return {form: how for form, how in found.items() if len(form) >= SHORTEST}


def leaks(
    artifacts: Mapping[str, str | bytes], secrets: Mapping[str, str], users: Iterable[str] = ()
) -> list[str]:
    """ "<secret name> as <form> in <artifact>" for every hit; [] when clean. Artifacts are
    searched as given and, for bytes, as UTF-8 text too (the same thing)."""
    people = list(users)
    table = {name: forms(secret, people) for name, secret in secrets.items()}
    found = []
    for where, content in artifacts.items():
        blob = content.encode("utf-8", "surrogateescape") if isinstance(content, str) else content
        folded = blob.lower()
        for name, wanted in table.items():
            for form, how in wanted.items():
                # hex and URL escapes: either case; the rest exactly
                hit = form in blob or (how in ("hex", "HEX") and form.lower() in folded)
                if hit:
                    found.append(f"{name} as {how} ({form[:24]!r}...) in {where}")
                    break
    return found


def jwts(artifacts: Mapping[str, str | bytes]) -> list[str]:
    """Any JSON Web Token in the artifacts (a token the test never saw is one too)."""
    found = []
    for where, content in artifacts.items():
        blob = content.encode("utf-8", "surrogateescape") if isinstance(content, str) else content
        for match in JWT.finditer(blob):
            found.append(f"a JWT ({match.group()[:30]!r}...) in {where}")
    return found


def pdf_text(data: bytes) -> str:
    if shutil.which("pdftotext") is None:
        raise RuntimeError("pdftotext (poppler-utils) is needed to read the PDF's text")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8", "replace")


def expand(name: str, data: bytes) -> dict[str, bytes | str]:
    """An artifact and what is inside it: a PDF's text, a zip's members (recursively)."""
    found: dict[str, bytes | str] = {name: data}
    if data.startswith(b"%PDF"):
        found[f"{name} (text)"] = pdf_text(data)
    elif data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(BytesIO(data)) as archive:
            for member in archive.namelist():
                found.update(expand(f"{name}/{member}", archive.read(member)))
    return found


def folder_artifacts(folder: Path, label: str | None = None) -> dict[str, bytes | str]:
    """Every file under `folder`, expanded (PDF text, zip members)."""
    found: dict[str, bytes | str] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            where = f"{label or folder.name}/{path.relative_to(folder)}"
            found.update(expand(where, path.read_bytes()))
    return found
