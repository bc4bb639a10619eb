"""alliance coupons at the counter: this shop's copy of a joint campaign

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 01:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alliance_campaign_id", sa.BigInteger(), nullable=True))
    op.create_index(
        "uq_campaign_alliance_campaign_id",
        "campaign",
        ["alliance_campaign_id"],
        unique=True,
        sqlite_where=sa.text("alliance_campaign_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_campaign_alliance_campaign_id", table_name="campaign")
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.drop_column("alliance_campaign_id")
