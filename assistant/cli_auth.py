"""The CLI's OAuth options, and the credential they make.

    check --email ADDR --auth oauth-device --client-id ID [--tenant T]
    check --email ADDR --auth oauth-browser --client-id ID [--tenant T]
    check --email ADDR --auth oauth-app --client-id ID --tenant T
          (--client-secret-env NAME | --client-cert FILE [--client-cert-password-env NAME])
          [--mailbox ADDR]
    check --email ADDR --auth oauth-token --access-token-env NAME   (diagnose a token)

Secrets come from the environment, never from argv; the certificate from a file. The
device code (or the browser sign-in URL) is printed on stderr by the CLI's event handler.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from assistant.auth.client_cert import load_client_certificate
from assistant.auth.credentials import AccessToken, OAuthCredential
from assistant.auth.jwt_claims import NotAJwt, read_token
from assistant.auth.oauth_config import Flow
from assistant.auth.oauth_sign_in import (
    oauth_config,
    oauth_credential,
    oauth_mailbox,
)
from assistant.auth.scopes import NoOAuthForCloud, resource_for
from assistant.checks.registry import oauth_protocols
from assistant.config import InputError, Target, check_sign_in_name

AUTH_PASSWORD = "password"  # noqa: S105 - the name of a sign-in method
AUTH_TOKEN_GIVEN = "oauth-token"  # noqa: S105 - the name of a sign-in method
AUTH_CHOICES = (AUTH_PASSWORD, *(f.value for f in Flow), AUTH_TOKEN_GIVEN)


def add_oauth_arguments(check: argparse.ArgumentParser) -> None:
    group = check.add_argument_group("OAuth 2.0 sign-in (see docs/oauth.md)")
    group.add_argument(
        "--auth",
        choices=AUTH_CHOICES,
        default=AUTH_PASSWORD,
        help="how to sign in: a password (default), a device code, the browser, the app "
        "itself (client credentials), or an access token to diagnose",
    )
    group.add_argument("--client-id", metavar="ID", help="your app registration's client ID")
    group.add_argument("--tenant", metavar="T", help="tenant ID or domain (default: the email's)")
    secret = group.add_mutually_exclusive_group()
    secret.add_argument("--client-secret-env", metavar="NAME", help="client secret from $NAME")
    secret.add_argument("--client-cert", metavar="FILE", help="certificate (.pfx or .pem)")
    group.add_argument("--client-cert-password-env", metavar="NAME", help="PFX password from $NAME")
    group.add_argument("--mailbox", metavar="ADDR", help="app-only: the mailbox the app opens")
    group.add_argument("--access-token-env", metavar="NAME", help="oauth-token: the token in $NAME")
    group.add_argument(
        "--persist-token-cache",
        action="store_true",
        help="keep the sign-in in the OS's protected storage (never in a plain file)",
    )


def _env(name: str, flag: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise InputError(f"{flag} {name}: that variable is not set")
    return value


def _app_only_token(value: str) -> bool:
    try:
        return read_token(value).app_only
    except NotAJwt:
        return False  # unreadable: auth.token says why; the sign-ins are the judge


def oauth_credential_from(
    args: argparse.Namespace, target: Target, check_ids: Sequence[str]
) -> OAuthCredential | None:
    """The OAuth credential the options ask for; None for --auth password."""
    if args.auth == AUTH_PASSWORD:
        for flag in ("client_id", "client_secret_env", "client_cert", "access_token_env"):
            if getattr(args, flag, None):
                option = "--" + flag.replace("_", "-")
                raise InputError(f"{option} is for OAuth: add --auth oauth-device/-browser/-app")
        return None
    if args.password_env or args.password_stdin:
        raise InputError("a password option cannot be combined with an OAuth sign-in")
    protocols = oauth_protocols(check_ids)
    mailbox = oauth_mailbox(
        check_sign_in_name(args.mailbox, about="mailbox") if args.mailbox else None,
        check_sign_in_name(args.user) if args.user else None,
        target.email,
    )
    if args.auth == AUTH_TOKEN_GIVEN:
        if not args.access_token_env:
            raise InputError("--auth oauth-token needs --access-token-env NAME")
        value = _env(args.access_token_env, "--access-token-env").strip()
        try:
            resource = resource_for(target.environment)
        except NoOAuthForCloud as exc:
            raise InputError(str(exc)) from None
        token = AccessToken(value, resource, source="an access token given for this run")
        # The token says whose it is: an app's own token (roles, no user) signs in app-only,
        # so EWS names the mailbox to open (X-AnchorMailbox) as it must for such a token.
        return OAuthCredential(
            mailbox, tokens=[token], protocols=protocols, app_only=_app_only_token(value)
        )
    if not args.client_id:
        raise InputError(f"--auth {args.auth} needs --client-id (your app registration's)")
    secret = _env(args.client_secret_env, "--client-secret-env") if args.client_secret_env else None
    certificate = None
    if args.client_cert:
        password = None
        if args.client_cert_password_env:
            password = _env(args.client_cert_password_env, "--client-cert-password-env")
        certificate = load_client_certificate(args.client_cert, password)
    config = oauth_config(
        args.auth,
        client_id=args.client_id,
        target=target,
        mailbox=mailbox,
        protocols=protocols,
        tenant=args.tenant,
        client_secret=secret,
        certificate=certificate,
        persist_cache=args.persist_token_cache,
    )
    return oauth_credential(config, mailbox)
