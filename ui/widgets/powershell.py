"""PowerShell commands inside a remedy's sentence, found so the details pane can set them
apart in a block with a Copy button while the rest of the sentence stays prose.

A command is an approved-verb cmdlet (`Set-OrganizationConfig`) followed by at least one
argument: a parameter (`-RejectDirectSend`), a value after it (`$false`, `<user>`,
`'text'`, `InternalUrl,ExternalUrl`), or a pipe to another cmdlet. A cmdlet named alone
("check Get-ExchangeCertificate") is prose that mentions it, and so is a hyphenated word
("Send-As rights"). The command ends where the prose resumes: a plain lower-case word
("$false in Exchange Online"), a clause's punctuation (". ; , )") after a value, or a
translation's own text (any non-ASCII character: "，然后", "会显示").

Pure and linear in the text: one pass, each character looked at a bounded number of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# PowerShell's approved verbs (Get-Verb) that Exchange, SharePoint and Skype cmdlets use.
_VERB_NAMES = (
    "Add Approve Assert Block Clear Close Compress Confirm Connect Convert ConvertFrom "
    "ConvertTo Copy Debug Deny Disable Disconnect Dismount Edit Enable Enter Exit Expand "
    "Export Find Format Get Grant Hide Import Initialize Install Invoke Join Limit Lock "
    "Measure Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read "
    "Receive Redo Register Remove Rename Repair Request Reset Resize Resolve Restart "
    "Restore Resume Revoke Save Search Select Send Set Show Skip Split Start Stop Submit "
    "Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock Unprotect Unpublish "
    "Unregister Update Use Wait Watch Write"
)
VERBS = frozenset(_VERB_NAMES.split())
_CMDLET = re.compile(r"(?<![\w$-])([A-Z][A-Za-z]+)-([A-Z][A-Za-z0-9]+)\b")
_PARAM = re.compile(r"-[A-Za-z][A-Za-z0-9]*(?::[^\s]+)?")
_PROSE_WORD = re.compile(r"[a-z]+")  # "in", "then", "and": the sentence goes on
_CLAUSE_END = ".,;:"
MAX_PLACEHOLDER = 80  # `<object ID of the app>`: a bounded look for the closing ">"


@dataclass(frozen=True)
class Segment:
    text: str
    command: bool  # True: a PowerShell command, shown monospace with a Copy button


def commands(text: str) -> list[str]:
    """The PowerShell commands in `text`, in order."""
    return [s.text for s in split_commands(text) if s.command]


def split_commands(text: str) -> list[Segment]:
    """`text` cut into prose and commands; joining the texts gives `text` back, except
    for the spaces around a command, which belong to neither."""
    out: list[Segment] = []
    prose_from = 0
    search_from = 0
    while (found := _CMDLET.search(text, search_from)) is not None:
        end = _command_end(text, found)
        if end is None:
            search_from = found.end()
            continue
        before = text[prose_from : found.start()]
        if before.strip():
            out.append(Segment(before.rstrip(), False))
        out.append(Segment(text[found.start() : end], True))
        prose_from = search_from = end
    rest = text[prose_from:]
    if rest.strip():
        out.append(Segment(rest.strip() if out else rest, False))
    return out


def _command_end(text: str, cmdlet: re.Match[str]) -> int | None:
    """Where the command that starts with `cmdlet` ends, or None when no argument follows
    (a cmdlet named in prose)."""
    if cmdlet.group(1) not in VERBS:
        return None
    pos = end = cmdlet.end()
    arguments = 0
    after_value = False  # a value was the last thing read: only -Param or | may follow
    while True:
        start = _skip_spaces(text, pos)
        if start == pos or start >= len(text):  # arguments are separated by spaces
            break
        if text[start] == "|":  # a pipeline: the command runs to the end of the last cmdlet
            nxt = _CMDLET.match(text, _skip_spaces(text, start + 1))
            if nxt is None or nxt.group(1) not in VERBS:
                break
            piped = _command_end(text, nxt)
            return nxt.end() if piped is None else piped
        param = _PARAM.match(text, start)
        if param is not None and param.end() == _token_end(text, start):
            pos = end = param.end()
            arguments += 1
            after_value = False
            continue
        if after_value:
            break
        token_end = _value_end(text, start)
        if token_end is None:
            break
        value, stop = _trim(_ascii_part(text[start:token_end]))
        if not value or _PROSE_WORD.fullmatch(value):
            break
        pos = end = start + len(value)
        arguments += 1
        after_value = True
        if stop:
            break
    return end if arguments else None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _token_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _value_end(text: str, start: int) -> int | None:
    """The end of the value at `start`: a placeholder `<...>` or a quoted string may hold
    spaces; anything else runs to the next space."""
    first = text[start]
    if first in "<'\"":
        close = ">" if first == "<" else first
        limit = min(len(text), start + 1 + MAX_PLACEHOLDER)
        at = text.find(close, start + 1, limit)
        if at < 0:
            return None
        return _token_end(text, at + 1)
    return _token_end(text, start)


def _ascii_part(token: str) -> str:
    """The token up to its first non-ASCII character: in a translated remedy the prose
    ("，然后", "。") may follow a value with no space between them."""
    for index, char in enumerate(token):
        if not char.isascii():
            return token[:index] + "."  # the clause ends here, as a full stop would say
    return token


def _trim(token: str) -> tuple[str, bool]:
    """The token without the sentence's punctuation after it; True when some was there
    (the clause, and so the command, ends)."""
    trimmed = token
    while trimmed and (
        trimmed[-1] in _CLAUSE_END
        or (trimmed[-1] == ")" and trimmed.count(")") > trimmed.count("("))
        or trimmed[-1] == "`"
    ):
        trimmed = trimmed[:-1]
    return trimmed, trimmed != token
