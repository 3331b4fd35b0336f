"""Credentials for one run: kept in memory only, never logged, saved or reported."""
