"""Pure parsers and evaluators for mail-domain policy records (SPF, DMARC, MTA-STS, TLS-RPT).

Nothing here opens a socket or calls a DNS library: the checks in `assistant.checks`
fetch the records and pass them in (for SPF expansion, as an injected `resolve`
callable), so every decision can be tested with plain tables.
"""
