"""Fuzz every operation of the OpenAPI description: no input may cause a 5xx.

Most requests carry a valid device credential and the protocol header, so generated bodies
and parameters reach the rules behind those checks. The number of examples is bounded so the
run stays short.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from alliance import PROTOCOL_HEADER
from tests.alliance.support import AllianceHelper

EXAMPLES_PER_OPERATION = 25


def _fuzz(operation: Any, *, base_url: str, headers: dict[str, str]) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), own_headers=st.booleans())
    def run(case: Any, own_headers: bool) -> None:
        if own_headers or case.headers is None:
            case.headers = {**(case.headers or {}), **headers}
        case.call_and_validate(base_url=base_url, checks=[not_a_server_error])

    run()


def test_no_generated_request_gets_a_server_error(alliance: AllianceHelper) -> None:
    device = alliance.device()
    device.enrol_member()
    schema = schemathesis.openapi.from_url(alliance.server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    headers = {"Authorization": device.headers["Authorization"], PROTOCOL_HEADER: "1"}
    for operation in operations:
        _fuzz(operation, base_url=alliance.server.url, headers=headers)
    assert alliance.check() == []
