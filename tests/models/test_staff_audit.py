"""PINs, roles and the hash-chained audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import OWNER_PIN


def test_owner_signs_in_with_the_pin_and_a_wrong_pin_is_refused(desk: Desk) -> None:
    assert desk.authenticate(OWNER_PIN).is_owner
    for wrong in ("000000", "", "abc", "2468100"):
        with pytest.raises(DomainError) as err:
            desk.authenticate(wrong)
        assert err.value.code == "pin_wrong"


def test_pins_are_stored_hashed(desk: Desk) -> None:
    with desk.db.read() as s:
        stored = s.execute(text("SELECT pin_hash FROM staff")).scalar_one()
    assert OWNER_PIN not in stored
    assert stored.startswith("$argon2id$")


def test_staff_accounts_are_owner_business(desk: Desk, owner: Actor) -> None:
    clerk = desk.add_staff(name="小李", pin="1111", role="staff", by=owner)
    assert desk.authenticate("1111") == clerk
    with pytest.raises(DomainError) as err:
        desk.authenticate("1111", owner_only=True)
    assert err.value.code == "pin_wrong"
    with pytest.raises(DomainError) as err:
        desk.add_staff(name="小赵", pin="2222", role="staff", by=clerk)
    assert err.value.code == "owner_required"
    with pytest.raises(DomainError) as err:
        desk.add_staff(name="小赵", pin="1111", role="staff", by=owner)
    assert err.value.code == "pin_in_use"
    with pytest.raises(DomainError) as err:
        desk.add_staff(name="小赵", pin="12", role="staff", by=owner)
    assert err.value.code == "pin_format"


def test_settings_changes_need_the_owner(desk: Desk, owner: Actor) -> None:
    clerk = desk.add_staff(name="小李", pin="1111", role="staff", by=owner)
    with pytest.raises(DomainError) as err:
        desk.update_rule(by=clerk, fen_per_point=50)
    assert err.value.code == "owner_required"
    with pytest.raises(DomainError) as err:
        desk.update_rule(by=owner, fen_per_point=0)
    assert err.value.code == "rule_value_invalid"
    assert desk.rule().version == 1


def test_last_owner_cannot_be_deactivated(desk: Desk, owner: Actor) -> None:
    with pytest.raises(DomainError) as err:
        desk.deactivate_staff(staff_id=owner.staff_id, by=owner)
    assert err.value.code == "last_owner"


def test_audit_log_records_who_did_what_and_detects_tampering(
    desk: Desk, owner: Actor, member_id: int
) -> None:
    desk.update_rule(by=owner, checkin_points=3)
    desk.adjust_points(member_id=member_id, points_delta=10, reason="welcome", by=owner)
    entries = desk.recent_audit()
    assert entries[0].action == "points.adjusted"
    assert entries[0].staff_id == owner.staff_id
    assert desk.verify_audit().ok
    with desk.db.write() as s:
        s.connection().exec_driver_sql(
            "UPDATE audit_log SET details = '{\"points\":9999}' WHERE action = 'rule.changed'"
        )
        bad_id = s.execute(text("SELECT id FROM audit_log WHERE action='rule.changed'")).scalar()
    check = desk.verify_audit()
    assert (check.ok, check.first_bad_id) == (False, bad_id)


def test_deleting_an_audit_record_breaks_the_chain(desk: Desk, owner: Actor) -> None:
    desk.update_rule(by=owner, checkin_points=3)
    desk.update_rule(by=owner, checkin_points=4)
    with desk.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE id = (SELECT MIN(id) + 1 FROM audit_log)"))
    assert desk.verify_audit().ok is False
