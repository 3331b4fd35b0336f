# PyInstaller runtime hook (packaging/connectivity_assistant.spec), run before the app.
#
# Start-up (issue 17, bench/startup.py --frozen): two of PyInstaller's own runtime hooks
# import a module the wizard does not need before its first paint, multiprocessing
# (with pickle, socket, array, ...) and pkgutil (with typing), about a tenth of the frozen
# app's Python time before the first paint when profiled with py-spy. The spec takes them out
# of the start-up scripts and puts them in the PYZ as `_deferred_<hook>` modules; here they
# run right after the first import of their module, before anything can use it. A child that
# multiprocessing started (spawn, forkserver, resource tracker) says so in its arguments: there
# the multiprocessing hook runs at once, as PyInstaller runs it.
import sys


def _defer_pyinstaller_hooks():
    pending = {"multiprocessing": "pyi_rth_multiprocessing", "pkgutil": "pyi_rth_pkgutil"}

    def run(module):
        hook = pending.pop(module, None)
        if hook is not None:
            __import__(f"_deferred_{hook}")  # the hook's code runs on import

    arguments = sys.argv[1:]
    if "--multiprocessing-fork" in arguments or "-c" in arguments:
        run("multiprocessing")
    for module in list(pending):
        if module in sys.modules:  # imported already (by a hook that ran before this one)
            run(module)

    class ThenHook:
        """The module's own loader, then its hook."""

        def __init__(self, loader, module):
            self.loader, self.module = loader, module

        def create_module(self, spec):
            return self.loader.create_module(spec)

        def exec_module(self, module):
            self.loader.exec_module(module)
            run(self.module)

        def __getattr__(self, name):  # resources, get_code, ...: the real loader's
            return getattr(self.loader, name)

    class Deferred:
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name not in pending:
                return None
            for finder in sys.meta_path:
                if finder is Deferred or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    if spec.loader is not None:
                        spec.loader = ThenHook(spec.loader, name)
                    return spec
            return None

        @staticmethod
        def invalidate_caches():
            pass

    if pending:
        sys.meta_path.insert(0, Deferred)


if getattr(sys, "frozen", False):
    _defer_pyinstaller_hooks()
del _defer_pyinstaller_hooks
