"""Connectivity Assistant engine: checks, network layer, lab and reports (no Qt here)."""

__version__ = "0.1.0.dev0"
