"""assistant/text.py: English now, another language later, and nothing lost on the way."""

from __future__ import annotations

import json
import pickle

from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.redact import MASK, Redactor
from assistant.text import Message, Text, from_json, join, map_text, msg, render, verbatim

ZH = {
    "{host} refused the connection": "{host} 拒绝了连接",
    "port {port}": "端口 {port}",
    "{count} records": "{count} 条记录",
    "Check the firewall": "检查防火墙",
    "SPF record": "SPF 记录",
}


def zh(template: str) -> str:
    return ZH.get(template, template)


def test_msg_is_the_english_text_and_renders_in_another_language() -> None:
    text = msg("{host} refused the connection", host="mail.contoso.com")
    assert text == "mail.contoso.com refused the connection"
    assert isinstance(text, str) and isinstance(text, Text)
    assert render(text, zh) == "mail.contoso.com 拒绝了连接"
    assert render("plain data", zh) == "plain data"


def test_nested_and_joined_text_translate_every_part() -> None:
    inner = msg("port {port}", port=587)
    outer = msg("{host} refused the connection", host=inner)
    both = join("; ", [outer, msg("{count} records", count=3), "v=spf1 -all"])
    assert both == "port 587 refused the connection; 3 records; v=spf1 -all"
    assert render(both, zh) == "端口 587 拒绝了连接; 3 条记录; v=spf1 -all"
    assert verbatim("v=DMARC1; p=none") == "v=DMARC1; p=none"
    assert isinstance(verbatim("x"), Text)


def test_a_translation_that_broke_its_placeholders_falls_back_to_english() -> None:
    text = msg("port {port}", port=25)
    assert render(text, lambda t: "端口 {prt}") == "port 25"


def test_arguments_must_be_text_or_numbers() -> None:
    try:
        msg("{items}", items=["a", "b"])  # type: ignore[arg-type]
    except TypeError as error:
        assert "items" in str(error)
    else:
        raise AssertionError("a list argument was accepted")


def test_a_step_keeps_its_translatable_text_through_json() -> None:
    step = Step(
        "dns.spf",
        msg("SPF record"),
        Status.FAIL,
        summary=join("; ", [msg("{count} records", count=2), "v=spf1"]),
        details="plain details",
        remedy=Remedy(msg("Check the firewall"), "https://learn.microsoft.com/x"),
        evidence=[Evidence("text", msg("port {port}", port=25), "data")],
    )
    raw = json.loads(json.dumps(step.to_dict()))
    assert raw["summary"] == "2 records; v=spf1"
    assert "details" not in raw["i18n"]  # plain text needs no recipe
    again = Step.from_dict(raw)
    assert render(again.summary, zh) == "2 条记录; v=spf1"
    assert again.remedy is not None and render(again.remedy.text, zh) == "检查防火墙"
    assert render(again.evidence[0].label, zh) == "端口 25"
    assert render(again.title, zh) == "SPF 记录"
    assert pickle.loads(pickle.dumps(again.summary)) == again.summary


def test_a_recipe_that_does_not_match_the_english_is_ignored() -> None:
    made = {"template": "{host} refused the connection", "args": {"host": "evil"}}
    assert from_json("mail refused the connection", made) == "mail refused the connection"
    assert not isinstance(from_json("mail refused the connection", made), Text)
    assert not isinstance(from_json("x", {"template": 5}), Text)
    assert not isinstance(from_json("x", ["not", "an", "object"]), Text)


def test_redaction_reaches_the_arguments_and_keeps_text_translatable() -> None:
    secret = "Canary-Secret-123"
    redact = Redactor([secret])
    text = msg("{host} refused the connection", host=f"user:{secret}@host")
    clean = redact(text)
    assert secret not in clean and MASK in clean
    assert isinstance(clean, Message)
    assert secret not in json.dumps(clean.to_json())
    assert secret not in render(clean, zh)


def test_redaction_that_spans_template_and_argument_gives_plain_redacted_text() -> None:
    # The pattern "password=<value>" starts in the template and ends in the argument.
    text = msg("password={value}", value="hunter2")
    clean = map_text(text, Redactor()._plain)
    assert "hunter2" not in clean
    assert not isinstance(clean, Text) or "hunter2" not in json.dumps(clean.to_json())
