"""Staff, PINs (Argon2) and who may do what.

Owner-only actions take an :class:`Actor` with the owner role, obtained by
:func:`authenticate` with the owner's PIN; the model refuses them otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.errors import DomainError
from desktop.models.tables import Staff

# RFC 9106 low-memory profile: about 30 ms a check here, fine for a PIN prompt.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

OWNER = "owner"
STAFF = "staff"
MAX_PIN_LENGTH = 8


@dataclass(frozen=True)
class Actor:
    staff_id: int
    name: str
    role: str

    @property
    def is_owner(self) -> bool:
        return self.role == OWNER


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= MAX_PIN_LENGTH):
        raise DomainError("pin_format")


def hash_pin(pin: str) -> str:
    check_pin_format(pin)
    return _HASHER.hash(pin)


def _matches(pin_hash: str, pin: str) -> bool:
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(session: Session, pin: str, *, owner_only: bool = False) -> Actor:
    """The active staff member whose PIN this is, or ``DomainError("pin_wrong")``."""
    if not (pin.isascii() and pin.isdigit()):
        raise DomainError("pin_wrong")
    query = select(Staff).where(Staff.active.is_(True))
    if owner_only:
        query = query.where(Staff.role == OWNER)
    for staff in session.execute(query.order_by(Staff.id)).scalars():
        if _matches(staff.pin_hash, pin):
            return Actor(staff.id, staff.name, staff.role)
    raise DomainError("pin_wrong")


class Refused(DomainError):
    """A refusal of the person asking (not of what they asked): an owner-only action by staff,
    a refund over the staff limit. ``actor`` is who tried; the Desk writes it to the audit log
    (see :mod:`desktop.models.refusals`) once the refused unit of work has been rolled back."""

    def __init__(self, code: str, *, actor: Actor | None, **params: Any) -> None:
        super().__init__(code, **params)
        self.actor = actor
        self.audited = False


def require_owner(actor: Actor | None) -> Actor:
    if actor is None or not actor.is_owner:
        raise Refused("owner_required", actor=actor)
    return actor


def is_active(session: Session, actor: Actor) -> bool:
    """True while ``actor`` is an active account with the role it claims."""
    row = session.get(Staff, actor.staff_id)
    return row is not None and row.active and row.role == actor.role


def _check_pin_unused(session: Session, pin: str, *, except_id: int | None = None) -> None:
    for staff in session.execute(select(Staff).where(Staff.active.is_(True))).scalars():
        if staff.id != except_id and _matches(staff.pin_hash, pin):
            raise DomainError("pin_in_use")


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise DomainError("name_required")
    if len(name) > 50:
        raise DomainError("name_too_long", max=50)
    return name


def create_staff(
    session: Session,
    *,
    name: str,
    pin: str,
    role: str,
    by: Actor | None,
    now: dt.datetime,
) -> Actor:
    """Add a staff account. Only the owner may, except the very first owner at set-up."""
    if role not in (OWNER, STAFF):
        raise DomainError("role_invalid")
    has_staff = session.execute(select(Staff.id).limit(1)).scalar() is not None
    if has_staff:
        require_owner(by)
    name = _clean_name(name)
    check_pin_format(pin)
    _check_pin_unused(session, pin)
    staff = Staff(name=name, role=role, pin_hash=hash_pin(pin), active=True, created_at=now)
    session.add(staff)
    session.flush()
    append_audit(
        session,
        action="staff.created",
        staff_id=by.staff_id if by else staff.id,
        details={"staff": staff.id, "name": name, "role": role},
        now=now,
    )
    return Actor(staff.id, staff.name, staff.role)


def change_pin(
    session: Session, *, staff_id: int, new_pin: str, by: Actor, now: dt.datetime
) -> None:
    """Owners may change anyone's PIN; staff only their own."""
    if by.staff_id != staff_id:
        require_owner(by)
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise DomainError("staff_not_found")
    check_pin_format(new_pin)
    _check_pin_unused(session, new_pin, except_id=staff_id)
    staff.pin_hash = hash_pin(new_pin)
    append_audit(
        session,
        action="staff.pin_changed",
        staff_id=by.staff_id,
        details={"staff": staff_id},
        now=now,
    )


def deactivate_staff(session: Session, *, staff_id: int, by: Actor, now: dt.datetime) -> None:
    require_owner(by)
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise DomainError("staff_not_found")
    if staff.role == OWNER:
        owners = session.execute(
            select(Staff.id).where(Staff.role == OWNER, Staff.active.is_(True))
        ).all()
        if len(owners) <= 1:
            raise DomainError("last_owner")
    staff.active = False
    append_audit(
        session,
        action="staff.deactivated",
        staff_id=by.staff_id,
        details={"staff": staff_id},
        now=now,
    )


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: str


def list_staff(session: Session, *, include_inactive: bool = False) -> list[StaffInfo]:
    """Active staff (or everyone ever, for naming who did what in the audit log)."""
    query = select(Staff.id, Staff.name, Staff.role).order_by(Staff.id)
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    return [StaffInfo(r.id, r.name, r.role) for r in session.execute(query).all()]
