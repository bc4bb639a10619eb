"""Staff and owner: what staff may do alone, and owner-only actions refused and audited."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.models import backup_restore, backup_settings
from desktop.models.errors import DomainError
from desktop.models.refusals import REFUSED
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import OWNER_PIN

CLERK_PIN = "1357"


@pytest.fixture
def clerk(desk: Desk, owner: Actor) -> Actor:
    return desk.add_staff(name="小李", pin=CLERK_PIN, role="staff", by=owner)


def refused(desk: Desk, action: Callable[[], object]) -> DomainError:
    with pytest.raises(DomainError) as err:
        action()
    return err.value


def audit_since(desk: Desk, last_id: int) -> list[tuple[str, int | None, dict[str, object]]]:
    entries = [e for e in desk.recent_audit(limit=50) if e.id > last_id]
    return [(e.action, e.staff_id, json.loads(e.details)) for e in reversed(entries)]


def last_audit_id(desk: Desk) -> int:
    return desk.recent_audit(limit=1)[0].id


# -- refunds ------------------------------------------------------------------------------------
def test_staff_refunds_a_sale_up_to_the_limit_alone(
    desk: Desk, member_id: int, clerk: Actor
) -> None:
    assert desk.security_settings().staff_refund_limit_fen == 10_000
    sale = desk.record_sale(amount_fen=10_000, member_id=member_id, by=clerk)
    result = desk.refund_sale(sale_id=sale.sale_id, by=clerk, reason="wrong size")
    assert result.points_taken_back == 100
    assert desk.member_card(member_id).balance == 0
    entry = desk.recent_audit(limit=1)[0]
    assert (entry.action, entry.staff_id) == ("sale.refunded", clerk.staff_id)


def test_staff_refund_over_the_limit_is_refused_audited_and_left_to_the_owner(
    desk: Desk, member_id: int, clerk: Actor, owner: Actor
) -> None:
    sale = desk.record_sale(amount_fen=10_001, member_id=member_id, by=clerk)
    before = last_audit_id(desk)

    error = refused(desk, lambda: desk.refund_sale(sale_id=sale.sale_id, by=clerk))

    assert error.code == "refund_over_limit"
    assert error.params["limit_fen"] == 10_000
    assert desk.recent_sales(member_id=member_id)[0].refunded is False
    assert desk.member_card(member_id).balance == 100
    [(action, staff_id, details)] = audit_since(desk, before)
    assert (action, staff_id) == (REFUSED, clerk.staff_id)
    assert details["action"] == "sale.refund"
    assert details["code"] == "refund_over_limit"
    assert (details["name"], details["amount_fen"]) == ("小李", 10_001)
    assert desk.verify_audit().ok

    desk.refund_sale(sale_id=sale.sale_id, by=owner)
    assert desk.recent_sales(member_id=member_id)[0].refunded is True


def test_the_owner_sets_the_limit_and_zero_means_every_refund_needs_the_owner(
    desk: Desk, member_id: int, clerk: Actor, owner: Actor
) -> None:
    small = desk.record_sale(amount_fen=100, member_id=member_id, by=clerk)
    desk.update_security(by=owner, staff_refund_limit_fen=0, auto_lock_minutes=5)
    assert desk.security_settings().auto_lock_minutes == 5
    error = refused(desk, lambda: desk.refund_sale(sale_id=small.sale_id, by=clerk))
    assert (error.code, error.params["limit_fen"]) == ("refund_over_limit", 0)

    desk.update_security(by=owner, staff_refund_limit_fen=50_000, auto_lock_minutes=5)
    big = desk.record_sale(amount_fen=45_000, member_id=member_id, by=clerk)
    desk.refund_sale(sale_id=big.sale_id, by=clerk)
    assert desk.recent_sales(member_id=member_id)[0].refunded is True
    changed = [e for e in desk.recent_audit() if e.action == "setting.changed"]
    assert len(changed) == 3  # limit twice, minutes once (unchanged the second time)


def test_security_settings_are_checked(desk: Desk, owner: Actor) -> None:
    for limit, minutes in ((-1, 10), (10_000, -5), (10_000, 100_000)):
        with pytest.raises(DomainError) as err:
            desk.update_security(by=owner, staff_refund_limit_fen=limit, auto_lock_minutes=minutes)
        assert err.value.code == "setting_value_invalid"
    assert desk.security_settings().staff_refund_limit_fen == 10_000


def test_a_deactivated_staff_member_refunds_nothing(
    desk: Desk, member_id: int, clerk: Actor, owner: Actor
) -> None:
    sale = desk.record_sale(amount_fen=500, member_id=member_id, by=clerk)
    desk.deactivate_staff(staff_id=clerk.staff_id, by=owner)
    error = refused(desk, lambda: desk.refund_sale(sale_id=sale.sale_id, by=clerk))
    assert error.code == "owner_required"
    assert desk.recent_audit(limit=1)[0].action == REFUSED


# -- every owner-only action --------------------------------------------------------------------
def _weekly(desk: Desk, by: Actor, path: Path) -> object:
    today = desk.today()
    return desk.export_weekly_report(path, today - dt.timedelta(days=7), today, by=by)


OWNER_ONLY: dict[str, Callable[[Desk, Actor, int, Path], object]] = {
    "points.adjust": lambda d, by, m, p: d.adjust_points(
        member_id=m, points_delta=50, reason="goodwill", by=by
    ),
    "rule.change": lambda d, by, m, p: d.update_rule(by=by, fen_per_point=50),
    "shop.profile_change": lambda d, by, m, p: d.update_shop(
        by=by, name="大王咖啡", address="", phone=""
    ),
    "setting.change:language": lambda d, by, m, p: d.set_setting("language", "en", by=by),
    "setting.change:security": lambda d, by, m, p: d.update_security(
        by=by, staff_refund_limit_fen=99_999, auto_lock_minutes=1
    ),
    "staff.add": lambda d, by, m, p: d.add_staff(name="小赵", pin="8642", role="staff", by=by),
    "backup.folder": lambda d, by, m, p: backup_settings.set_backup_folder(d, p.parent, by=by),
    "export.members": lambda d, by, m, p: d.export_records("members", p, by=by),
    "export.ledger": lambda d, by, m, p: d.export_records("ledger", p, by=by),
    "export.coupons": lambda d, by, m, p: d.export_records("coupons", p, by=by),
    "export.checkins": lambda d, by, m, p: d.export_records("checkins", p, by=by),
    "export.weekly": lambda d, by, m, p: _weekly(d, by, p),
}


@pytest.mark.parametrize("action", sorted(OWNER_ONLY))
def test_owner_only_actions_are_refused_for_staff_and_audited(
    desk: Desk, member_id: int, clerk: Actor, tmp_path: Path, action: str
) -> None:
    target = tmp_path / "out" / "file.xlsx"
    target.parent.mkdir()
    before = last_audit_id(desk)

    error = refused(desk, lambda: OWNER_ONLY[action](desk, clerk, member_id, target))

    assert error.code == "owner_required"
    [(kind, staff_id, details)] = audit_since(desk, before)  # the refusal, nothing else
    assert (kind, staff_id) == (REFUSED, clerk.staff_id)
    assert (details["action"], details["role"]) == (action, "staff")
    assert not target.exists()
    assert desk.member_card(member_id).balance == 0
    assert desk.rule().version == 1
    assert desk.verify_audit().ok


@pytest.mark.parametrize("action", sorted(OWNER_ONLY))
def test_the_owner_may_do_each_of_them(
    desk: Desk, member_id: int, owner: Actor, tmp_path: Path, action: str
) -> None:
    target = tmp_path / "out" / "file.xlsx"
    target.parent.mkdir()
    OWNER_ONLY[action](desk, owner, member_id, target)
    assert REFUSED not in [e.action for e in desk.recent_audit()]


def test_full_phone_numbers_are_for_the_owner_only(
    desk: Desk, member_id: int, clerk: Actor, owner: Actor, tmp_path: Path
) -> None:
    assert desk.member_details(member_id, viewer=clerk).phone == "138****8000"
    assert desk.member_details(member_id, viewer=owner).phone == "13800138000"
    before = last_audit_id(desk)
    error = refused(
        desk, lambda: desk.export_records("members", tmp_path / "m.xlsx", by=clerk, unmask=True)
    )
    assert error.code == "owner_required"
    [(kind, _, details)] = audit_since(desk, before)
    assert (kind, details["action"], details["unmasked"]) == (REFUSED, "export.members", True)
    assert not (tmp_path / "m.xlsx").exists()


def test_a_staff_pin_cannot_restore_a_backup_and_the_attempt_is_audited(
    desk: Desk, clerk: Actor
) -> None:
    error = refused(desk, lambda: backup_restore.authorize_restore(desk, CLERK_PIN))
    assert error.code == "owner_required"
    entry = desk.recent_audit(limit=1)[0]
    assert (entry.action, entry.staff_id) == ("backup.restore_refused", clerk.staff_id)
    assert backup_restore.authorize_restore(desk, OWNER_PIN).is_owner
