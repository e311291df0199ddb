"""Fixtures for wire-level tests; the peers themselves live in peers.py."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals need POSIX", allow_module_level=True)

from peers import PtyPeer, ScriptedDevice, replies  # noqa: E402


@pytest.fixture
def pty_peer() -> Iterator[PtyPeer]:
    peer = PtyPeer()
    yield peer
    peer.close()


@pytest.fixture
def scripted(pty_peer: PtyPeer) -> Iterator[Callable[..., ScriptedDevice]]:
    devices: list[ScriptedDevice] = []

    def make(script: dict[bytes, list[bytes]] | Callable[[bytes], bytes | None]) -> ScriptedDevice:
        answer = replies(script) if isinstance(script, dict) else script
        device = ScriptedDevice(pty_peer, answer)
        devices.append(device)
        return device

    yield make
    for device in devices:
        device.stop()
