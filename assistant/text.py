"""Engine text that can be said in another language.

Checks write their titles, summaries, details and remedies as

    msg("{domain} has no MX record", domain=domain)

The result is an ordinary `str` holding the English, so the CLI, the reports and the logs
keep working with it unchanged, but it also remembers its template and arguments. The
wizard looks the template up in its translation catalogue and fills in the same
arguments (`Text.render`); a saved report keeps both (`to_json`/`from_json`), so a
report opened later is translated too.

Rules that keep this working:
- The template is a string literal at the `msg(...)` call, or is marked with `N_("...")`
  where it is defined (a table of remedies), so `python -m ui.i18n update` can find it.
- Placeholders are named (`{host}`, `{count}`); translators move them, never rename them.
- Arguments are data (host names, numbers, a server's reply) or other `Text`; a phrase
  that needs translating is never built with an f-string and passed in as data.
- `+` and f-strings on a `Text` give plain `str` (the English only): use `msg` or `join`.
- A setting the user gives is named in words, never as a CLI option or a wizard field:
  pass `setting("send_to")` (assistant/settings_names.py) as an argument. The engine's
  English says "the recipient for the test message"; each front end adds where that is
  set with `with_hints` (the CLI "(--send-test-to)", the wizard the field's label).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Arg = str | int | float  # a str argument may itself be a Text
Translate = Callable[[str], str]


def N_(template: str) -> str:  # the gettext marker translators know
    """Marks a template defined away from its `msg` call (a table) for extraction."""
    return template


class Text(str):
    """English text that remembers how it was made; see the module docstring."""

    def render(self, translate: Translate) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def map_leaves(self, fn: Callable[[str], str]) -> Text:  # pragma: no cover - abstract
        raise NotImplementedError


class Message(Text):
    template: str
    args: dict[str, Arg]

    def __new__(cls, template: str, args: Mapping[str, Arg]) -> Message:
        for name, value in args.items():
            if not isinstance(value, str | int | float):
                raise TypeError(f"msg argument {name!r} must be text or a number, not {value!r}")
        english = template.format_map(args)
        self = super().__new__(cls, english)
        self.template = template
        self.args = dict(args)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, self.args))

    def render(self, translate: Translate) -> str:
        values = {
            k: render(v, translate) if isinstance(v, str) else v for k, v in self.args.items()
        }
        try:
            return translate(self.template).format_map(values)
        except (KeyError, IndexError, ValueError):  # a translation that broke its placeholders
            return self.template.format_map(values)

    def to_json(self) -> dict[str, Any]:
        args = {k: v.to_json() if isinstance(v, Text) else v for k, v in self.args.items()}
        return {"template": self.template, "args": args}

    def map_leaves(self, fn: Callable[[str], str]) -> Text:
        return Message(self.template, {k: _map_arg(v, fn) for k, v in self.args.items()})


class Joined(Text):
    """Several texts with a separator that needs no translation ("; ", a line break)."""

    sep: str
    parts: tuple[str, ...]

    def __new__(cls, sep: str, parts: Iterable[str]) -> Joined:
        items = tuple(parts)
        self = super().__new__(cls, sep.join(items))
        self.sep = sep
        self.parts = items
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.sep, self.parts))

    def render(self, translate: Translate) -> str:
        return self.sep.join(render(p, translate) for p in self.parts)

    def to_json(self) -> dict[str, Any]:
        parts = [p.to_json() if isinstance(p, Text) else p for p in self.parts]
        return {"join": self.sep, "parts": parts}

    def map_leaves(self, fn: Callable[[str], str]) -> Text:
        return Joined(
            self.sep, [p.map_leaves(fn) if isinstance(p, Text) else fn(p) for p in self.parts]
        )


class Setting(Text):
    """A setting the user gives, named in words (`name`, itself translatable); `hint` says
    where a front end sets it ("--send-test-to", a field's label), empty in engine text."""

    key: str
    name: str
    hint: str

    def __new__(cls, key: str, name: str, hint: str = "") -> Setting:
        self = super().__new__(cls, f"{name} ({hint})" if hint else str(name))
        self.key = key
        self.name = name
        self.hint = hint
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Setting, (self.key, self.name, self.hint))

    def render(self, translate: Translate) -> str:
        words = render(self.name, translate)
        return f"{words} ({self.hint})" if self.hint else words

    def to_json(self) -> dict[str, Any]:
        name = self.name.to_json() if isinstance(self.name, Text) else self.name
        out: dict[str, Any] = {"setting": self.key, "name": name}
        if self.hint:
            out["hint"] = self.hint
        return out

    def map_leaves(self, fn: Callable[[str], str]) -> Text:
        name = self.name.map_leaves(fn) if isinstance(self.name, Text) else fn(self.name)
        return Setting(self.key, name, self.hint)


def with_hints(value: str, hint: Callable[[str], str | None]) -> str:
    """`value` with each `Setting` in it told where the user sets it: `hint(key)` gives a
    front end's name for the setting ("--trust-host", a field's label) or None to say
    nothing. Plain text comes back as it is."""
    if isinstance(value, Setting):
        return Setting(value.key, value.name, hint(value.key) or "")
    if isinstance(value, Verbatim) or not isinstance(value, Text):
        return value
    if isinstance(value, Message):
        args = {k: with_hints(v, hint) if isinstance(v, str) else v for k, v in value.args.items()}
        return Message(value.template, args)
    if isinstance(value, Joined):
        return Joined(value.sep, [with_hints(p, hint) for p in value.parts])
    return value


class TextError(Exception):
    """Mixed into an exception whose message is engine text: `message` keeps it translatable
    (`str(exc)` would give plain English, as `str()` of any str subclass does)."""

    @property
    def message(self) -> str:
        """The reason, still translatable (`str(exc)` gives the same)."""
        first = self.args[0] if len(self.args) == 1 else None
        return first if isinstance(first, str) else super().__str__()

    def __str__(self) -> str:
        return self.message


def msg(template: str, /, **args: Arg) -> Message:
    """English text from `template` and its named arguments, translatable later."""
    return Message(template, args)


def join(sep: str, parts: Iterable[str]) -> Joined:
    """`sep.join(parts)` that keeps each part translatable."""
    return Joined(sep, parts)


def render(value: str, translate: Translate) -> str:
    """`value` in the language of `translate`; plain text (data) is returned as it is."""
    return value.render(translate) if isinstance(value, Text) else value


def map_text(value: str, fn: Callable[[str], str]) -> str:
    """`fn(value)`, keeping `value` translatable when `fn` can be applied to its pieces.

    Used by redaction. Applied piece by piece, `fn` could miss what it would have found
    across a boundary (a pattern spanning template and argument); then the pieces are
    dropped and the plain `fn(value)` is returned, which is never less redacted.
    """
    whole = fn(str(value))
    if not isinstance(value, Text):
        return whole
    pieces = value.map_leaves(fn)
    return pieces if str(pieces) == whole else whole


def _map_arg(value: Arg, fn: Callable[[str], str]) -> Arg:
    if isinstance(value, Text):
        return value.map_leaves(fn)
    if isinstance(value, str):
        return fn(value)
    return value


def to_json(value: str) -> dict[str, Any] | None:
    """How `value` was made, for a saved report; None for plain text."""
    return value.to_json() if isinstance(value, Text) else None


def from_json(english: str, made: object) -> str:
    """Rebuild the Text a report saved; the plain English when `made` does not describe it
    (hand-edited, from a newer version): the English in the report is what it says."""
    if made is None:
        return english
    try:
        rebuilt = _build(made)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return english
    return rebuilt if str(rebuilt) == english else english


def _build(made: object) -> str:
    if isinstance(made, str):
        return made
    if not isinstance(made, dict):
        raise TypeError("expected an object")
    if "setting" in made:
        key, hint = made["setting"], made.get("hint", "")
        if not isinstance(key, str) or not isinstance(hint, str):
            raise TypeError("bad setting")
        return Setting(key, _build(made["name"]), hint)
    if "template" in made:
        args = made.get("args") or {}
        if not isinstance(made["template"], str) or not isinstance(args, dict):
            raise TypeError("bad message")
        return Message(made["template"], {str(k): _build_arg(v) for k, v in args.items()})
    parts = made["parts"]
    if not isinstance(made["join"], str) or not isinstance(parts, list):
        raise TypeError("bad join")
    return Joined(made["join"], [_build(p) for p in parts])


def _build_arg(value: object) -> Arg:
    if isinstance(value, bool) or not isinstance(value, str | int | float | dict):
        raise TypeError("bad argument")
    return _build(value) if isinstance(value, dict) else value


def placeholders(template: str) -> set[str]:
    """The argument names a template uses; ValueError for a malformed one."""
    names = set()
    for _literal, field, _spec, _conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if not field.isidentifier():
            raise ValueError(f"placeholder {{{field}}} must be a name")
        names.add(field)
    return names


class Verbatim(Joined):
    """Data shown as it is in every language; see `verbatim`."""

    def __new__(cls, value: str) -> Verbatim:
        return super().__new__(cls, "", [value])  # type: ignore[return-value]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Verbatim, (self.parts[0],))


def verbatim(value: str) -> Text:
    """Data shown as it is in every language (records, a listing, a server's reply) where the
    engine would otherwise owe translatable text: says on purpose that nothing is lost."""
    return value if isinstance(value, Text) else Verbatim(value)
