"""Which Microsoft cloud a domain's tenant lives in, from its public sign-in metadata.

`https://<login host>/<domain>/v2.0/.well-known/openid-configuration` answers
anonymously; its `cloud_instance_name` names the cloud (CHECKS.md, "Environments").
The worldwide sign-in service also answers for US Government tenants; 21Vianet
tenants are only known to their own service, which is asked second.
"""

from __future__ import annotations

import json

from assistant.cancel import CancelToken, Deadline
from assistant.config import NetworkOptions
from assistant.facts import CLOUD_INSTANCE_NAMES, ENVIRONMENTS, Cloud
from assistant.net.http import HttpError, https_request
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
        deadline = Deadline.after(options.timeout * 2)
        net = Network(
            options,
            Resolver(options.nameservers, timeout=options.timeout, token=token),
            token,
            deadline,
        )
        url = f"https://{host}/{domain}/v2.0/.well-known/openid-configuration"
        try:
            response = https_request(net, url, max_bytes=64 * 1024)
        except HttpError:
            continue
        if response.status != 200:
            continue
        try:
            config = json.loads(response.body)
        except ValueError:
            continue
        if isinstance(config, dict):
            found = CLOUD_INSTANCE_NAMES.get(str(config.get("cloud_instance_name", "")))
            if found is not None:
                return found
    return None
