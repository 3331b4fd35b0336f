"""Where a report may be written: the check before a run (output_path.py) and the atomic
writer's own refusal to put a file in place of something that is not a regular file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.report.atomic import NotARegularFile, atomic_write_bytes, atomic_write_text
from assistant.report.output_path import output_path_problem


def test_a_new_file_or_an_existing_regular_file_may_be_written(tmp_path: Path) -> None:
    assert output_path_problem(str(tmp_path / "new.json")) is None
    existing = tmp_path / "old.json"
    existing.write_text("{}", encoding="utf-8")
    assert output_path_problem(str(existing)) is None
    assert output_path_problem("relative-name.json") is None  # the working folder


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: (d / "link.json").symlink_to(d / "elsewhere.json"), "symbolic link"),
        (lambda d: (d / "dangling.json").symlink_to(d / "gone" / "x"), "symbolic link"),
        (lambda d: os.mkfifo(d / "pipe.json"), "not a regular file"),
        (lambda d: (d / "folder.json").mkdir(), "that is a folder"),
    ],
)
def test_what_is_not_a_regular_file_is_refused(
    tmp_path: Path, make: Callable[[Path], object], words: str
) -> None:
    before = set(tmp_path.iterdir())
    make(tmp_path)
    (created,) = set(tmp_path.iterdir()) - before
    problem = output_path_problem(str(created))
    assert problem is not None and words in problem


def test_a_device_is_refused_without_being_touched() -> None:
    problem = output_path_problem("/dev/full")
    assert problem is not None and "not a regular file" in problem


def test_a_name_with_no_room_for_the_temporary_suffix_is_refused(tmp_path: Path) -> None:
    """250 bytes is a valid name, but the writer's ".<name>.1a2b3c4d.part" is not."""
    problem = output_path_problem(str(tmp_path / ("a" * 245 + ".json")))
    assert problem is not None and "too long" in problem
    assert output_path_problem(str(tmp_path / ("a" * 235 + ".json"))) is None
    problem = output_path_problem(str(tmp_path / ("é" * 130 + ".json")))  # 260 bytes
    assert problem is not None and "too long" in problem


def test_a_path_longer_than_the_system_allows_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "/".join(["d" * 200] * 25)  # ~5,000 bytes
    problem = output_path_problem(str(deep / "r.json"))
    assert problem is not None and ("too long" in problem or "does not exist" in problem)


def test_a_missing_folder_or_a_file_used_as_a_folder_is_refused(tmp_path: Path) -> None:
    problem = output_path_problem(str(tmp_path / "missing" / "r.json"))
    assert problem is not None and "does not exist" in problem
    (tmp_path / "file").write_text("x", encoding="utf-8")
    problem = output_path_problem(str(tmp_path / "file" / "r.json"))
    assert problem is not None and "does not exist" in problem


# -- the atomic writer's last line of defence -------------------------------------------


def test_atomic_write_does_not_replace_a_symbolic_link(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("the user's file", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(kept)
    with pytest.raises(NotARegularFile):
        atomic_write_text(link, "{}")
    assert link.is_symlink() and os.readlink(link) == str(kept)
    assert kept.read_text(encoding="utf-8") == "the user's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "report.json"]


def test_atomic_write_does_not_replace_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "report.pdf"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_bytes(pipe, b"%PDF")
    assert pipe.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
