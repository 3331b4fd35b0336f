"""The lab's Exchange front end: autodiscover (POX, SOAP, v2 JSON), MAPI over HTTP, the
mailbox directory, the credential log, and the autodiscover fault handlers.

Exchange Online (contoso.test and every DNS-scenario domain) is served on
autodiscover.outlook.com, autodiscover-s.outlook.com and outlook.office365.com; the
on-premises organisation fabrikam.test on autodiscover.fabrikam.test and
mail.fabrikam.test; each autodiscover fault domain (zones.AD_SCENARIOS) by an
on-premises organisation of its own. Every account signs in with its address and
LAB_PASSWORD.
"""

from assistant.lab.exchange.directory import (
    EXO_EWS_URL,
    EXO_POX_URL,
    LAB_PASSWORD,
    ONPREM_EWS_URL,
)

__all__ = ["EXO_EWS_URL", "EXO_POX_URL", "LAB_PASSWORD", "ONPREM_EWS_URL"]
