# PyInstaller runtime hook (packaging/connectivity_assistant.spec), run before the app.
#
# On Linux the bootloader puts the bundle's folder first in LD_LIBRARY_PATH so the app
# finds its own copies of libraries. Programs the app starts are the system's own (the
# demo lab's Dovecot, xdg-open and the browser for a sign-in), built against the system's
# libraries; with that path they would load the bundle's copies instead (libsystemd,
# libgcrypt, ... from another distribution's build). Give the environment back its
# original value: the dynamic loader read it when this process started, so the app keeps
# finding its own libraries.
import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    _original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if _original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = _original
