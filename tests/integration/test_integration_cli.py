"""The integration checks from the command line (issue 15).

- An integration option given wrong, or given while no check that reads it runs, ends
  the run before any packet: exit 2, one line.
- `--checks integration` runs every integration check against the lab; the exit code
  follows the verdicts; `--checks integration.sharepoint` runs only the tenant and the
  SharePoint checks, and the plan the checks get names SharePoint alone.
- A broken lab scenario shows its FAIL and the remedy through the CLI; the demo runs.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.checks.integration import ids
from assistant.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from assistant.cli_integration import products_of
from assistant.integration_plan import ALL_PRODUCTS, Product
from assistant.lab.tenant import Lab
from assistant.model import Remedy
from assistant.settings_names import cli_flags

DOMAIN = "int-hybrid.test"
SITE = "https://sharepoint.int-hybrid.test/"


@pytest.fixture
def nameserver() -> Iterator[socket.socket]:
    """A UDP 'nameserver' that only records whether a run asked it anything."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.setblocking(False)
    yield udp
    udp.close()


def _asked(udp: socket.socket) -> bool:
    try:
        udp.recv(512)
    except BlockingIOError:
        return False
    return True


REFUSALS = [
    (
        ["--checks", "dns", "--sharepoint-url", "https://sharepoint.int-hybrid.test/"],
        "--sharepoint-url: no integration check runs; add --checks integration",
    ),
    (
        ["--sfb-pool", "web.int-hybrid.test"],
        "--sfb-pool: no integration check runs",
    ),
    (
        ["--checks", "dns", "--sharepoint-url", "x", "--sfb-pool", "y"],
        "--sharepoint-url, --sfb-pool: no integration check runs",
    ),
    (
        ["--checks", "integration.teams", "--sharepoint-url", "https://sp.int-hybrid.test/"],
        "--sharepoint-url: no SharePoint check runs",
    ),
    (
        ["--checks", "integration.sharepoint", "--sfb-pool", "web.int-hybrid.test"],
        "--sfb-pool: no Skype for Business check runs",
    ),
    (
        ["--checks", "integration", "--sharepoint-url", "http://sharepoint.int-hybrid.test/"],
        "is not a SharePoint site URL: give https://host/path",
    ),
    (
        ["--checks", "integration", "--sharepoint-url", "https://"],
        "is not a usable site URL: 'https://' names no host",
    ),
    (
        ["--checks", "integration", "--sfb-pool", "web pool.int-hybrid.test"],
        "is not a host name",
    ),
    (["--checks", "integration.fax"], "unknown check 'integration.fax'"),
]


@pytest.mark.parametrize(("args", "said"), REFUSALS)
def test_integration_options_given_wrong_stop_the_run_before_any_packet(
    args: list[str],
    said: str,
    nameserver: socket.socket,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = nameserver.getsockname()[1]
    argv = ["check", "--domain", DOMAIN, "--cloud", "onprem", "--nameserver", f"127.0.0.1:{port}"]
    code = main([*argv, *args])
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE
    assert said in err and len(err.strip().splitlines()) == 1, err
    assert out == ""
    assert not _asked(nameserver)


@pytest.mark.parametrize(
    ("check_ids", "products"),
    [
        (["integration.tenant", "integration.oauth_trust"], ALL_PRODUCTS),
        (["integration.tenant", "integration.sharepoint.site"], {Product.SHAREPOINT}),
        (["integration.auth_metadata", "integration.lync.dns"], {Product.LYNC}),
        (
            ["integration.teams.exchange", "integration.sharepoint.s2s", "integration.tenant"],
            {Product.TEAMS, Product.SHAREPOINT},
        ),
    ],
)
def test_the_plan_names_the_products_whose_checks_were_selected(
    check_ids: list[str], products: set[Product]
) -> None:
    assert products_of(check_ids) == products


# -- against the lab -----------------------------------------------------------------------


def run_cli(
    lab: Lab, capsys: pytest.CaptureFixture[str], report: Path, *args: str
) -> tuple[int, str, dict[str, dict[str, object]]]:
    """`check` in this process with the lab's network flags; (exit code, stdout, steps)."""
    argv = ["check", "--cloud", "onprem", "--no-password", "--quiet", "--timeout", "3"]
    code = main([*argv, "--json", str(report), *lab.cli_flags(), *args])
    out, _err = capsys.readouterr()
    return code, out, steps_of(report)


def steps_of(report: Path) -> dict[str, dict[str, object]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {step["id"]: step for step in data["steps"]}


def exit_code_for(steps: dict[str, dict[str, object]]) -> int:
    failed = any(step["status"] in ("fail", "error") for step in steps.values())
    return EXIT_FAILED if failed else EXIT_OK


def integration_ids(steps: dict[str, dict[str, object]]) -> set[str]:
    return {step_id for step_id in steps if step_id.startswith("integration.")}


@pytest.mark.lab
def test_every_integration_check_runs_against_the_healthy_organisation(
    lab: Lab, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    code, out, steps = run_cli(
        lab,
        capsys,
        report,
        "--domain",
        DOMAIN,
        "--checks",
        "integration",
        "--sharepoint-url",
        SITE,
    )
    assert integration_ids(steps) == set(ids.TITLES), out
    assert code == exit_code_for(steps)
    problems = {i: s["summary"] for i, s in steps.items() if s["status"] in ("fail", "error")}
    assert problems == {}, problems  # int-hybrid is healthy
    assert code == EXIT_OK
    for step_id in ids.TITLES:
        assert step_id in out, f"{step_id} is in the summary"


@pytest.mark.lab
def test_one_product_runs_the_tenant_and_that_products_checks_only(
    lab: Lab, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    code, out, steps = run_cli(
        lab,
        capsys,
        report,
        "--domain",
        DOMAIN,
        "--checks",
        "integration.sharepoint",
        "--sharepoint-url",
        SITE,
    )
    assert integration_ids(steps) == {
        ids.TENANT,
        ids.SHAREPOINT_SITE,
        ids.SHAREPOINT_S2S,
        ids.SHAREPOINT_SITE_MAILBOXES,
    }, out
    assert code == exit_code_for(steps)
    assert steps[ids.SHAREPOINT_SITE]["status"] == "pass", steps[ids.SHAREPOINT_SITE]


# A broken organisation through the CLI: the check that sees it fails (or warns), the exit
# code follows, and the summary carries the remedy (the "fix:" line) that names the change.
BROKEN = [
    ("int-no-bearer", (), ids.OAUTH_TRUST, "fail", "run the Hybrid Configuration Wizard"),
    ("int-wrong-tenant", (), ids.OAUTH_TRUST, "fail", "Set-AuthServer -AuthMetadataUrl"),
    ("int-no-metadata", (), ids.AUTH_METADATA, "fail", "/autodiscover/metadata/json/1"),
    (
        "int-expired-metadata",
        (),
        ids.AUTH_METADATA,
        "fail",
        "Set-AuthConfig -NewCertificateThumbprint",
    ),
    (
        "int-no-svc",
        (),
        ids.LYNC_AUTODISCOVER,
        "fail",
        "Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl",
    ),
    ("int-lync-badcert", (), ids.LYNC_LYNCDISCOVER, "fail", "lyncdiscover.int-lync-badcert.test"),
    ("int-ews-unpublished", (), ids.TEAMS_EXCHANGE, "fail", "EWS"),
    ("int-old-build", (), ids.TEAMS_EXCHANGE, "warn", "Exchange Server Subscription Edition"),
    # SharePoint Online sites: another tenant's (the wrong realm), and a custom domain.
    (
        "int-hybrid",
        ("--sharepoint-url", "https://fabrikamint.sharepoint.com/"),
        ids.SHAREPOINT_SITE,
        "fail",
        "a site in this domain's own tenant",
    ),
    (
        "int-hybrid",
        ("--sharepoint-url", "https://intranet.contoso.test/"),
        ids.SHAREPOINT_SITE,
        "fail",
        "Start-SPOTenantRename",
    ),
]


@pytest.mark.lab
@pytest.mark.parametrize(("scenario", "extra", "check_id", "status", "remedy"), BROKEN)
def test_a_broken_organisation_shows_its_verdict_and_remedy(
    scenario: str,
    extra: tuple[str, ...],
    check_id: str,
    status: str,
    remedy: str,
    lab: Lab,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    report = tmp_path / "report.json"
    code, out, steps = run_cli(
        lab, capsys, report, "--domain", f"{scenario}.test", "--checks", "integration", *extra
    )
    assert code == exit_code_for(steps) == (EXIT_FAILED if status == "fail" else EXIT_OK)
    step = steps[check_id]
    assert step["status"] == status, step
    fix = step["remedy"]["text"]  # type: ignore[index]
    assert remedy in fix, fix
    # The CLI adds its option where the engine names a setting in words (settings_names).
    saved = Remedy.from_dict(step["remedy"])  # type: ignore[arg-type]
    assert saved is not None
    assert f"{check_id:<18} " in out and f"fix: {cli_flags(saved.text)}" in out


@pytest.mark.lab
def test_the_integration_demo_runs_autodiscover_and_the_integration_area(
    tmp_path: Path,
) -> None:
    # The demo starts a lab of its own.
    report = tmp_path / "demo.json"
    code = main(["demo", "--scenario", "int-hybrid", "--json", str(report)])
    steps = steps_of(report)
    assert code == exit_code_for(steps) == EXIT_OK, {
        i: s["summary"] for i, s in steps.items() if s["status"] in ("fail", "error")
    }
    assert {step_id.split(".", 1)[0] for step_id in steps} <= {"autodiscover", "dns", "integration"}
    assert steps["autodiscover.result"]["status"] == "pass"
    assert integration_ids(steps) == set(ids.TITLES)
    # The scenario's SharePoint site was the one checked.
    assert "sharepoint.int-hybrid.test" in json.dumps(steps[ids.SHAREPOINT_SITE])


@pytest.mark.lab
def test_a_broken_demo_exits_failed(tmp_path: Path) -> None:
    report = tmp_path / "demo.json"
    code = main(["demo", "--scenario", "int-no-svc", "--json", str(report)])
    steps = steps_of(report)
    assert code == EXIT_FAILED
    assert steps[ids.LYNC_AUTODISCOVER]["status"] == "fail"
