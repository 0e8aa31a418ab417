"""The gate every request passes: the Host header, the per-run token, and the headers that keep the page closed.

A page on 127.0.0.1 is reachable by any web site the user visits (through DNS
rebinding, or plain cross-site requests), so nothing is answered without the
token this run printed, and nothing whose Host is not this server's own address.
The token arrives once in the URL (`?token=`), then lives in an HttpOnly,
SameSite=Strict cookie; scripts send `Authorization: Bearer TOKEN` instead.
"""

from __future__ import annotations

import json
import secrets
from urllib.parse import parse_qs

from orgdesign.i18n import _

COOKIE = "orgdesign_token"
MAX_BODY = 64 * 1024

# The page: its own script and style files, its own API, nothing inline, nothing from elsewhere.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
# An exported file opened from the API: inert, whatever it holds (an SVG keeps its own inline styles).
FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


def new_token() -> str:
    """A fresh random token for one run."""
    return secrets.token_urlsafe(24)


def own_hosts(host: str, port: int) -> set[str]:
    """The Host headers that name this server: its address, and on loopback or a wildcard its own names.

    Bound to every interface (0.0.0.0 or ::), the server is reached by the
    machine's name and any of its addresses, so all of those are its own.
    """
    import socket

    def bracket(address: str) -> str:
        return f"[{address}]" if ":" in address else address

    names = {host}
    if host in ("127.0.0.1", "::1"):
        names.add("localhost")
    if host in ("0.0.0.0", "::"):
        machine = socket.gethostname()
        names |= {"localhost", "127.0.0.1", "::1", machine, socket.getfqdn()}
        try:
            names |= {info[4][0] for info in socket.getaddrinfo(machine, None)}
        except OSError:  # a machine whose own name does not resolve still answers on its loopback
            pass
        names |= _routed_addresses()
    return {f"{bracket(name)}:{port}".lower() for name in names}


def _routed_addresses() -> set[str]:
    """The address this machine sends from, found by routing a UDP socket (no packet leaves)."""
    import socket

    found = set()
    for family, target in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((target, 9))
                found.add(probe.getsockname()[0])
        except OSError:  # no route in that family
            continue
    return found


class Gate:
    """ASGI middleware: refuse a foreign Host (403), a missing token (401) or a wrong one (403)."""

    def __init__(self, app, token: str, hosts: set[str]):
        self.app, self.token, self.hosts = app, token, {host.lower() for host in hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        if headers.get("host", "").lower() not in self.hosts:
            return await _refuse(send, 403, _("this server answers only at its own address"))
        given = _token(scope, headers)
        if given is None:
            return await _refuse(send, 401, _("give the token this server printed (?token= or Authorization: Bearer)"))
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            return await _refuse(send, 403, _("wrong token"))
        return await self.app(scope, receive, _with_headers(send, scope["path"]))


def _token(scope, headers: dict[str, str]) -> str | None:
    """The token a request carries: Authorization header, then query parameter, then cookie."""
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if "token" in query:
        return query["token"][0]
    for part in headers.get("cookie", "").split(";"):
        name, _equals, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return None


def _with_headers(send, path: str):
    """Add the security headers to every response: a strict policy on the page, an inert one on files."""
    policy = FILE_POLICY if path.startswith("/api/export") else PAGE_POLICY

    async def wrapped(message):
        if message["type"] == "http.response.start":
            extra = [
                (b"content-security-policy", policy.encode()),
                (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"no-referrer"),
                (b"cache-control", b"no-store"),
                (b"x-frame-options", b"DENY"),
            ]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return wrapped


async def _refuse(send, status: int, message: str) -> None:
    body = (json.dumps({"error": [message]}) + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"content-security-policy", PAGE_POLICY.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
