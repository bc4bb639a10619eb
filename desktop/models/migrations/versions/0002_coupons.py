"""coupons and campaigns

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 06:14:00.288075
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("trigger", sa.String(length=20), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_campaign_created_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
    )
    op.create_table(
        "coupon_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_coupon_batch_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_coupon_batch_created_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon_batch")),
    )
    op.create_table(
        "coupon_holdout",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column(
            "member_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_coupon_holdout_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_coupon_holdout_member_id_member")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "member_id", name=op.f("pk_coupon_holdout")),
    )
    op.create_table(
        "coupon",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("serial", sa.String(length=12), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value_fen", sa.BigInteger(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("cap_fen", sa.BigInteger(), nullable=False),
        sa.Column("min_spend_fen", sa.BigInteger(), nullable=False),
        sa.Column("gift", sa.String(length=100), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("redeemed_at", sa.DateTime(), nullable=True),
        sa.Column("redeemed_sale_id", sa.Integer(), nullable=True),
        sa.Column("redeemed_shop", sa.String(length=100), nullable=True),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["coupon_batch.id"], name=op.f("fk_coupon_batch_id_coupon_batch")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_coupon_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["staff.id"], name=op.f("fk_coupon_issued_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_coupon_member_id_member")
        ),
        sa.ForeignKeyConstraint(
            ["redeemed_sale_id"], ["sale.id"], name=op.f("fk_coupon_redeemed_sale_id_sale")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon")),
        sa.UniqueConstraint("serial", name=op.f("uq_coupon_serial")),
    )
    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.create_index("ix_coupon_batch", ["batch_id"], unique=False)
        batch_op.create_index("ix_coupon_campaign", ["campaign_id", "state"], unique=False)
        batch_op.create_index("ix_coupon_member", ["member_id", "campaign_id"], unique=False)

    op.create_table(
        "rule_firing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column(
            "member_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("period_key", sa.String(length=40), nullable=False),
        sa.Column("coupon_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("fired_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_rule_firing_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["coupon_id"], ["coupon.id"], name=op.f("fk_rule_firing_coupon_id_coupon")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_rule_firing_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_firing")),
        sa.UniqueConstraint("campaign_id", "member_id", "period_key", name="uq_rule_firing_period"),
    )
    # Plain ALTER TABLE ADD COLUMN, not a batch copy: instant on a million members and
    # millions of sales. SQLite allows an inline REFERENCES on an added column that defaults
    # to NULL (Alembic cannot emit that, hence the SQL text).
    op.execute(
        "ALTER TABLE member ADD COLUMN acquired_campaign_id INTEGER"
        " CONSTRAINT fk_member_acquired_campaign_id_campaign REFERENCES campaign (id)"
    )
    op.add_column("sale", sa.Column("coupon_id", sa.BigInteger(), nullable=True))
    op.add_column(
        "sale",
        sa.Column("coupon_discount_fen", sa.BigInteger(), server_default="0", nullable=False),
    )
    op.execute(
        "ALTER TABLE sale ADD COLUMN multiplier_campaign_id INTEGER"
        " CONSTRAINT fk_sale_multiplier_campaign_id_campaign REFERENCES campaign (id)"
    )
    op.add_column("sale", sa.Column("multiplier_tenths", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.drop_column("multiplier_tenths")
        batch_op.drop_column("multiplier_campaign_id")
        batch_op.drop_column("coupon_discount_fen")
        batch_op.drop_column("coupon_id")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("acquired_campaign_id")
    op.drop_table("rule_firing")
    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.drop_index("ix_coupon_member")
        batch_op.drop_index("ix_coupon_campaign")
        batch_op.drop_index("ix_coupon_batch")
    op.drop_table("coupon")
    op.drop_table("coupon_holdout")
    op.drop_table("coupon_batch")
    op.drop_table("campaign")
