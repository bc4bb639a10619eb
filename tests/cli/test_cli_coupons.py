"""``merchant-desk campaigns create``, ``coupons batch``, ``coupons redeem`` and ``code verify``
of a coupon, as IT staff run them: a real process, a real shop file, one JSON document.

Starting Python costs about half a second, so the shop is built once for the module (in this
process) and each test works on its own campaign or coupons. Spec refusals, which never reach
the database, are also checked in this process.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pypdfium2 as pdfium
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop import cli as cli_module
from desktop.models.campaign_spec import CampaignSpec
from desktop.models.clock import local_time
from desktop.models.coupons import CouponInfo
from desktop.models.db import open_database
from desktop.models.qrtoken import CouponToken, encode_coupon, parse_frame
from desktop.models.service import Desk
from tests.models.test_coupon_codes import frame

ROOT = Path(__file__).resolve().parents[2]
OWNER_PIN = "246810"
SHOP_NAME = "街角咖啡"
STRANGER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))
T = TypeVar("T")


@dataclass(frozen=True)
class Run:
    status: int
    doc: Any


def _command(args: tuple[str | Path | int, ...]) -> list[str]:
    return [sys.executable, "-m", "desktop", *map(str, args)]


def _read(returncode: int, stdout_bytes: bytes, stderr_bytes: bytes) -> Run:
    stdout = stdout_bytes.decode("utf-8")
    assert "Traceback" not in stderr_bytes.decode("utf-8", "replace")
    assert stdout.count("\n") == 1, stdout  # exactly one JSON document
    return Run(returncode, json.loads(stdout))


def cli(*args: str | Path | int) -> Run:
    proc = subprocess.run(_command(args), capture_output=True, cwd=ROOT, timeout=120, check=False)
    return _read(proc.returncode, proc.stdout, proc.stderr)


def cli_here(capsys: pytest.CaptureFixture[str], *args: str | Path | int) -> Run:
    """The same command in this process (no interpreter start)."""
    status = cli_module.main([str(a) for a in args])
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return Run(status, json.loads(out))


@dataclass(frozen=True)
class Shop:
    path: Path
    member: int  # agreed to marketing
    other_member: int

    def act(self, action: Callable[[Desk], T]) -> T:
        db = open_database(self.path, create=False)
        try:
            return action(Desk(db))
        finally:
            db.close()

    def campaign(self, **changes: Any) -> int:
        values: dict[str, Any] = {
            "name": "十元券",
            "kind": "amount_off",
            "value_fen": 1000,
            "min_spend_fen": 3000,
            "valid_days": 30,
        }
        values.update(changes)

        def create(desk: Desk) -> int:
            owner = desk.authenticate(OWNER_PIN, owner_only=True)
            return desk.create_campaign(CampaignSpec(**values), by=owner)

        return self.act(create)

    def bearer_coupons(self, count: int, **changes: Any) -> list[CouponInfo]:
        campaign = self.campaign(**changes)

        def issue(desk: Desk) -> list[CouponInfo]:
            owner = desk.authenticate(OWNER_PIN, owner_only=True)
            return desk.issue_bearer_batch(campaign, count=count, by=owner)[1]

        return self.act(issue)

    def code(self, coupon_id: int) -> str:
        return self.act(lambda desk: desk.coupon_code(coupon_id))

    def coupon(self, coupon_id: int) -> CouponInfo:
        return self.act(lambda desk: desk.coupons_by_id([coupon_id])[0])


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    path = tmp_path_factory.mktemp("coupons") / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db)
    desk.set_up(shop_name=SHOP_NAME, owner_name="王老板", owner_pin=OWNER_PIN)
    fan = desk.enrol_member(
        name="张三",
        phone="13800138000",
        by=None,
        membership_consent=True,
        marketing_consent=True,
    )
    other = desk.enrol_member(name="李四", phone="13800138001", by=None, membership_consent=True)
    db.close()
    return Shop(path, fan, other)


def decoded_codes(pdf_path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        found = []
        for index in range(len(pdf)):
            image = pdf[index].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
            codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            found += [code.text for code in codes]
        return found
    finally:
        pdf.close()


# -- campaigns create ----------------------------------------------------------------------


def test_a_valid_spec_creates_the_campaign(shop: Shop, tmp_path: Path) -> None:
    spec = {
        "name": "春季满减",
        "kind": "spend_save",
        "value_fen": 2000,
        "min_spend_fen": 10000,
        "valid_from": "2026-03-01",
        "valid_to": "2026-05-31",
        "quota": 500,
        "per_member_limit": 2,
        "scope": "shop",
        "offline_redeemable": True,
        "holdout_pct": 10,
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    run = cli("campaigns", "create", "--db", shop.path, "--json-spec", path)
    assert (run.status, run.doc["ok"], run.doc["error"]) == (0, True, None)
    campaign = shop.act(lambda desk: desk.campaign(run.doc["campaign"]))
    assert campaign.spec == CampaignSpec.from_json(spec)
    assert campaign.state == "active"


def test_a_bad_spec_is_refused_in_a_real_process(shop: Shop, tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{"name": "x", "kind": "gift", "gift": "咖啡", "valid_days": 7, "color": 1}')
    run = cli("campaigns", "create", "--db", shop.path, "--json-spec", path)
    assert (run.status, run.doc["ok"], run.doc["error"]) == (1, False, "campaign_spec_invalid")
    assert run.doc["campaign"] is None
    assert run.doc["problems"] == [{"field": "color", "reason": "unknown"}]
    assert "color" in run.doc["message"]


GOOD = {"name": "十元券", "kind": "amount_off", "value_fen": 1000, "valid_days": 30}


@pytest.mark.parametrize(
    ("changes", "problem", "words"),
    [
        ({"value_fen": -100}, {"field": "value_fen", "reason": "negative"}, "negative"),
        (
            {"kind": "percent_off", "value_fen": 0, "percent": 120},
            {"field": "percent", "reason": "above_100"},
            "above 100",
        ),
        (
            {"valid_days": None, "valid_from": "2026-05-01", "valid_to": "2026-04-30"},
            {"field": "valid_to", "reason": "before_valid_from"},
            "before valid_from",
        ),
        ({"quota": 0}, {"field": "quota", "reason": "zero"}, "quota"),
        ({"discount_colour": "red"}, {"field": "discount_colour", "reason": "unknown"}, "unknown"),
    ],
    ids=["negative", "percent-over-100", "end-before-start", "quota-0", "unknown-key"],
)
def test_each_bad_spec_is_refused_naming_the_field(
    shop: Shop,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, Any],
    problem: dict[str, str],
    words: str,
) -> None:
    before = shop.act(lambda desk: len(desk.campaign_summaries()))
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({**GOOD, **changes}), encoding="utf-8")
    run = cli_here(capsys, "campaigns", "create", "--db", shop.path, "--json-spec", path)
    assert (run.status, run.doc["error"]) == (1, "campaign_spec_invalid")
    assert run.doc["problems"] == [problem]
    assert problem["field"] in run.doc["message"]
    assert words in run.doc["message"]
    assert shop.act(lambda desk: len(desk.campaign_summaries())) == before


def test_a_spec_file_that_is_not_json_or_missing_is_refused(
    shop: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x",', encoding="utf-8")
    run = cli_here(capsys, "campaigns", "create", "--db", shop.path, "--json-spec", broken)
    assert (run.status, run.doc["error"]) == (1, "spec_not_json")
    missing = tmp_path / "nowhere.json"
    run = cli_here(capsys, "campaigns", "create", "--db", shop.path, "--json-spec", missing)
    assert (run.status, run.doc["error"]) == (1, "spec_file_not_found")
    twice = tmp_path / "twice.json"
    twice.write_text(
        '{"name": "a", "kind": "amount_off", "value_fen": 5, "value_fen": 500000, "valid_days": 3}',
        encoding="utf-8",
    )
    run = cli_here(capsys, "campaigns", "create", "--db", shop.path, "--json-spec", twice)
    assert run.doc["problems"] == [{"field": "value_fen", "reason": "duplicate"}]


# -- coupons batch and redeem --------------------------------------------------------------


def test_a_batch_prints_codes_that_redeem_once_each(shop: Shop, tmp_path: Path) -> None:
    campaign = shop.campaign()
    pdf = tmp_path / "coupons.pdf"
    run = cli(
        "coupons", "batch", "--db", shop.path, "--campaign", campaign, "--count", "4",
        "--pdf", pdf, "--per-page", "3x5",
    )  # fmt: skip
    assert (run.status, run.doc["ok"], run.doc["error"]) == (0, True, None)
    assert (run.doc["campaign"], run.doc["pdf"], run.doc["per_page"]) == (campaign, str(pdf), "3x5")
    ids = run.doc["coupons"]
    assert len(set(ids)) == 4
    printed = decoded_codes(pdf)
    assert sorted(printed) == sorted(shop.code(i) for i in ids)

    for code in printed[:3]:
        redeemed = cli("coupons", "redeem", "--db", shop.path, code, "--amount", "4500")
        assert (redeemed.status, redeemed.doc["ok"], redeemed.doc["error"]) == (0, True, None)
        doc = redeemed.doc
        assert doc["coupon"] in ids
        assert doc["serial"] == shop.coupon(doc["coupon"]).serial
        assert (doc["discount_fen"], doc["amount_fen"], doc["paid_fen"]) == (1000, 4500, 3500)
        assert shop.coupon(doc["coupon"]).redeemed_sale_id == doc["sale"]

    again = cli("coupons", "redeem", "--db", shop.path, printed[0])
    assert (again.status, again.doc["ok"], again.doc["error"]) == (1, False, "already_used")
    first = shop.coupon(again.doc["coupon"])
    assert again.doc["shop"] == SHOP_NAME
    assert first.redeemed_at is not None
    local = local_time(first.redeemed_at, "Asia/Shanghai").isoformat(timespec="seconds")
    assert again.doc["used_at"] == local
    assert again.doc["used_by_sale"] == first.redeemed_sale_id
    assert again.doc["sale"] is None
    assert SHOP_NAME in again.doc["message"]
    assert again.doc["used_at"] in again.doc["message"]


def test_without_an_amount_the_sale_is_the_minimum_spend(shop: Shop) -> None:
    (coupon,) = shop.bearer_coupons(1, min_spend_fen=5000)
    run = cli("coupons", "redeem", "--db", shop.path, shop.code(coupon.id))
    assert run.status == 0, run.doc
    assert (run.doc["amount_fen"], run.doc["discount_fen"], run.doc["paid_fen"]) == (
        5000,
        1000,
        4000,
    )


def test_a_batch_whose_pdf_cannot_be_written_keeps_its_coupons_for_a_reprint(
    shop: Shop, tmp_path: Path
) -> None:
    campaign = shop.campaign()
    target = tmp_path / "no-such-folder" / "coupons.pdf"
    run = cli(
        "coupons", "batch", "--db", shop.path, "--campaign", campaign, "--count", "3",
        "--pdf", target,
    )  # fmt: skip
    assert (run.status, run.doc["ok"], run.doc["error"]) == (1, False, "pdf_not_written")
    assert run.doc["issued"] is True
    assert run.doc["pdf"] is None
    assert str(target) in run.doc["message"]
    ids = run.doc["coupons"]
    assert len(ids) == 3
    kept = shop.act(lambda desk: desk.coupons_by_id(ids))
    assert [c.state for c in kept] == ["issued"] * 3
    assert {c.batch_id for c in kept} == {run.doc["batch"]}
    assert not target.parent.exists()
    assert "coupons reprint" in run.doc["message"]

    again = tmp_path / "again.pdf"
    reprint = cli(
        "coupons", "reprint", "--db", shop.path, "--batch", run.doc["batch"], "--pdf", again
    )
    assert (reprint.status, reprint.doc["coupons"], reprint.doc["left_out"]) == (0, ids, 0)
    assert sorted(decoded_codes(again)) == sorted(shop.code(i) for i in ids)


def test_a_grid_too_small_for_the_codes_is_refused_before_issuing(
    shop: Shop, tmp_path: Path
) -> None:
    campaign = shop.campaign()
    run = cli(
        "coupons", "batch", "--db", shop.path, "--campaign", campaign, "--count", "3",
        "--pdf", tmp_path / "c.pdf", "--per-page", "4x8",
    )  # fmt: skip
    assert (run.status, run.doc["error"]) == (2, "usage")
    assert "3x7" in run.doc["message"]
    assert shop.act(lambda desk: desk.campaign_summaries())[-1].issued == 0


@pytest.fixture(scope="module")
def spare(shop: Shop) -> CouponInfo:
    """A bearer coupon nobody redeems (for the refusal tests)."""
    return shop.bearer_coupons(1)[0]


def _tampered(code: str) -> str:
    return code[:120] + str((int(code[120]) + 1) % 10) + code[121:]


def _forged(code: str) -> str:
    """The value raised to ¥1,000 with correct framing and check digits: only the signature
    can tell."""
    token = parse_frame(code)
    body = bytearray(token.body)
    body[12:16] = struct.pack(">I", 100_000)
    return frame(2, token.header + bytes(body) + token.signature)


def _strangers(coupon: CouponInfo) -> str:
    token = CouponToken(
        coupon_id=coupon.id,
        campaign_id=coupon.campaign_id,
        kind="amount_off",
        value=100_000,
        scope=0,
        shop_id=1,
        valid_from=coupon.valid_from,
        valid_to=coupon.valid_to,
        member_id=0,
    )
    return encode_coupon(token, private_key=STRANGER)


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda code, c: _forged(code), "bad_signature"),
        (lambda code, c: _tampered(code), "misread"),
        (lambda code, c: code[:-12], "misread"),
        (lambda code, c: _strangers(c), "unknown_key"),
    ],
    ids=["forged", "tampered", "truncated", "unknown-key"],
)
def test_bad_codes_are_refused_naming_the_failed_check(
    shop: Shop, spare: CouponInfo, make: Any, error: str
) -> None:
    run = cli("coupons", "redeem", "--db", shop.path, make(shop.code(spare.id), spare))
    assert (run.status, run.doc["ok"], run.doc["error"]) == (1, False, error)
    assert run.doc["sale"] is None
    assert run.doc["message"]
    assert shop.coupon(spare.id).state == "issued"


def test_a_member_card_given_as_a_coupon_says_it_is_a_member_card(shop: Shop) -> None:
    card = shop.act(lambda desk: desk.member_code(shop.member))
    run = cli("coupons", "redeem", "--db", shop.path, card, "--amount", "5000")
    assert (run.status, run.doc["error"], run.doc["kind"]) == (1, "wrong_kind", "member")
    assert "member card" in run.doc["message"]


def test_a_members_coupon_needs_that_member(shop: Shop) -> None:
    campaign = shop.campaign(min_spend_fen=0)

    def issue(desk: Desk) -> CouponInfo:
        owner = desk.authenticate(OWNER_PIN, owner_only=True)
        return desk.issue_coupon(campaign, member_id=shop.member, by=owner)

    coupon = shop.act(issue)
    code = shop.code(coupon.id)
    alone = cli("coupons", "redeem", "--db", shop.path, code)
    assert (alone.status, alone.doc["error"]) == (1, "amount_required")
    wrong = cli(
        "coupons", "redeem", "--db", shop.path, code, "--amount", "2000",
        "--member", shop.other_member,
    )  # fmt: skip
    assert (wrong.status, wrong.doc["error"], wrong.doc["member_name"]) == (
        1,
        "wrong_member",
        "张*",
    )
    used = cli(
        "coupons", "redeem", "--db", shop.path, code, "--amount", "2000", "--member", shop.member
    )
    assert (used.status, used.doc["member_id"], used.doc["paid_fen"]) == (0, shop.member, 1000)


def test_code_verify_describes_a_coupon(shop: Shop, spare: CouponInfo) -> None:
    run = cli("code", "verify", "--db", shop.path, shop.code(spare.id))
    assert (run.status, run.doc["ok"], run.doc["kind"], run.doc["error"]) == (
        0,
        True,
        "coupon",
        None,
    )
    doc = run.doc
    assert (doc["coupon"], doc["serial"], doc["campaign"]) == (
        spare.id,
        spare.serial,
        spare.campaign_id,
    )
    assert (doc["coupon_kind"], doc["value_fen"], doc["min_spend_fen"]) == (
        "amount_off",
        1000,
        3000,
    )
    assert (doc["valid_from"], doc["valid_to"]) == (
        spare.valid_from.isoformat(),
        spare.valid_to.isoformat(),
    )
    assert (doc["bearer"], doc["member_id"], doc["state"]) == (True, None, "issued")
    assert (doc["usable"], doc["refusal"]) == (True, None)


def test_code_verify_names_a_forged_coupon(shop: Shop, spare: CouponInfo) -> None:
    run = cli("code", "verify", "--db", shop.path, _forged(shop.code(spare.id)))
    assert (run.status, run.doc["kind"], run.doc["error"]) == (1, "coupon", "bad_signature")


def test_two_counters_redeeming_one_coupon_at_once_use_it_once(shop: Shop) -> None:
    (coupon,) = shop.bearer_coupons(1)
    command = _command(("coupons", "redeem", "--db", shop.path, shop.code(coupon.id)))
    procs = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    runs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        runs.append(_read(proc.returncode, out, err))
    assert sorted(r.status for r in runs) == [0, 1]
    refused = next(r for r in runs if r.status == 1)
    won = next(r for r in runs if r.status == 0)
    assert refused.doc["error"] == "already_used"
    assert refused.doc["used_by_sale"] == won.doc["sale"]
    assert shop.coupon(coupon.id).redeemed_sale_id == won.doc["sale"]
