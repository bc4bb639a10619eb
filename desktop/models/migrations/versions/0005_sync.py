"""alliance sync: what the server sent down, what it settled differently, push outcomes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alliance_member",
        sa.Column(
            "member_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("home_shop_id", sa.Integer(), nullable=False),
        sa.Column("phone_hash", sa.String(length=64), nullable=True),
        sa.Column("sharing", sa.Boolean(), nullable=False),
        sa.Column("card_serial", sa.Integer(), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.Column("debt", sa.BigInteger(), nullable=False),
        sa.Column("merged_into", sa.BigInteger(), nullable=True),
        sa.Column("enrolled_day", sa.String(length=10), nullable=True),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_alliance_member")),
    )
    op.create_index(
        "ix_alliance_member_phone_hash",
        "alliance_member",
        ["phone_hash"],
        sqlite_where=sa.text("phone_hash IS NOT NULL"),
    )
    op.create_table(
        "alliance_entity",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_alliance_entity")),
    )
    op.create_index("ix_alliance_entity_kind", "alliance_entity", ["kind"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("event_kind", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.String(length=60), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("event_id", "reason", name=op.f("uq_sync_conflict_event_id")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("server_seq", sa.BigInteger(), nullable=True))
    # What still waits to be pushed, found without reading the acknowledged history.
    op.create_index(
        "ix_event_waiting",
        "event",
        ["device_id", "device_seq"],
        sqlite_where=sa.text("acked_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_event_waiting", table_name="event")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("server_seq")
        batch_op.drop_column("outcome")
    op.drop_table("sync_conflict")
    op.drop_index("ix_alliance_entity_kind", table_name="alliance_entity")
    op.drop_table("alliance_entity")
    op.drop_index("ix_alliance_member_phone_hash", table_name="alliance_member")
    op.drop_table("alliance_member")
