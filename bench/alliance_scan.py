"""Scan-to-card for a member who shares with the alliance, on a paired counter with events
waiting to be sent, against the same scan on a counter outside an alliance (the floor).

    python -m bench.alliance_scan [--members 200] [--backlog 10000] [--scans 200]

The alliance balance adds this counter's unsent point events to the pulled snapshot; it must
not read the whole backlog on every scan. Prints one JSON document, last line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.models.shop import set_setting
from desktop.models.tables import AllianceMember

PAIRING = {
    "server_url": "http://127.0.0.1:9",
    "device_id": "bench",
    "credential_sealed": "",
    "alliance_id": 1,
    "alliance_name": "东街商盟",
    "shop_id": 1,
    "shop_name": "茶铺",
    "ca_file": None,
}


def _scan_ms(desk: Desk, codes: list[str], scans: int) -> tuple[float, float]:
    times = []
    for i in range(scans):
        started = time.perf_counter()
        desk.lookup_scan(codes[i % len(codes)])
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--scans", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "shop.sqlite")
        desk = Desk(db)
        desk.set_up(shop_name="茶铺", owner_name="王老板", owner_pin="246810")
        members = [
            desk.enrol_member(
                name=f"会员{i}",
                phone=f"138{i:08d}",
                by=None,
                membership_consent=True,
                sharing_consent=True,
            )
            for i in range(args.members)
        ]
        codes = [desk.member_code(m) for m in members[:50]]
        floor = _scan_ms(desk, codes, args.scans)
        with db.write() as s:
            set_setting(s, "sync.pairing", PAIRING)
            set_setting(s, "sync.pull_since", 0)
            set_setting(s, "sync.last_ok_at", "2099-01-01T00:00:00Z")
            for m in members:
                s.add(
                    AllianceMember(
                        member_id=m,
                        home_shop_id=1,
                        phone_hash=None,
                        sharing=True,
                        card_serial=1,
                        balance=0,
                        debt=0,
                        merged_into=None,
                        enrolled_day=None,
                        server_seq=1,
                    )
                )
        desk = Desk(db)
        for i in range(args.backlog):
            desk.record_sale(amount_fen=1_000 + i, member_id=members[i % len(members)], by=None)
        paired = _scan_ms(desk, codes, args.scans)
        db.close()
    result = {
        "members": args.members,
        "backlog_events": args.backlog,
        "floor_scan_ms_p50": round(floor[0], 2),
        "floor_scan_ms_p99": round(floor[1], 2),
        "alliance_scan_ms_p50": round(paired[0], 2),
        "alliance_scan_ms_p99": round(paired[1], 2),
        "ratio_p99": round(paired[1] / floor[1], 2),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
