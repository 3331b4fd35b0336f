"""Which Microsoft cloud a domain's tenant lives in, from its public sign-in metadata.

`https://<login host>/<domain>/v2.0/.well-known/openid-configuration` answers
anonymously; its `cloud_instance_name` names the cloud (CHECKS.md, "Environments"),
read by tenant_metadata.py as everywhere else.
The worldwide sign-in service also answers for US Government tenants; 21Vianet
tenants are only known to their own service, which is asked second.
"""

from __future__ import annotations

from assistant.auth.tenant_metadata import fetch_tenant_metadata
from assistant.cancel import CancelToken, Deadline
from assistant.config import NetworkOptions
from assistant.facts import ENVIRONMENTS, Cloud
from assistant.net.network import Network
from assistant.net.resolver import Resolver

_ASK = (Cloud.WORLDWIDE, Cloud.CHINA)


def detect_cloud(
    domain: str, options: NetworkOptions, token: CancelToken | None = None
) -> Cloud | None:
    """The tenant's cloud, or None when no sign-in service knows the domain (on-premises,
    a typo, no network). Blocking; bounded by the options' timeout per request."""
    token = token or CancelToken()
    for cloud in _ASK:
        host = ENVIRONMENTS[cloud].login_host
        if host is None:
            continue
        deadline = Deadline.after(options.timeout * 2)
        net = Network(
            options,
            Resolver(options.nameservers, timeout=options.timeout, token=token),
            token,
            deadline,
        )
        found = fetch_tenant_metadata(net, host, domain).metadata
        if found is not None and found.cloud is not None:
            return found.cloud
    return None
