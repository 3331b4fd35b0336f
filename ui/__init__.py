"""The PySide6 wizard (issue 5). Only this package may import Qt; it never opens a socket."""
