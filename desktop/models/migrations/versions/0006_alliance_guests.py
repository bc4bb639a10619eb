"""alliance at the counter: members of other shops, and finding what the feed has not yet got

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-15 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for this shop's own members; the alliance shop id for a member of another shop
    # who was served here (a local row so that sales and the ledger have their member).
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alliance_shop_id", sa.Integer(), nullable=True))
    # The events whose effect the pulled snapshots may not include yet (above the cursor).
    op.create_index("ix_event_server_seq", "event", ["server_seq"])


def downgrade() -> None:
    op.drop_index("ix_event_server_seq", table_name="event")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("alliance_shop_id")
