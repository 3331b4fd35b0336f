"""The Welcome page's demo note says when IMAP and POP are played by the built-in responder
(issue 18: the demo where Dovecot is not installed)."""

from __future__ import annotations


def test_the_demo_note_says_when_a_built_in_responder_plays_imap_and_pop(qapp) -> None:
    from ui.pages.welcome import BUILTIN_MAIL, WelcomePage

    page = WelcomePage()
    page.update_demo("ready")
    assert "built-in responder" not in page.demo_note.text()
    page.update_demo("ready", BUILTIN_MAIL)
    assert "built-in responder" in page.demo_note.text()
    assert page.demo_note.text().startswith("Demo mode:")
