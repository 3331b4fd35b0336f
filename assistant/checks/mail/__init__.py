"""What imap.*, pop.* and smtp.* share (the checks themselves are checks/imap.py, pop.py
and smtp.py): the check's frame (check.py), one conversation's connect and TLS steps
(session.py), the server to test and who may get the password (common.py), the XOAUTH2
sign-in (oauth.py), and what a server's refusal means (replies.py, a pure table)."""
