"""The wizard's pages. Each gathers input or shows results; the engine does the work."""
