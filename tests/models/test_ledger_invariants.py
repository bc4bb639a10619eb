"""Random sequences of counter operations never break the ledger's invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from desktop.models.db import open_database
from desktop.models.errors import DomainError
from desktop.models.service import Desk
from tests.models.conftest import OWNER_PIN, FakeClock

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("sale"), st.integers(1, 50_000), st.integers(0, 400)),
        st.tuples(st.just("refund"), st.integers(0, 30), st.just(0)),
        st.tuples(st.just("days"), st.integers(1, 200), st.just(0)),
        st.tuples(st.just("expire"), st.just(0), st.just(0)),
        st.tuples(st.just("adjust"), st.integers(-300, 300), st.just(0)),
    ),
    min_size=1,
    max_size=25,
)


def ledger_identity(desk: Desk, member_id: int) -> tuple[int, int]:
    """(SUM(points), Σ lot remaining − Σ unallocated debt) computed in plain SQL."""
    with desk.db.read() as s:
        total = s.execute(
            text("SELECT COALESCE(SUM(points),0) FROM points_entry WHERE member_id=:m"),
            {"m": member_id},
        ).scalar_one()
        remaining = s.execute(
            text(
                "SELECT COALESCE(SUM(e.points - COALESCE((SELECT SUM(a.points)"
                " FROM points_allocation a WHERE a.lot_id=e.id),0)),0) FROM points_entry e"
                " WHERE e.member_id=:m AND e.points>0 AND e.expires_on IS NOT NULL"
            ),
            {"m": member_id},
        ).scalar_one()
        debt = s.execute(
            text(
                "SELECT COALESCE(SUM(-e.points - COALESCE((SELECT SUM(a.points)"
                " FROM points_allocation a WHERE a.entry_id=e.id),0)),0) FROM points_entry e"
                " WHERE e.member_id=:m AND e.points<0"
            ),
            {"m": member_id},
        ).scalar_one()
        lots_never_negative = s.execute(
            text(
                "SELECT COUNT(*) FROM points_entry e WHERE e.member_id=:m AND e.points>0 AND"
                " e.points < COALESCE((SELECT SUM(a.points) FROM points_allocation a"
                " WHERE a.lot_id=e.id),0)"
            ),
            {"m": member_id},
        ).scalar_one()
        reversed_twice = s.execute(
            select(func.count()).select_from(
                text(
                    "(SELECT reverses_id FROM points_entry WHERE reverses_id IS NOT NULL"
                    " GROUP BY reverses_id HAVING COUNT(*) > 1)"
                )
            )
        ).scalar_one()
    assert lots_never_negative == 0
    assert reversed_twice == 0
    return int(total), int(remaining - debt)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_balance_equals_lots_minus_debt_after_any_sequence(tmp_path_factory, ops) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ledger") / "shop.sqlite"
    clock = FakeClock()
    desk = Desk(open_database(path), clock=clock)
    owner = desk.set_up(shop_name="店", owner_name="老板", owner_pin=OWNER_PIN)
    desk.update_rule(by=owner, earn_pin_limit=10_000)
    member = desk.enrol_member(name="李四", phone="13912345678", by=None, membership_consent=True)
    sales: list[int] = []
    for op, a, b in ops:
        try:
            if op == "sale":
                sales.append(
                    desk.record_sale(
                        amount_fen=a, member_id=member, by=None, redeem_points=b
                    ).sale_id
                )
            elif op == "refund" and sales:
                desk.refund_sale(sale_id=sales[a % len(sales)], by=owner)
            elif op == "days":
                clock.advance(days=a)
            elif op == "expire":
                desk.expire_due_points()
            elif op == "adjust" and a:
                desk.adjust_points(member_id=member, points_delta=a, reason="test", by=owner)
        except DomainError:
            pass
        total, identity = ledger_identity(desk, member)
        assert total == identity
    # Points expired but not yet swept are never shown as spendable.
    assert desk.member_card(member).balance <= total
    desk.db.close()
