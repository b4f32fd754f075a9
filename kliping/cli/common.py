"""Helpers shared by subcommands: argument parsing that fails with a one-line message."""

from __future__ import annotations

import json
from datetime import date

from kliping.cli import UsageError


def day_arg(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: expected a date YYYY-MM-DD, got {value!r}") from None


def mirror_arg(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    try:
        mirror = json.loads(value)
    except json.JSONDecodeError as exc:
        raise UsageError(f"--mirror: not JSON ({exc.msg})") from None
    if not isinstance(mirror, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in mirror.items()
    ):
        raise UsageError('--mirror: expected a JSON object {"host": "http://127.0.0.1:PORT/host"}')
    return mirror
