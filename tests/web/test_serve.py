"""`contentlint serve`: where it listens, what it refuses, and what it needs installed."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from contentlint.cli import main
from contentlint.web.hosts import allowed_hosts, is_loopback
from tests.helpers import REPO

uvicorn = pytest.importorskip("uvicorn", reason='the web extra is not installed: pip install "contentlint[web]"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """What `serve` would hand uvicorn (nothing is served); the pipelines are not warmed up."""
    calls: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.update(app=app, **kwargs))
    monkeypatch.setattr("contentlint.web.service.Engine.warm_up", lambda self: None)
    yield calls


def test_serves_on_loopback_only_by_default(started: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    assert main(["serve", str(REPO / "samples"), "--port", str(port)]) == 0
    assert started["host"] == "127.0.0.1" and started["port"] == port
    err = capsys.readouterr().err
    assert f"http://127.0.0.1:{port}/" in err and "warning" not in err
    from starlette.testclient import TestClient

    with TestClient(started["app"], base_url=f"http://127.0.0.1:{port}") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": f"rebound.example:{port}"}).status_code == 400


def test_another_host_is_explicit_and_warned_about(started: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", str(free_port())]) == 0
    assert started["host"] == "0.0.0.0"
    assert "warning: listening on 0.0.0.0: anyone who can reach this machine" in capsys.readouterr().err


def test_allowed_hosts_never_include_everything() -> None:
    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "[::1]", "localhost"]
    assert "[fe80::1]" in allowed_hosts("fe80::1")
    assert is_loopback("127.0.0.2") and is_loopback("::1") and not is_loopback("0.0.0.0")
    wide = allowed_hosts("0.0.0.0")
    assert "*" not in wide and "127.0.0.1" in wide and socket.gethostname().lower() in wide


def test_usage_errors_exit_2(started: dict[str, Any], tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert f"port {port} is in use" in capsys.readouterr().err
    assert not started


def test_without_the_web_extra_one_line_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for module in ("starlette", "uvicorn"):
        with monkeypatch.context() as patch:
            patch.setitem(sys.modules, module, None)  # as if it were not installed
            assert main(["serve"]) == 2
        err = capsys.readouterr().err
        assert err == 'contentlint: the web page needs the web extra: pip install "contentlint[web]"\n'
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "starlette", None)
        assert main(["serve", "--ui-lang", "zh"]) == 2
    assert capsys.readouterr().err == 'contentlint: 网页需要 web 扩展：pip install "contentlint[web]"\n'


def test_other_commands_do_not_import_the_web_framework() -> None:
    code = (
        "import sys; from contentlint.cli import main; main(['rules']); print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('starlette', 'uvicorn', 'multipart', 'python_multipart')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
