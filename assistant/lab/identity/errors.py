"""Microsoft Entra's refusals as the lab identity provider sends them: the AADSTS codes
the lab's faults use, in Entra's wording and its JSON error shape."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from assistant.lab.https_server import LabResponse
from assistant.lab.identity.grants import OAuthError

JSON = "application/json; charset=utf-8"
_MESSAGES = {
    50034: ("invalid_grant", "The user account {user} does not exist in the directory."),
    50020: (
        "invalid_grant",
        "User account '{user}' from identity provider does not exist in tenant and cannot "
        "access the application in that tenant.",
    ),
    65001: (
        "invalid_grant",
        "The user or administrator has not consented to use the application with ID "
        "'{app.client_id}' named '{app.name}'. Send an interactive authorization request "
        "for this user and resource.",
    ),
    700016: (
        "unauthorized_client",
        "Application with identifier '{client_id}' was not found in the directory "
        "'{tenant}'. This can happen if the application has not been installed by the "
        "administrator of the tenant or consented to by any user in the tenant.",
    ),
    7000229: (
        "invalid_client",
        "The client application {client_id} is missing service principal in the tenant {tenant}.",
    ),
    7000215: (
        "invalid_client",
        "Invalid client secret provided. Ensure the secret being sent in the request is the "
        "client secret value, not the client secret ID, for a secret added to app "
        "'{client_id}'.",
    ),
    7000218: (
        "invalid_client",
        "The request body must contain the following parameter: 'client_assertion' or "
        "'client_secret'.",
    ),
    700027: (
        "invalid_client",
        "The certificate with identifier used to sign the client assertion is not "
        "registered on application.",
    ),
    700024: ("invalid_client", "Client assertion is not within its valid time range."),
    90002: (
        "invalid_tenant",
        "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and "
        "are signing into the correct cloud.",
    ),
    90038: (
        "invalid_request",
        "The specified tenant '{tenant}' belongs to the National Cloud '{cloud}'. Current "
        "cloud instance '{here}' does not federate with {cloud}.",
    ),
    50059: (
        "invalid_request",
        "No tenant-identifying information found in either the request or implied by any "
        "provided credentials.",
    ),
    500011: (
        "invalid_resource",
        "The resource principal named {resource} was not found in the tenant named {tenant}.",
    ),
    70011: ("invalid_scope", "The provided value for the input parameter 'scope' is not valid."),
    1002012: (
        "invalid_scope",
        "The provided value for scope {scope} is not valid. Client credential flows must "
        "have a scope value with /.default suffixed to the resource identifier.",
    ),
    50011: (
        "invalid_request",
        "The redirect URI '{redirect}' specified in the request does not match the redirect "
        "URIs configured for the application '{client_id}'.",
    ),
    70016: ("authorization_pending", "OAuth 2.0 device flow error. Authorization is pending."),
    70019: ("expired_token", "Verification code expired."),
    9002313: ("invalid_request", "Invalid request. Request is malformed or invalid."),
}
_UNAUTHORIZED = {"invalid_client"}


class Refused(Exception):
    def __init__(self, error: OAuthError) -> None:
        super().__init__(error.message)
        self.error = error


def refusal(code: int, **facts: object) -> OAuthError:
    error, template = _MESSAGES[code]
    status = 401 if error in _UNAUTHORIZED else 400
    return OAuthError(status, error, code, template.format(**facts))


def refuse(code: int, **facts: object) -> Refused:
    return Refused(refusal(code, **facts))


def error_response(error: OAuthError) -> LabResponse:
    trace, correlation = str(uuid.uuid4()), str(uuid.uuid4())
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    prefix = f"AADSTS{error.code}: " if error.code else ""
    body = {
        "error": error.error,
        "error_description": f"{prefix}{error.message} Trace ID: {trace} Correlation ID: "
        f"{correlation} Timestamp: {stamp}",
        "error_codes": [error.code] if error.code else [],
        "timestamp": stamp,
        "trace_id": trace,
        "correlation_id": correlation,
    }
    if error.code:
        body["error_uri"] = f"https://login.microsoftonline.com/error?code={error.code}"
    return json_response(body, error.status)


def json_response(body: object, status: int = 200) -> LabResponse:
    return LabResponse(
        status,
        json.dumps(body).encode(),
        headers=(("Cache-Control", "no-store, no-cache"), ("x-ms-request-id", str(uuid.uuid4()))),
        content_type=JSON,
        server="",
    )
