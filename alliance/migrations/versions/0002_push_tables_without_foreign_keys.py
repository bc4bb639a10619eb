"""The five tables a push appends to lose their foreign keys.

Every push writes about six rows per event into ``event``, ``sale_record``, ``ledger_entry``,
``posting`` and ``feed``; PostgreSQL checked each of their foreign keys row by row (a trigger
and an index probe each, about nine per event), which was a fifth of a push's time. The values
never come from a device: ``alliance_id``, ``shop_id`` and ``device_id`` are the authenticated
device's own, and a posting's ``entry_id`` is drawn in the same transaction as its entry; the
rows they point at (alliances, shops, devices) are never deleted. ``alliance-admin check``
looks for a posting without its entry and an event without its device.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, referred table, referred column)
DROPPED = [
    ("event", "device_id", "device", "id"),
    ("event", "alliance_id", "alliance", "id"),
    ("event", "shop_id", "shop", "id"),
    ("feed", "alliance_id", "alliance", "id"),
    ("ledger_entry", "alliance_id", "alliance", "id"),
    ("posting", "alliance_id", "alliance", "id"),
    ("posting", "entry_id", "ledger_entry", "id"),
    ("sale_record", "alliance_id", "alliance", "id"),
]


def _name(table: str, column: str, referred: str) -> str:
    return f"fk_{table}_{column}_{referred}"


def upgrade() -> None:
    for table in sorted({t for t, *_ in DROPPED}):
        with op.batch_alter_table(table) as batch:  # SQLite rebuilds the table
            for t, column, referred, _ in DROPPED:
                if t == table:
                    batch.drop_constraint(_name(t, column, referred), type_="foreignkey")


def downgrade() -> None:
    for table in sorted({t for t, *_ in DROPPED}):
        with op.batch_alter_table(table) as batch:
            for t, column, referred, referred_column in DROPPED:
                if t == table:
                    batch.create_foreign_key(
                        _name(t, column, referred), referred, [column], [referred_column]
                    )
