"""Engine text names the settings a user gives in words; the CLI adds its option, the wizard
its field (issue 16, item 3). assistant/settings_names.py, assistant/text.py `Setting`."""

from __future__ import annotations

import argparse
import io
import json
import re
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from assistant import text
from assistant.cli import build_parser, main, print_summary
from assistant.config import InputError
from assistant.model import Remedy, Status, Step
from assistant.network_addresses import parse_trusted_host
from assistant.settings_names import CLI_FLAGS, KEYS, cli_flags, setting, settings_in
from assistant.text import Setting, msg, with_hints
from assistant.text_extract import ENGINE, extract

# A CLI option inside engine text: "--trust-host", not an em-dash pair or "a--b".
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
# The CLI may name its own options; nothing else in the engine may.
CLI_MODULES = {"cli.py", "cli_auth.py", "cli_relay.py", "cli_integration.py", "report/cli.py"}


def _is_cli(where: str) -> bool:
    path = where.rsplit(":", 1)[0].removeprefix("assistant/")
    return path in CLI_MODULES


def test_no_engine_template_names_a_cli_flag() -> None:
    found = extract()
    assert found.templates, "the extractor found the engine's templates"
    flagged = [
        f"{f.where}: {FLAG.search(f.template).group()}"  # type: ignore[union-attr]
        for f in found.templates
        if FLAG.search(f.template) and not _is_cli(f.where)
    ]
    assert flagged == [], "engine text names CLI options; use settings_names.setting()"


def test_the_flag_test_sees_a_flag_outside_the_cli(tmp_path: Path) -> None:
    """The walk above would catch a flag: the same rule on a planted module."""
    package = tmp_path / "assistant"
    (package / "checks").mkdir(parents=True)
    (package / "checks" / "planted.py").write_text(
        'msg("If {host} is yours, confirm it with --trust-host {host}.", host="h")\n'
    )
    (package / "cli_planted.py").write_text('msg("--checks names no check")\n')
    found = extract(package)
    assert len(found.templates) == 2
    flagged = [f for f in found.templates if FLAG.search(f.template)]
    assert [f.where for f in flagged] == [
        "assistant/checks/planted.py:1",
        "assistant/cli_planted.py:1",
    ]
    assert not _is_cli(flagged[0].where)
    assert ENGINE.name == "assistant"


def test_a_setting_reads_as_words_and_the_cli_adds_its_flag() -> None:
    remedy = msg("Give {send_to} to test Direct Send.", send_to=setting("send_to"))
    assert remedy == "Give the recipient for the test message to test Direct Send."
    assert "--" not in remedy
    cli = cli_flags(remedy)
    assert cli == "Give the recipient for the test message (--send-test-to) to test Direct Send."
    assert remedy == "Give the recipient for the test message to test Direct Send."  # unchanged


def test_hints_reach_settings_nested_in_messages_and_joins() -> None:
    inner = msg("no credentials: give {login}", login=setting("roundtrip_user"))
    outer = text.join("; ", [msg("{what} failed", what="x"), msg("{why}", why=inner)])
    assert (
        cli_flags(outer)
        == "x failed; no credentials: give the recipient mailbox's login (--roundtrip-user)"
    )
    assert str(with_hints(outer, lambda key: None)) == str(outer)  # no hint: the words alone
    assert with_hints("plain data --keep", CLI_FLAGS.get) == "plain data --keep"
    assert with_hints(text.verbatim("--raw"), CLI_FLAGS.get) == "--raw"


def test_the_wizard_translates_the_words_and_adds_its_label() -> None:
    said = msg("Give {send_to}.", send_to=setting("send_to"))
    zh = {
        "Give {send_to}.": "请提供{send_to}。",
        "the recipient for the test message": "测试邮件的收件人",
    }
    labelled = with_hints(said, {"send_to": "收件人"}.get)
    assert text.render(labelled, lambda t: zh.get(t, t)) == "请提供测试邮件的收件人 (收件人)。"
    assert text.render(said, lambda t: zh.get(t, t)) == "请提供测试邮件的收件人。"


def test_a_report_keeps_the_setting_and_reads_back_the_same() -> None:
    step = Step(
        "x",
        "t",
        Status.SKIP,
        summary=msg("skipped: needs {email}", email=setting("email")),
        remedy=Remedy(
            msg("Check {tenant} and {cloud}", **settings_in("Check {tenant} and {cloud}"))
        ),
    )
    raw = json.loads(json.dumps(step.to_dict()))
    assert raw["summary"] == "skipped: needs the mailbox address"  # the English field, unchanged
    back = Step.from_dict(raw)
    assert isinstance(back.summary, text.Message)
    assert cli_flags(back.summary) == "skipped: needs the mailbox address (--email)"
    assert back.remedy is not None
    assert cli_flags(back.remedy.text) == (
        "Check the tenant (--tenant) and the Microsoft 365 environment (--cloud)"
    )
    hinted = cli_flags(step.summary)
    assert text.from_json(str(hinted), text.to_json(hinted)) == hinted


def test_every_setting_has_a_flag_the_cli_really_takes() -> None:
    assert set(CLI_FLAGS) == KEYS
    options: set[str] = set()

    def collect(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            options.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    collect(sub)

    collect(build_parser())
    assert {flag for flag in CLI_FLAGS.values() if flag not in options} == set()
    with pytest.raises(KeyError):
        setting("no_such_setting")


def test_the_cli_prints_its_flag_where_the_engine_names_the_setting() -> None:
    with pytest.raises(InputError) as raised:
        parse_trusted_host("bad host name")
    assert "--" not in str(raised.value)
    assert str(raised.value).startswith("the hosts trusted for this run: ")
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(["check", "--domain", "contoso.test", "--trust-host", "bad host name"])
    assert code == 2
    assert "the hosts trusted for this run (--trust-host): " in err.getvalue()

    out = io.StringIO()
    step = Step(
        "relay.direct_send",
        "t",
        Status.FAIL,
        summary=msg("not sent"),
        remedy=Remedy(msg("Give {send_to}.", send_to=setting("send_to"))),
    )
    print_summary([step], out)
    assert "fix: Give the recipient for the test message (--send-test-to)." in out.getvalue()


def test_a_setting_is_a_text_that_survives_pickling_and_redaction() -> None:
    import pickle

    value = Setting("email", msg("the mailbox address"), "--email")
    assert pickle.loads(pickle.dumps(value)) == value
    redacted = text.map_text(
        msg("give {email} for a@b", email=value), lambda s: s.replace("a@b", "X")
    )
    assert redacted == "give the mailbox address (--email) for X"
