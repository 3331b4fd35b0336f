"""autodiscover.*: the Outlook discovery sequence, step by step (CHECKS.md).

result_check.py  autodiscover.result: every candidate at once, and the one Outlook would pick
candidates.py    the candidates in Outlook's order (v2, root and autodiscover. HTTPS, the
                 HTTP redirect, SRV, SCP); walk.py follows one through its redirects,
                 policy.py says which hosts may get credentials on the way
pox.py, soap.py  the POX and SOAP protocols; result.py and settings.py turn an answer
                 into the settings later checks use
"""

from __future__ import annotations

from assistant.check import Check
from assistant.checks.autodiscover.result_check import TITLE, check_autodiscover
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.oauth_common import AUTH_TOKEN

# A password or token completes autodiscover (the settings need a sign-in), but it runs
# without one too: it does not need credentials, and its OAuth sign-in is EWS's.
AUTODISCOVER_CHECKS = (
    Check(RESULT_CHECK, TITLE, check_autodiscover, after=(AUTH_TOKEN,), oauth_protocol="ews"),
)
