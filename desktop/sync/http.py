"""The alliance server over HTTP(S): one method per endpoint, answers checked before use.

Anything that is not the JSON the protocol promises — an HTML error page from a proxy, a
truncated body, another protocol version — becomes a :class:`SyncError`, never a half-read
answer. TLS certificates are always verified; ``ca_file`` adds a private certificate authority.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import requests

from desktop.sync.errors import SyncError

PROTOCOL = 1
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 30.0

_STATUS_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict"}


class AllianceClient:
    """A session with one alliance server, as one device (or not yet enrolled)."""

    def __init__(
        self,
        base_url: str,
        *,
        credential: str | None = None,
        ca_file: str | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
    ) -> None:
        self.base_url = normalise_url(base_url)
        self._timeout = timeout
        self._session = requests.Session()
        self._session.trust_env = False  # a shop PC's proxy settings must not reroute this
        self._session.verify = ca_file if ca_file else True
        self._session.headers["X-Alliance-Protocol"] = str(PROTOCOL)
        self._session.headers["User-Agent"] = "merchant-desk"
        if credential:
            self._session.headers["Authorization"] = f"Bearer {credential}"
        self.requests_made = 0
        self._count = threading.Lock()  # a push keeps two requests in flight

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> AllianceClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- endpoints -------------------------------------------------------------------------

    def enrol(self, *, code: str, device_name: str, shop_public_key: str) -> dict[str, Any]:
        body = {"code": code, "device_name": device_name, "shop_public_key": shop_public_key}
        answer = self._call("POST", "/v1/enrol", json=body)
        _need(answer, "device_id", "credential", "alliance_id", "shop_id", "epoch")
        return answer

    def push(self, body: str) -> dict[str, Any]:
        """Push a request body already made (``{"events": [...]}`` as JSON text)."""
        answer = self._call(
            "POST",
            "/v1/sync/push",
            data=body.encode("utf-8"),
            headers={"Content-Type": "application/json"},
            conflict_ok=True,
        )
        _need(answer, "epoch", "acked_seq")
        if "results" in answer and not isinstance(answer["results"], list):
            raise SyncError("bad_answer", "push results is not a list")
        return answer

    def pull(self, since: int, limit: int = 500) -> dict[str, Any]:
        answer = self._call("GET", "/v1/sync/pull", params={"since": since, "limit": limit})
        _need(answer, "epoch", "next_since", "has_more", "changes")
        if not isinstance(answer["changes"], list):
            raise SyncError("bad_answer", "pull changes is not a list")
        return answer

    def campaigns(self) -> list[dict[str, Any]]:
        answer = self._call("GET", "/v1/campaigns")
        items = answer.get("campaigns")
        if not isinstance(items, list):
            raise SyncError("bad_answer", "campaign list missing")
        return [c for c in items if isinstance(c, dict)]

    def opt_in(self, campaign_id: int, *, join: bool) -> dict[str, Any]:
        action = "opt-in" if join else "opt-out"
        return self._call("POST", f"/v1/campaigns/{int(campaign_id)}/{action}")

    def campaign_results(self, campaign_id: int) -> dict[str, Any]:
        return self._call("GET", f"/v1/campaigns/{int(campaign_id)}/results")

    # -- plumbing --------------------------------------------------------------------------

    def _call(
        self, method: str, path: str, *, conflict_ok: bool = False, **kwargs: Any
    ) -> dict[str, Any]:
        with self._count:
            self.requests_made += 1
        try:
            response = self._session.request(
                method, self.base_url + path, timeout=self._timeout, **kwargs
            )
        except requests.exceptions.SSLError as exc:
            raise SyncError("tls", str(exc)) from exc
        except requests.exceptions.Timeout as exc:
            raise SyncError("timeout", str(exc)) from exc
        except requests.exceptions.ConnectionError as exc:
            raise SyncError("offline", str(exc)) from exc
        except requests.exceptions.RequestException as exc:
            raise SyncError("offline", str(exc)) from exc
        body = _json_object(response)
        status = response.status_code
        if status == 200 or (conflict_ok and status == 409 and body is not None):
            if body is None:
                raise SyncError("bad_answer", f"HTTP {status} without a JSON object")
            if status == 409:
                body.setdefault("conflict", body.get("error", "conflict"))
            return body
        error = str(body.get("error", "")) if body else ""
        message = str(body.get("message", "")) if body else response.text[:200]
        if status == 400 and error == "protocol_version_unsupported":
            raise SyncError("protocol", f"server speaks {body.get('supported') if body else '?'}")
        if status in (429, 503):
            code = "rate_limited" if status == 429 else "server_busy"
            raise SyncError(code, message, retry_after=_retry_after(response))
        if status in _STATUS_CODES:
            raise SyncError(error or _STATUS_CODES[status], message)
        if status >= 500:
            raise SyncError("server_error", f"HTTP {status}: {message}")
        if body is None:
            raise SyncError("bad_answer", f"HTTP {status}: not JSON")
        raise SyncError(error or "refused", message)


def normalise_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncError("bad_url", "the server address must start with http:// or https://")
    return url


def _json_object(response: requests.Response) -> dict[str, Any] | None:
    try:
        value = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _need(answer: dict[str, Any], *keys: str) -> None:
    missing = [k for k in keys if k not in answer]
    if missing:
        raise SyncError("bad_answer", f"answer lacks {', '.join(missing)}")


def _retry_after(response: requests.Response) -> float | None:
    try:
        return max(0.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return None
