"""Which addresses the server listens on and which Host headers it answers (no web framework needed here, so
that `contentlint serve` can check its options before importing one)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")  # as they appear in a Host header
WILDCARD = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """The address as written in a URL or a Host header (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host else host


def allowed_hosts(host: str) -> list[str]:
    """The Host header values the server answers: loopback names, the address it listens on, and for a
    wildcard address this machine's names and addresses. Anything else (a DNS-rebound name) is refused."""
    names = {*LOOPBACK_HOSTS, url_host(host)}
    if host in WILDCARD:
        for name in (socket.gethostname(), socket.getfqdn()):
            names.add(name)
            with contextlib.suppress(OSError):
                names.update(url_host(str(info[4][0])) for info in socket.getaddrinfo(name, None))
    return sorted(n.lower() for n in names if n)
