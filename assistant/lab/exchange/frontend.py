"""Put an Exchange organisation's services on lab hosts: POX, SOAP and v2 autodiscover
on every host of the organisation, MAPI over HTTP on its mailbox host.

EWS (/EWS/Exchange.asmx) is not here: assistant/lab/ews_service.py registers it on the
same route table (Lab.route), and can authenticate with Lab.site_for(host).
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.lab.exchange import mapi, pox, soap, v2
from assistant.lab.exchange.site import Site
from assistant.lab.https_server import Routes

POX_PATH = "/autodiscover/autodiscover.xml"
SOAP_PATH = "/autodiscover/autodiscover.svc"
MAPI_EMSMDB = "/mapi/emsmdb"
MAPI_NSPI = "/mapi/nspi"


def serve_autodiscover(routes: Routes, site: Site, hosts: Iterable[str]) -> None:
    pox_handler, soap_handler, v2_handler = pox.handler(site), soap.handler(site), v2.handler(site)
    for host in hosts:
        routes.add(host, POX_PATH, pox_handler)
        routes.add(host, SOAP_PATH, soap_handler)
        routes.add(host, v2.PATH, v2_handler, prefix=True)


def serve_mapi(routes: Routes, site: Site, host: str) -> None:
    routes.add(host, MAPI_EMSMDB, mapi.handler(site, "emsmdb"), prefix=True)
    routes.add(host, MAPI_NSPI, mapi.handler(site, "nspi"), prefix=True)
