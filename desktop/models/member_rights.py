"""A member's rights over their data (PIPL): a copy of everything held, and erasure.

:func:`member_data` gathers what the shop holds about one member as plain JSON values;
:func:`write_member_json` and :func:`write_member_xlsx` write it to a file the member can take.
:func:`erase_member` removes the personal fields and withdraws every consent but keeps the
points ledger, sales, visits and coupons, so the books and the weekly figures do not change.
:func:`run_export` and :func:`run_erase` are the owner-only units of work behind ``Desk``:
each is audited, and a refused attempt is audited as refused.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.clock import local_day, utc_now
from desktop.models.coupons import coupon_state
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.members import CONSENT_KINDS, NOTICE_VERSION
from desktop.models.points import balance_info, raw_balance
from desktop.models.shop import current_rule, shop_profile
from desktop.models.staff import Actor, list_staff, require_owner
from desktop.models.tables import (
    Campaign,
    CardRevocation,
    CheckIn,
    Coupon,
    CouponHoldout,
    ImportRow,
    Member,
    MemberConsent,
    PointsEntry,
    Refund,
    Sale,
)
from desktop.models.tiers import TIER_NAMES, spend_12m, tier_for_spend

if TYPE_CHECKING:
    from desktop.models.db import Database

FORMATS = ("json", "xlsx")
DATA_FORMAT = "merchant-desk.member-data"
# Consent rows written by an erasure carry this in place of a notice (like "imported:…").
ERASE_NOTICE = f"erase:{NOTICE_VERSION}"

# The columns of each list section, in order (the xlsx sheets follow them).
SECTIONS: dict[str, tuple[str, ...]] = {
    "consents": ("at", "kind", "granted", "notice_version", "by"),
    "points": ("id", "at", "day", "kind", "points", "expires_on", "sale_id", "note"),
    "sales": (
        "id",
        "at",
        "day",
        "amount_fen",
        "amount_yuan",
        "discount_fen",
        "discount_yuan",
        "coupon_discount_fen",
        "coupon_discount_yuan",
        "paid_fen",
        "paid_yuan",
        "refunded_at",
        "refund_reason",
    ),
    "visits": ("id", "at", "day", "rewarded"),
    "coupons": (
        "serial",
        "campaign",
        "kind",
        "value_fen",
        "value_yuan",
        "percent",
        "min_spend_fen",
        "min_spend_yuan",
        "gift",
        "state",
        "valid_from",
        "valid_to",
        "issued_at",
        "redeemed_at",
        "voided_at",
        "source",
    ),
    "cards": ("serial", "revoked_at", "reason"),
    "holdouts": ("campaign", "held_at"),
}


def yuan_text(fen: int) -> str:
    """1250 → "12.50", -5 → "-0.05" (exact: integer arithmetic only)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


class _Times:
    """Naive-UTC instants → ISO 8601 in the shop's time zone, with the offset."""

    def __init__(self, tz: str) -> None:
        from zoneinfo import ZoneInfo

        self.zone = ZoneInfo(tz)

    def __call__(self, at: dt.datetime | None) -> str | None:
        if at is None:
            return None
        return at.replace(tzinfo=dt.UTC).astimezone(self.zone).isoformat(timespec="seconds")


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _money(row: dict[str, Any], key: str, fen: int) -> None:
    row[f"{key}_fen"], row[f"{key}_yuan"] = int(fen), yuan_text(int(fen))


def _profile(
    session: Session, m: Member, *, today: dt.date, at: _Times, names: dict[int, str]
) -> dict[str, Any]:
    spend = spend_12m(session, m.id, today=today)
    campaign = session.get(Campaign, m.acquired_campaign_id) if m.acquired_campaign_id else None
    profile: dict[str, Any] = {
        "id": str(m.id),  # 63-bit ids do not survive JavaScript or Excel as numbers
        "name": m.name,
        "phone": m.phone,
        "birthday": _day(m.birthday),
        "note": m.note,
        "enrolled_at": at(m.enrolled_at),
        "enrolled_day": _day(m.enrolled_day),
        "enrolled_by": names.get(m.enrolled_by) if m.enrolled_by else None,
        "marketing_consent": m.marketing_consent,
        "sharing_consent": m.sharing_consent,
        "card_serial": m.card_serial,
        "card_issued_on": _day(m.card_issued_on),
        "card_expires_on": _day(m.card_expires_on),
        "tier": TIER_NAMES.get(tier_for_spend(spend, current_rule(session)), "normal"),
        "points_balance": balance_info(session, m.id, today=today).balance,
    }
    _money(profile, "spend_12m", spend)
    profile["acquired_by_campaign"] = campaign.name if campaign else None
    profile["erased_at"] = at(m.erased_at)
    return profile


def _consents(session: Session, member_id: int, at: _Times, names: dict[int, str]) -> list[Any]:
    rows = session.execute(
        select(MemberConsent)
        .where(MemberConsent.member_id == member_id)
        .order_by(MemberConsent.at, MemberConsent.id)
    ).scalars()
    return [
        {
            "at": at(c.at),
            "kind": c.kind,
            "granted": c.granted,
            "notice_version": c.notice_version,
            "by": names.get(c.staff_id) if c.staff_id else None,
        }
        for c in rows
    ]


def _points(session: Session, member_id: int, at: _Times) -> list[Any]:
    rows = session.execute(
        select(PointsEntry).where(PointsEntry.member_id == member_id).order_by(PointsEntry.id)
    ).scalars()
    return [
        {
            "id": e.id,
            "at": at(e.created_at),
            "day": _day(e.local_day),
            "kind": e.kind,
            "points": e.points,
            "expires_on": _day(e.expires_on),
            "sale_id": e.sale_id,
            "note": e.note,
        }
        for e in rows
    ]


def _sales(session: Session, member_id: int, at: _Times) -> list[Any]:
    rows = session.execute(
        select(Sale, Refund)
        .outerjoin(Refund, Refund.sale_id == Sale.id)
        .where(Sale.member_id == member_id)
        .order_by(Sale.id)
    ).all()
    out: list[Any] = []
    for sale, refund in rows:
        row: dict[str, Any] = {
            "id": sale.id,
            "at": at(sale.created_at),
            "day": _day(sale.local_day),
        }
        _money(row, "amount", sale.amount_fen)
        _money(row, "discount", sale.discount_fen)
        _money(row, "coupon_discount", sale.coupon_discount_fen)
        _money(row, "paid", sale.paid_fen)
        row["refunded_at"] = at(refund.created_at) if refund else None
        row["refund_reason"] = refund.reason if refund else None
        out.append(row)
    return out


def _visits(session: Session, member_id: int, at: _Times) -> list[Any]:
    rows = session.execute(
        select(CheckIn).where(CheckIn.member_id == member_id).order_by(CheckIn.id)
    ).scalars()
    return [
        {"id": c.id, "at": at(c.created_at), "day": _day(c.local_day), "rewarded": c.rewarded}
        for c in rows
    ]


def _coupons(session: Session, member_id: int, at: _Times, today: dt.date) -> list[Any]:
    rows = session.execute(
        select(Coupon, Campaign.name)
        .join(Campaign, Campaign.id == Coupon.campaign_id)
        .where(Coupon.member_id == member_id)
        .order_by(Coupon.issued_at, Coupon.id)
    ).all()
    out: list[Any] = []
    for c, campaign in rows:
        row: dict[str, Any] = {"serial": c.serial, "campaign": campaign, "kind": c.kind}
        _money(row, "value", c.value_fen)
        row["percent"] = c.percent
        _money(row, "min_spend", c.min_spend_fen)
        row.update(
            gift=c.gift,
            state=coupon_state(c.state, c.valid_to, today),
            valid_from=_day(c.valid_from),
            valid_to=_day(c.valid_to),
            issued_at=at(c.issued_at),
            redeemed_at=at(c.redeemed_at),
            voided_at=at(c.voided_at),
            source=c.source,
        )
        out.append(row)
    return out


def _cards(session: Session, member_id: int, at: _Times) -> list[Any]:
    rows = session.execute(
        select(CardRevocation)
        .where(CardRevocation.member_id == member_id)
        .order_by(CardRevocation.card_serial)
    ).scalars()
    return [
        {"serial": r.card_serial, "revoked_at": at(r.revoked_at), "reason": r.reason} for r in rows
    ]


def _holdouts(session: Session, member_id: int, at: _Times) -> list[Any]:
    rows = session.execute(
        select(Campaign.name, CouponHoldout.held_at)
        .join(Campaign, Campaign.id == CouponHoldout.campaign_id)
        .where(CouponHoldout.member_id == member_id)
        .order_by(CouponHoldout.held_at)
    ).all()
    return [{"campaign": name, "held_at": at(held)} for name, held in rows]


def member_data(
    session: Session, member_id: int, *, now: dt.datetime | None = None
) -> dict[str, Any]:
    """Everything held about one member, as JSON-able values. Times are ISO 8601 in the
    shop's time zone; money is fen with the yuan beside it (``amount_fen`` / ``amount_yuan``).
    An erased member's remaining records (ledger, sales…) are still given."""
    member = session.get(Member, member_id)
    if member is None:
        raise DomainError("member_not_found")
    shop = shop_profile(session)
    at = _Times(shop.timezone)
    now = now or utc_now()
    today = local_day(now, shop.timezone)
    names = {s.id: s.name for s in list_staff(session, include_inactive=True)}
    return {
        "format": DATA_FORMAT,
        "version": 1,
        "exported_at": at(now),
        "shop": {"name": shop.name, "address": shop.address, "phone": shop.phone},
        "profile": _profile(session, member, today=today, at=at, names=names),
        "consents": _consents(session, member_id, at, names),
        "points": _points(session, member_id, at),
        "sales": _sales(session, member_id, at),
        "visits": _visits(session, member_id, at),
        "coupons": _coupons(session, member_id, at, today),
        "cards": _cards(session, member_id, at),
        "holdouts": _holdouts(session, member_id, at),
    }


# -- writing the file -------------------------------------------------------------------------


def _replace_atomically(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        write(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def write_member_json(path: Path, data: dict[str, Any]) -> None:
    """UTF-8 JSON, indented, Chinese kept readable."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    _replace_atomically(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _cell_value(key: str, value: Any) -> tuple[Any, str | None]:
    """A value as the cell should hold it, with its number format."""
    from desktop.models.exports.xlsx import DATE_FORMAT, TIME_FORMAT, YUAN_FORMAT

    if value is None:
        return None, None
    if isinstance(value, bool):
        return ("yes" if value else "no"), None
    if key.endswith("_yuan"):
        return Decimal(value), YUAN_FORMAT
    if isinstance(value, str) and (key == "at" or key.endswith("_at")):
        return dt.datetime.fromisoformat(value).replace(tzinfo=None), TIME_FORMAT
    if isinstance(value, str) and (
        key in ("day", "birthday", "valid_from", "valid_to") or key.endswith(("_on", "_day"))
    ):
        return dt.date.fromisoformat(value), DATE_FORMAT
    return value, None


def write_member_xlsx(path: Path, data: dict[str, Any]) -> None:
    """A workbook with the profile and one sheet per section; headers bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from desktop.models.exports.xlsx import HEADER_FILL, width_for

    wb = Workbook()
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    sheets: list[tuple[str, tuple[str, ...], list[list[tuple[Any, str | None]]]]] = []
    profile = data["profile"]
    sheets.append(
        (
            "profile",
            ("field", "value"),
            [[(k, None), _cell_value(k, v)] for k, v in profile.items()],
        )
    )
    for section, columns in SECTIONS.items():
        rows = [[_cell_value(k, row.get(k)) for k in columns] for row in data[section]]
        sheets.append((section, columns, rows))
    first = True
    for title, header, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        first = False
        ws.title = title
        ws.append(list(header))
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in rows:
            ws.append([value for value, _ in row])
            for cell, (_, fmt) in zip(ws[ws.max_row], row, strict=True):
                if fmt:
                    cell.number_format = fmt
        ws.freeze_panes = "A2"
        for i, name in enumerate(header, start=1):
            values = [name, *(r[i - 1][0] for r in rows[:500])]
            ws.column_dimensions[get_column_letter(i)].width = width_for(values)
    _replace_atomically(Path(path), lambda tmp: wb.save(tmp))


# -- erasing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Erased:
    member_id: int
    erased_at: dt.datetime
    points_kept: int  # the balance left on the ledger (it lapses by the normal expiry)
    consents_withdrawn: tuple[str, ...]


def erase_member(session: Session, *, member_id: int, by: Actor | None, now: dt.datetime) -> Erased:
    """Anonymise a member (owner only): name, phone, birthday, pinyin keys and free text go;
    every consent is withdrawn (history rows with ``notice_version = "erase:…"``); the card
    stops working. Ledger entries, sales, visits and coupons stay as they are, so balances,
    the points liability and every figure are unchanged. A second erase is
    ``already_erased`` and writes nothing."""
    owner = require_owner(by)
    member = session.get(Member, member_id)
    if member is None:
        raise DomainError("member_not_found")
    if member.erased_at is not None:
        raise DomainError("already_erased", erased_at=member.erased_at.isoformat())
    if member.alliance_shop_id is not None:
        raise DomainError("member_of_another_shop")  # their own shop keeps (and erases) them
    # Overwrite the freed space of the rows and index entries changed below with zeros, so
    # the old name and phone do not linger in the database file's free pages.
    session.execute(text("PRAGMA secure_delete = ON"))
    try:
        _anonymise(session, member, owner=owner, now=now)
    finally:
        session.execute(text("PRAGMA secure_delete = OFF"))
    kept = raw_balance(session, member_id)
    append_audit(
        session,
        action="member.erased",
        staff_id=owner.staff_id,
        details={"member": member_id, "points_kept": kept},
        now=now,
    )
    emit_event(session, kind="member.erased", payload={"member_id": member_id}, now=now)
    return Erased(member_id, now, kept, CONSENT_KINDS)


def _anonymise(session: Session, member: Member, *, owner: Actor, now: dt.datetime) -> None:
    member_id = member.id
    for kind in CONSENT_KINDS:
        session.add(
            MemberConsent(
                member_id=member_id,
                kind=kind,
                granted=False,
                at=now,
                notice_version=ERASE_NOTICE,
                staff_id=owner.staff_id,
            )
        )
    member.name = member.initials = member.pinyin = member.phone_last4 = member.note = ""
    member.phone = None  # NULLs never collide in the unique (shop, phone) constraint
    member.birthday = None
    member.marketing_consent = member.sharing_consent = False
    member.erased_at = now
    _erase_free_text(session, member_id)
    session.flush()


def _erase_free_text(session: Session, member_id: int) -> None:
    """Text people typed about this member's records, and the phone fingerprints of the rows
    that imported them (an unkeyed hash of a phone number can be reversed)."""
    session.execute(
        update(PointsEntry)
        .where(PointsEntry.member_id == member_id, PointsEntry.kind == "adjustment")
        .values(note="")
        .execution_options(synchronize_session=False)
    )
    their_sales = select(Sale.id).where(Sale.member_id == member_id)
    for stmt in (
        update(Refund).where(Refund.sale_id.in_(their_sales)).values(reason=""),
        update(Coupon).where(Coupon.member_id == member_id).values(void_reason=""),
    ):
        session.execute(stmt.execution_options(synchronize_session=False))
    rows = session.execute(
        select(ImportRow.id).where(ImportRow.member_id == member_id, ImportRow.sale_id.is_(None))
    ).scalars()
    for row_id in list(rows):
        session.execute(
            update(ImportRow)
            .where(ImportRow.id == row_id)
            .values(fingerprint=secrets.token_hex(16))
            .execution_options(synchronize_session=False)
        )


# -- the owner-only units of work -------------------------------------------------------------


@dataclass(frozen=True)
class MemberExport:
    path: Path
    format: str
    rows: int  # list rows written (consents, ledger entries, sales, visits, coupons…)


def _refuse(
    db: Database, *, what: str, member_id: int, by: Actor | None, now: dt.datetime
) -> NoReturn:
    """Write the refusal to the audit log (in its own transaction) and raise it."""
    with db.write() as s:
        append_audit(
            s,
            action=f"member.{what}_refused",
            staff_id=by.staff_id if by else None,
            details={"member": member_id, "reason": "owner_required"},
            now=now,
        )
    raise DomainError("owner_required")


def run_export(
    db: Database, member_id: int, path: Path, fmt: str, *, by: Actor | None, now: dt.datetime
) -> MemberExport:
    """Write one member's data to ``path`` (owner only) and audit it."""
    if fmt not in FORMATS:
        raise DomainError("export_format_invalid", formats=", ".join(FORMATS))
    if by is None or not by.is_owner:
        _refuse(db, what="export", member_id=member_id, by=by, now=now)
    with db.read() as s:
        data = member_data(s, member_id, now=now)
    (write_member_json if fmt == "json" else write_member_xlsx)(path, data)
    rows = sum(len(data[section]) for section in SECTIONS)
    with db.write() as s:
        append_audit(
            s,
            action="member.exported",
            staff_id=by.staff_id if by else None,
            details={"member": member_id, "format": fmt, "rows": rows, "file": path.name},
            now=now,
        )
    return MemberExport(path, fmt, rows)


def run_erase(db: Database, member_id: int, *, by: Actor | None, now: dt.datetime) -> Erased:
    """Erase a member (owner only); a staff attempt is refused and audited."""
    if by is None or not by.is_owner:
        _refuse(db, what="erase", member_id=member_id, by=by, now=now)
    with db.write() as s:
        return erase_member(s, member_id=member_id, by=by, now=now)
