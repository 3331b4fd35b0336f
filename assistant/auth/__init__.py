"""Credentials for one run: kept in memory only, never logged, saved or reported.

credentials.py       PasswordCredential, OAuthCredential, the Credentials union
oauth_credential.py  tokens per resource, or a provider that gets them during the run
oauth_config.py      the flow, the user's app registration, tenant and cloud
msal_provider.py     the MSAL-backed provider; msal_flows.py the three sign-ins
scopes.py, jwt_claims.py, token_diagnosis.py, aadsts.py   pure: scopes per cloud, the
                     token's claims, the classic mistakes, AADSTS codes in plain words
token_cache.py       MSAL's cache: memory, or the OS's protected storage (never a file)
"""
