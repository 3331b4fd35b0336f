"""Reusable widgets: the live step tree, step details with evidence, the summary banner."""
