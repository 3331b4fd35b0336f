"""Every step the engine produces against the lab can be said in another language.

Runs every check against every lab scenario (DNS faults, autodiscover faults, the mail
faults), then holds each step to assistant/text.py: titles, summaries, details, remedies
and evidence labels are Text; every template is one the extraction finds (so it is in the
catalogue); and no English sentence hides in an argument where the translator cannot
reach it. A path no scenario reaches is held to the rules statically instead
(tests/unit/test_engine_text_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.checks.registry import select
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.mail import PLANTED_PASSWORD, PLANTED_USER
from assistant.lab.tenant import Lab
from assistant.lab.zones import AD_SCENARIOS, SCENARIOS
from assistant.model import Step
from assistant.net.redact import Redactor
from assistant.runner import Runner
from assistant.text import Joined, Message, Setting, Text, Verbatim
from assistant.text_extract import extract

pytestmark = pytest.mark.lab

MAIL_FAULT_ENDPOINTS = [
    ("imap", "expired.mail.test:993"),
    ("imap", "wrong-name.mail.test:143"),
    ("imap", "tls10.mail.test:993"),
    ("imap", "no-starttls.mail.test:143"),
    ("imap", "silent.mail.test:143"),
    ("imap", "cut-off.mail.test:993"),
    ("pop", "no-starttls.mail.test:110"),
    ("pop", "silent.mail.test:110"),
    ("pop", "cut-off.mail.test:995"),
    ("smtp", "no-auth.mail.test:587"),
    ("smtp", "auth-disabled.mail.test:587"),
    ("smtp", "security-defaults.mail.test:587"),
    ("smtp", "silent.mail.test:465"),
    ("smtp", "tls10.mail.test:465"),
]
MAIL_CHECKS = {"imap": "imap", "pop": "pop", "smtp": "smtp"}

# Arguments that carry someone else's words, shown as they were said (a server's reply,
# a record's text, an exception's message): English there is data, not our prose.
THEIR_WORDS = re.compile(r"(reply|replies|record|records|raw|said|response|error|text|value)s?$")
# Three or more English words in a row: prose that should have been a template.
PROSE = re.compile(r"\b[A-Za-z]{2,}(?:[ ,]+[a-z]{2,}){3,}\b")


def run(lab: Lab, domain: str, cloud: Cloud, **extra: object) -> list[Step]:
    email = f"admin@{domain}"
    options = lab.network_options(timeout=0.5, check_deadline=10.0)
    if extra:
        options = options.__class__(**{**options.__dict__, **extra})
    runner = Runner(
        Target.parse(email, cloud),
        options,
        credentials=PasswordCredential(email, LAB_PASSWORD),
        consent=lambda host, why: False,
    )
    return runner.run(select(None))


def run_mail(lab: Lab, protocol: str, endpoint: str) -> list[Step]:
    options = lab.network_options(timeout=0.5, check_deadline=10.0)
    options = options.__class__(**{**options.__dict__, "endpoints": ((protocol, endpoint),)})
    runner = Runner(
        Target.parse(PLANTED_USER),
        options,
        credentials=PasswordCredential(PLANTED_USER, PLANTED_PASSWORD),
    )
    return runner.run(select([MAIL_CHECKS[protocol]]))


@pytest.fixture(scope="module")
def every_step(lab: Lab) -> list[Step]:
    jobs = [
        (s.domain(), Cloud.WORLDWIDE if s.domain() in lab.cloud_domains() else Cloud.ONPREM)
        for s in [*SCENARIOS.values(), *AD_SCENARIOS.values()]
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        domain_runs = list(pool.map(lambda job: run(lab, *job), jobs))
        mail_runs = list(pool.map(lambda job: run_mail(lab, *job), MAIL_FAULT_ENDPOINTS))
    return [step for steps in [*domain_runs, *mail_runs] for top in steps for step in top.walk()]


def texts(step: Step) -> Iterator[tuple[str, str]]:
    yield "title", step.title
    yield "summary", step.summary
    yield "details", step.details
    if step.remedy is not None:
        yield "remedy", step.remedy.text
    for item in step.evidence:
        yield "evidence label", item.label


def templates(text: str) -> Iterator[str]:
    if isinstance(text, Message):
        yield text.template
        for value in text.args.values():
            if isinstance(value, str):
                yield from templates(value)
    elif isinstance(text, Joined):
        for part in text.parts:
            yield from templates(part)


def hidden_prose(text: str, name: str = "") -> Iterator[str]:
    """Plain (untranslatable) arguments that read like English sentences."""
    if isinstance(text, Message):
        for key, value in text.args.items():
            if isinstance(value, str):
                yield from hidden_prose(value, key)
    elif isinstance(text, Verbatim):
        return  # data on purpose (a record, a server's reply): shown as it is
    elif isinstance(text, Setting):
        return  # a setting named in words: translated like a template (settings_names.py)
    elif isinstance(text, Joined):
        for part in text.parts:
            yield from hidden_prose(part, name or "joined")
    elif name and not THEIR_WORDS.search(name) and PROSE.search(text):
        yield f"{name}={text!r}"


def test_the_lab_runs_reach_many_steps(every_step: list[Step]) -> None:
    assert len(every_step) > 1500
    assert len({s.id for s in every_step}) > 50


def test_every_step_text_is_translatable(every_step: list[Step]) -> None:
    plain = sorted(
        {
            f"{step.id} {field}: {value[:70]!r}"
            for step in every_step
            for field, value in texts(step)
            if value and not isinstance(value, Text)
        }
    )
    assert plain == []


def test_every_template_used_is_in_the_catalogue(every_step: list[Step]) -> None:
    known = set(extract().unique())
    unknown = sorted(
        {
            f"{step.id}: {template[:70]!r}"
            for step in every_step
            for _field, value in texts(step)
            for template in templates(value)
            if template not in known
        }
    )
    assert unknown == []


def test_no_english_sentence_hides_in_an_argument(every_step: list[Step]) -> None:
    found = sorted(
        {
            f"{step.id} {field}: {prose[:90]}"
            for step in every_step
            for field, value in texts(step)
            for prose in hidden_prose(value)
        }
    )
    assert found == []


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)


def test_redaction_never_changes_what_a_step_says(every_step: list[Step]) -> None:
    """Issue 11, item 5: redaction masks secrets, never prose. With no secret known (as in
    `report render`) no step text of any scenario may change; evidence, already redacted
    when it was made, must come back as it was (the patterns are idempotent)."""
    redact = Redactor()
    changed = sorted(
        {
            f"{step.id} {field}: {value!r} -> {redact(value)!r}"
            for step in every_step
            for field, value in texts(step)
            if redact(value) != value
        }
    )
    assert changed == []
    evidence = sorted(
        {
            f"{step.id} evidence: {text[:120]!r}"
            for step in every_step
            for item in step.evidence
            for text in _strings(item.data)
            if redact(text) != text
        }
    )
    assert evidence == []
