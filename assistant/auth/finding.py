"""A named cause with its fix: what the OAuth diagnostics (token_diagnosis.py, aadsts.py)
hand to the auth.token check. `key` is stable, for tests and support staff."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.model import Remedy, Status, worst


@dataclass(frozen=True)
class Finding:
    key: str  # e.g. "graph_audience", "secret_id", "consent_missing"
    status: Status  # FAIL, WARN or INFO
    cause: str  # one plain sentence: what is wrong (Text: made with msg)
    fix: str  # what to change, where (Text: made with msg)
    link: str | None = None

    @property
    def remedy(self) -> Remedy:
        return Remedy(self.fix, self.link)


def overall(findings: list[Finding]) -> Status:
    """The verdict for a list of findings: the worst one, PASS when there are none."""
    return worst([f.status for f in findings], default=Status.PASS)
