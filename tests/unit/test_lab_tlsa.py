"""The lab's TLSA for its MX certificate equals one computed without the engine.

Both vectors were made with OpenSSL, not with this program:
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 ...   (and rsa:2048)
    openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum
so a bug shared by the lab and checks/policy/dane.py cannot make dns.dane pass.
"""

from __future__ import annotations

import pytest

from assistant.lab.tlsa import dane_ee_tlsa

EC_P256_PEM = """\
-----BEGIN CERTIFICATE-----
MIIBrTCCAVOgAwIBAgIUZuIIbIYXJQKKeSEMv+xGG+FHye8wCgYIKoZIzj0EAwIw
HDEaMBgGA1UEAwwRbWFpbC5jb250b3NvLnRlc3QwIBcNMjYxMjA3MTU0OTU4WhgP
MjEyNjExMTMxNTQ5NThaMBwxGjAYBgNVBAMMEW1haWwuY29udG9zby50ZXN0MFkw
EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvYB1X5k3J1tDxI3vMXene3zZQduxaS9u
+ZfY8kpnnKGBO0N1oxDQpKEV9q6VxOAXeXLbfAQjT5bcBXdR7e0eDqNxMG8wHQYD
VR0OBBYEFJjsqFrnAuPfjIaxkFNrqI/tkziYMB8GA1UdIwQYMBaAFJjsqFrnAuPf
jIaxkFNrqI/tkziYMA8GA1UdEwEB/wQFMAMBAf8wHAYDVR0RBBUwE4IRbWFpbC5j
b250b3NvLnRlc3QwCgYIKoZIzj0EAwIDSAAwRQIhAI1e/2OOKVp2aRPDBFzZysM8
N3VgbXRBobxnpq7uBOPuAiAUgqxIm1jp3FyO2hHQSX/LlghfWsiEexjNxlJIQymS
VQ==
-----END CERTIFICATE-----
"""
EC_P256_TLSA = "3 1 1 9ad320408f38e8528848623b2afdba20418c7734ecfdab233515286d06c0c074"

RSA_2048_PEM = """\
-----BEGIN CERTIFICATE-----
MIIDFzCCAf+gAwIBAgIURp614yx21OoXD/cUH8+zvYoG9LIwDQYJKoZIhvcNAQEL
BQAwGjEYMBYGA1UEAwwPbXguY29udG9zby50ZXN0MCAXDTI2MTIwNzE1NDk1OVoY
DzIxMjYxMTEzMTU0OTU5WjAaMRgwFgYDVQQDDA9teC5jb250b3NvLnRlc3QwggEi
MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDTKK4QrTyaQWq4TTLB95oywk4C
z03LImEL00Wx9pOuiiVkOeL6+fBypWi1khWmoThu4OClF8z3Lb3Ybqr9ojP81mtT
6Tbf0sm+OSKHfQzEMippb1WRm6aKCSifxH67OmO6UFfkD6FhSQXmOnWrlOGB2dj2
HHUSPTbaY566AfNijFE0tP0/ZEEhuGPeAtnrQC+mcUXDltj+QKhkcI6sXG0cRxRa
xhIQ/zKbXHOSvp4rHsZVBtMAYEg9jWZDZT76IoPWDk85fcUByUozL+TCevpRLWy/
sa/flUESDjfRff48w8LL6iDRalqcBU0tcCnm9oJ8XfZ2nEfjFmXmnHc8/fhFAgMB
AAGjUzBRMB0GA1UdDgQWBBSotNZ+bsOUYnL7diRzyqO+7W32XjAfBgNVHSMEGDAW
gBSotNZ+bsOUYnL7diRzyqO+7W32XjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3
DQEBCwUAA4IBAQA9Fn4Gi/KVsHuJvU4tFqzXtCIFkVog0uaV6ANKUEF86Gg8Ipbx
lLeEReUTZsmFFY7nognrfegiMAB81Kq5JK2oUfozBhEkjYPQ5bB9a4RLgEtUN6EZ
U5L7SsPTvEctf/gS6x8mEc7pPyXABoKxKXWM3XNZ3ZLnSwLM9+tV9PeMly3l9/89
0z8xFSSJ2UnxyP5IqsF+xIhPeU2bxNYX9/QXHkPEA+DO+oN2c7d/gU34a6uACrNo
weKsq+zfu+6GLq9A+uhIhPlXUsX4VzauEyrMzz3njFRQWpn+a+vMe18aAh8LkY9r
Hhr/ew/a3hKQykZXDJ6euO+9riZpEd1wGOF9
-----END CERTIFICATE-----
"""
RSA_2048_TLSA = "3 1 1 62104c24d035f1bc080127850778f51a09a89074e7d80df95ad189ce71966497"


@pytest.mark.parametrize(
    ("pem", "expected"),
    [(EC_P256_PEM, EC_P256_TLSA), (RSA_2048_PEM, RSA_2048_TLSA)],
    ids=["ec-p256", "rsa-2048"],
)
def test_the_lab_tlsa_matches_openssl(pem: str, expected: str) -> None:
    assert dane_ee_tlsa(pem) == expected
    assert dane_ee_tlsa(pem.encode("ascii")) == expected


def test_something_not_a_certificate_is_refused() -> None:
    not_a_cert = "-----BEGIN CERTIFICATE-----\nAgEB\n-----END CERTIFICATE-----\n"
    with pytest.raises(ValueError):
        dane_ee_tlsa(not_a_cert)
