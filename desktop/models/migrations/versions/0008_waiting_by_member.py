"""the counter finds one member's unsent point events without reading the whole backlog

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 02:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_event_waiting_member",
        "event",
        [sa.text("json_extract(payload, '$.member_id')")],
        sqlite_where=sa.text("acked_at IS NULL"),
    )
    op.create_index(
        "ix_event_waiting_kind", "event", ["kind"], sqlite_where=sa.text("acked_at IS NULL")
    )


def downgrade() -> None:
    op.drop_index("ix_event_waiting_kind", table_name="event")
    op.drop_index("ix_event_waiting_member", table_name="event")
