"""analytics rollups: daily figures, cohorts, repeat-purchase steps, coupons, RFM summary

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 10:30:00.000000

The rollup tables hold derived data only (rebuilt by ``desktop.models.analytics.rollup``).
Sales, check-ins, refunds and ledger entries are noticed by their growing ids; members and
coupons have random ids and change in place, so small triggers note the earliest shop day a
change touches (``*_dirty_from``). A trigger's work is one update of a one-row table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEVER = "'9999-12-31'"

TRIGGERS = {
    "trg_rollup_member_insert": f"""
        CREATE TRIGGER trg_rollup_member_insert AFTER INSERT ON member
        BEGIN
          UPDATE rollup_state SET
            member_dirty_from = min(coalesce(member_dirty_from, {NEVER}), NEW.enrolled_day),
            member_version = member_version + 1;
        END""",
    "trg_rollup_member_update": f"""
        CREATE TRIGGER trg_rollup_member_update AFTER UPDATE OF enrolled_day ON member
        WHEN OLD.enrolled_day IS NOT NEW.enrolled_day
        BEGIN
          UPDATE rollup_state SET
            member_dirty_from = min(coalesce(member_dirty_from, {NEVER}),
                                    OLD.enrolled_day, NEW.enrolled_day),
            member_version = member_version + 1;
        END""",
    "trg_rollup_member_delete": f"""
        CREATE TRIGGER trg_rollup_member_delete AFTER DELETE ON member
        BEGIN
          UPDATE rollup_state SET
            member_dirty_from = min(coalesce(member_dirty_from, {NEVER}), OLD.enrolled_day),
            member_version = member_version + 1;
        END""",
    # Coupon times are UTC; the shop day of an instant is never before its UTC date - 1.
    "trg_rollup_coupon_insert": f"""
        CREATE TRIGGER trg_rollup_coupon_insert AFTER INSERT ON coupon
        BEGIN
          UPDATE rollup_state SET
            coupon_dirty_from = min(coalesce(coupon_dirty_from, {NEVER}),
                                    date(NEW.issued_at, '-1 day'),
                                    coalesce(date(NEW.redeemed_at, '-1 day'), {NEVER})),
            coupon_version = coupon_version + 1;
        END""",
    "trg_rollup_coupon_update": f"""
        CREATE TRIGGER trg_rollup_coupon_update
        AFTER UPDATE OF state, redeemed_at, issued_at, campaign_id ON coupon
        WHEN OLD.state IS NOT NEW.state OR OLD.redeemed_at IS NOT NEW.redeemed_at
          OR OLD.issued_at IS NOT NEW.issued_at OR OLD.campaign_id IS NOT NEW.campaign_id
        BEGIN
          UPDATE rollup_state SET
            coupon_dirty_from = min(coalesce(coupon_dirty_from, {NEVER}),
              CASE WHEN OLD.state IS NOT NEW.state OR OLD.issued_at IS NOT NEW.issued_at
                     OR OLD.campaign_id IS NOT NEW.campaign_id
                   THEN date(min(OLD.issued_at, NEW.issued_at), '-1 day') ELSE {NEVER} END,
              coalesce(date(OLD.redeemed_at, '-1 day'), {NEVER}),
              coalesce(date(NEW.redeemed_at, '-1 day'), {NEVER})),
            coupon_version = coupon_version + 1;
        END""",
    "trg_rollup_coupon_delete": f"""
        CREATE TRIGGER trg_rollup_coupon_delete AFTER DELETE ON coupon
        BEGIN
          UPDATE rollup_state SET
            coupon_dirty_from = min(coalesce(coupon_dirty_from, {NEVER}),
                                    date(OLD.issued_at, '-1 day'),
                                    coalesce(date(OLD.redeemed_at, '-1 day'), {NEVER})),
            coupon_version = coupon_version + 1;
        END""",
}


def _counts(*names: str, big: bool = False) -> list[sa.Column[int]]:
    kind = sa.BigInteger() if big else sa.Integer()
    return [sa.Column(name, kind, nullable=False) for name in names]


def upgrade() -> None:
    op.create_table(
        "rollup_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("built_through", sa.Date(), nullable=True),
        *_counts("sale_mark", "checkin_mark", "refund_mark", "points_mark", big=True),
        sa.Column("member_dirty_from", sa.Date(), nullable=True),
        sa.Column("member_version", sa.BigInteger(), nullable=False),
        sa.Column("coupon_dirty_from", sa.Date(), nullable=True),
        sa.Column("coupon_version", sa.BigInteger(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(), nullable=True),
        sa.Column("rfm_as_of", sa.Date(), nullable=True),
        *_counts("rfm_sale_mark", "rfm_refund_mark", big=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rollup_state")),
    )
    op.create_table(
        "daily_rollup",
        sa.Column("day", sa.Date(), nullable=False),
        *_counts("new_members", "visits", "visits_new"),
        *_counts("member_sales_fen", big=True),
        *_counts("member_sale_count"),
        *_counts("sales_fen", big=True),
        *_counts("sale_count"),
        *_counts("points_issued", "points_redeemed", "points_expired", "points_net", big=True),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_rollup")),
    )
    op.create_table(
        "daily_cohort",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("cohort_week", sa.Date(), nullable=False),
        *_counts("visits", "actives"),
        sa.PrimaryKeyConstraint("day", "cohort_week", name=op.f("pk_daily_cohort")),
    )
    op.create_table(
        "repeat_delta",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("ahead", sa.Integer(), nullable=False),
        *_counts("b30", "r30", "b90", "r90"),
        sa.PrimaryKeyConstraint("day", "ahead", name=op.f("pk_repeat_delta")),
    )
    op.create_table(
        "coupon_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        *_counts("issued", "voided", "issued_redeemed", "redeemed"),
        sa.PrimaryKeyConstraint("day", "campaign_id", name=op.f("pk_coupon_daily")),
    )
    op.create_table(
        "rfm_segment",
        sa.Column("segment", sa.String(length=20), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("monetary_fen", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("segment", name=op.f("pk_rfm_segment")),
    )
    # Plain CREATE INDEX (no batch copy): quick on a million members.
    op.create_index("ix_member_enrolled_day", "member", ["enrolled_day"])
    op.create_index(
        "ix_member_acquired_campaign",
        "member",
        ["acquired_campaign_id"],
        sqlite_where=sa.text("acquired_campaign_id IS NOT NULL"),
    )
    op.create_index("ix_checkin_day", "checkin", ["local_day"])
    op.create_index("ix_coupon_issued_at", "coupon", ["issued_at"])
    op.create_index("ix_coupon_redeemed_at", "coupon", ["redeemed_at"])
    op.execute(
        "INSERT INTO rollup_state (id, built_through, sale_mark, checkin_mark, refund_mark,"
        " points_mark, member_dirty_from, member_version, coupon_dirty_from, coupon_version,"
        " refreshed_at, rfm_as_of, rfm_sale_mark, rfm_refund_mark)"
        " VALUES (1, NULL, 0, 0, 0, 0, NULL, 0, NULL, 0, NULL, NULL, 0, 0)"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_coupon_redeemed_at", table_name="coupon")
    op.drop_index("ix_coupon_issued_at", table_name="coupon")
    op.drop_index("ix_checkin_day", table_name="checkin")
    op.drop_index("ix_member_acquired_campaign", table_name="member")
    op.drop_index("ix_member_enrolled_day", table_name="member")
    op.drop_table("rfm_segment")
    op.drop_table("coupon_daily")
    op.drop_table("repeat_delta")
    op.drop_table("daily_cohort")
    op.drop_table("daily_rollup")
    op.drop_table("rollup_state")
