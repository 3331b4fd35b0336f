"""packaging/rthook_deferred.py: PyInstaller's multiprocessing and pkgutil runtime hooks,
put in the PYZ by the spec as `_deferred_<hook>` modules, run right after the first import
of their module (fully loaded by then), not at start; a multiprocessing child runs its hook
at once. Checked in a fresh interpreter that plays the bundle (sys.frozen set, stand-in
hooks that record when they ran)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "packaging" / "rthook_deferred.py"

# A stand-in for PyInstaller's hook: records that it ran and whether its module was
# complete then (the real hooks patch attributes of it).
STAND_IN = """
import sys, {module}
sys.ran.append(("{module}", hasattr({module}, "{attribute}")))
"""

PLAY = """
import json, sys
sys.frozen = True
sys.ran = []
sys.path.insert(0, {folder!r})
with open({hook!r}) as source:  # as the bootloader runs it (runpy would import pkgutil)
    exec(compile(source.read(), {hook!r}, "exec"), {{"__name__": "__main__"}})
seen = {{"at_start": list(sys.ran), "imported": sorted(
    m for m in ("multiprocessing", "pkgutil") if m in sys.modules)}}
import pkgutil
seen["after_pkgutil"] = list(sys.ran)
import multiprocessing.spawn
seen["after_multiprocessing"] = list(sys.ran)
import multiprocessing, pkgutil  # again: no second run
seen["end"] = list(sys.ran)
print(json.dumps(seen))
"""


def play(tmp_path: Path, *argv: str) -> dict[str, list]:
    for hook, module, attribute in (
        ("pyi_rth_multiprocessing", "multiprocessing", "freeze_support"),
        ("pyi_rth_pkgutil", "pkgutil", "iter_importer_modules"),
    ):
        code = STAND_IN.format(module=module, attribute=attribute)
        (tmp_path / f"_deferred_{hook}.py").write_text(code)
    script = PLAY.format(folder=str(tmp_path), hook=str(HOOK))
    result = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_hooks_wait_for_their_module(tmp_path: Path) -> None:
    seen = play(tmp_path, "--lang", "en")
    assert seen["at_start"] == [] and seen["imported"] == []
    assert seen["after_pkgutil"] == [["pkgutil", True]]
    assert seen["after_multiprocessing"] == [["pkgutil", True], ["multiprocessing", True]]
    assert seen["end"] == seen["after_multiprocessing"]


def test_a_multiprocessing_child_runs_its_hook_at_once(tmp_path: Path) -> None:
    # How multiprocessing starts its resource tracker from a frozen executable.
    seen = play(tmp_path, "-c", "from multiprocessing.resource_tracker import main;main(3)")
    assert seen["at_start"] == [["multiprocessing", True]]
    assert seen["end"] == [["multiprocessing", True], ["pkgutil", True]]
