"""The server side of NTLM ([MS-NLMP]) for the lab: enough to answer a NEGOTIATE with a
CHALLENGE and to verify an NTLMv2 AUTHENTICATE against the lab's passwords.

On-premises Exchange offers Negotiate, NTLM and Basic, and exchangelib (through
requests_ntlm) picks NTLM whenever it is offered, so the lab speaks it. MD4 is written
out here because OpenSSL 3 no longer ships it by default. No signing or sealing, no
MIC or channel-binding checks: the lab needs to know who signed in, not to protect a
session.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import time
from dataclasses import dataclass

SIGNATURE = b"NTLMSSP\x00"
NEGOTIATE, CHALLENGE, AUTHENTICATE = 1, 2, 3

_UNICODE = 0x00000001
_OEM = 0x00000002
_REQUEST_TARGET = 0x00000004
_SIGN = 0x00000010
_SEAL = 0x00000020
_NTLM = 0x00000200
_ALWAYS_SIGN = 0x00008000
_TARGET_TYPE_DOMAIN = 0x00010000
_EXTENDED_SESSION_SECURITY = 0x00080000
_TARGET_INFO = 0x00800000
_VERSION = 0x02000000
_128 = 0x20000000
_KEY_EXCH = 0x40000000
_56 = 0x80000000
_ALWAYS = _UNICODE | _REQUEST_TARGET | _NTLM | _TARGET_TYPE_DOMAIN | _TARGET_INFO | _VERSION
_IF_ASKED = _SIGN | _SEAL | _ALWAYS_SIGN | _EXTENDED_SESSION_SECURITY | _128 | _KEY_EXCH | _56
_FILETIME_EPOCH = 116444736000000000  # 1601-01-01 to 1970-01-01 in 100 ns units
_MASK = 0xFFFFFFFF
_WINDOWS_VERSION = bytes((10, 0)) + struct.pack("<H", 17763) + b"\x00\x00\x00\x0f"


def md4(data: bytes) -> bytes:
    """RFC 1320."""

    def rotl(x: int, n: int) -> int:
        return ((x << n) | (x >> (32 - n))) & _MASK

    message = bytearray(data) + b"\x80"
    message += b"\x00" * ((56 - len(message) % 64) % 64)
    message += struct.pack("<Q", (8 * len(data)) & 0xFFFFFFFFFFFFFFFF)
    state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476]
    rounds = (
        (tuple(range(16)), (3, 7, 11, 19), 0),
        ((0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15), (3, 5, 9, 13), 0x5A827999),
        ((0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15), (3, 9, 11, 15), 0x6ED9EBA1),
    )
    for offset in range(0, len(message), 64):
        x = struct.unpack("<16I", message[offset : offset + 64])
        a, b, c, d = state
        for number, (order, shifts, constant) in enumerate(rounds):
            for i, k in enumerate(order):
                if number == 0:
                    mixed = (b & c) | (~b & d)
                elif number == 1:
                    mixed = (b & c) | (b & d) | (c & d)
                else:
                    mixed = b ^ c ^ d
                a = rotl((a + mixed + x[k] + constant) & _MASK, shifts[i % 4])
                a, b, c, d = d, a, b, c
        state = [(s + v) & _MASK for s, v in zip(state, (a, b, c, d), strict=True)]
    return struct.pack("<4I", *state)


def nt_hash(password: str) -> bytes:
    return md4(password.encode("utf-16-le"))


def message_type(token: bytes) -> int | None:
    if len(token) < 12 or not token.startswith(SIGNATURE):
        return None
    return int(struct.unpack_from("<I", token, 8)[0])


def _field(token: bytes, offset: int) -> bytes:
    length, _, start = struct.unpack_from("<HHI", token, offset)
    return token[start : start + length]


def _av_pair(kind: int, value: bytes) -> bytes:
    return struct.pack("<HH", kind, len(value)) + value


def challenge_message(
    negotiate: bytes, server_challenge: bytes, netbios: str, dns_domain: str
) -> bytes:
    """The CHALLENGE (type 2) answering a client's NEGOTIATE (type 1)."""
    asked = int(struct.unpack_from("<I", negotiate, 12)[0]) if len(negotiate) >= 16 else 0
    flags = _ALWAYS | (asked & _IF_ASKED)
    target = netbios.encode("utf-16-le")
    stamp = struct.pack("<Q", int(time.time() * 10_000_000) + _FILETIME_EPOCH)
    info = b"".join(
        (
            _av_pair(2, target),
            _av_pair(1, "EX01".encode("utf-16-le")),
            _av_pair(4, dns_domain.encode("utf-16-le")),
            _av_pair(3, f"ex01.{dns_domain}".encode("utf-16-le")),
            _av_pair(7, stamp),
            _av_pair(0, b""),
        )
    )
    header = 56
    return (
        SIGNATURE
        + struct.pack("<I", CHALLENGE)
        + struct.pack("<HHI", len(target), len(target), header)
        + struct.pack("<I", flags)
        + server_challenge
        + b"\x00" * 8
        + struct.pack("<HHI", len(info), len(info), header + len(target))
        + _WINDOWS_VERSION
        + target
        + info
    )


@dataclass(frozen=True)
class Authenticate:
    domain: str
    user: str
    workstation: str
    nt_response: bytes

    @property
    def username(self) -> str:
        return f"{self.domain}\\{self.user}" if self.domain else self.user


def parse_authenticate(token: bytes) -> Authenticate | None:
    if message_type(token) != AUTHENTICATE or len(token) < 64:
        return None
    try:
        flags = int(struct.unpack_from("<I", token, 60)[0])
        encoding = "utf-16-le" if flags & _UNICODE else "cp437"
        return Authenticate(
            domain=_field(token, 28).decode(encoding, "replace"),
            user=_field(token, 36).decode(encoding, "replace"),
            workstation=_field(token, 44).decode(encoding, "replace"),
            nt_response=_field(token, 20),
        )
    except struct.error:
        return None


def verify_v2(message: Authenticate, server_challenge: bytes, password: str) -> bool:
    """NTLMv2: NTProofStr == HMAC-MD5(NTOWFv2, server challenge + client blob)."""
    if len(message.nt_response) <= 24:
        return False  # NTLMv1 or anonymous: not accepted
    proof, blob = message.nt_response[:16], message.nt_response[16:]
    identity = (message.user.upper() + message.domain).encode("utf-16-le")
    key = hmac.new(nt_hash(password), identity, hashlib.md5).digest()
    expected = hmac.new(key, server_challenge + blob, hashlib.md5).digest()
    return hmac.compare_digest(proof, expected)


def new_server_challenge() -> bytes:
    return os.urandom(8)
