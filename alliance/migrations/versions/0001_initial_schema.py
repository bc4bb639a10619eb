"""Initial schema of the alliance server.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alliance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("phone_hash_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance")),
    )
    op.create_table(
        "rate_limit",
        sa.Column("bucket", sa.String(length=120), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_rate_limit")),
    )
    op.create_table(
        "server_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("renewed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_state")),
    )
    op.create_table(
        "alliance_campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_alliance_campaign_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_campaign")),
    )
    with op.batch_alter_table("alliance_campaign", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alliance_campaign_alliance_id"), ["alliance_id"], unique=False
        )

    op.create_table(
        "alliance_key",
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("private_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_alliance_key_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("alliance_id", "key_id", name=op.f("pk_alliance_key")),
    )
    op.create_table(
        "conflict",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("settlement", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_conflict_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_alliance_id"), ["alliance_id"], unique=False)

    op.create_table(
        "feed",
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity_key", sa.String(length=80), nullable=False),
        sa.Column("audience", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_feed_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("alliance_id", "seq", name=op.f("pk_feed")),
        sa.UniqueConstraint("alliance_id", "entity_key", "audience", name="uq_feed_entity"),
    )
    op.create_table(
        "feed_counter",
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_feed_counter_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("alliance_id", name=op.f("pk_feed_counter")),
    )
    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("entry_key", sa.String(length=120), nullable=False),
        sa.Column("reverses_key", sa.String(length=120), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("shop_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.BigInteger(), nullable=True),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_ledger_entry_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
        sa.UniqueConstraint("alliance_id", "entry_key", name="uq_ledger_entry_key"),
        sa.UniqueConstraint("alliance_id", "reverses_key", name="uq_ledger_entry_reverses"),
    )
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entry_day", ["alliance_id", "day"], unique=False)

    op.create_table(
        "sale_record",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.BigInteger(), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("coupon_id", sa.BigInteger(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("recorded", sa.Boolean(), nullable=False),
        sa.Column("refunded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_sale_record_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_record")),
        sa.UniqueConstraint("alliance_id", "uid", name="uq_sale_record_uid"),
    )
    op.create_table(
        "shop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_shop_alliance_id_alliance")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop")),
    )
    with op.batch_alter_table("shop", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shop_alliance_id"), ["alliance_id"], unique=False)

    op.create_table(
        "alliance_coupon",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("redeemed_shop_id", sa.Integer(), nullable=True),
        sa.Column("redeemed_sale", sa.String(length=64), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_alliance_coupon_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["alliance_campaign.id"],
            name=op.f("fk_alliance_coupon_campaign_id_alliance_campaign"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alliance_coupon")),
    )
    with op.batch_alter_table("alliance_coupon", schema=None) as batch_op:
        batch_op.create_index("ix_alliance_coupon_campaign", ["campaign_id", "state"], unique=False)

    op.create_table(
        "campaign_shop",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("opted_in", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["alliance_campaign.id"],
            name=op.f("fk_campaign_shop_campaign_id_alliance_campaign"),
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shop.id"], name=op.f("fk_campaign_shop_shop_id_shop")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "shop_id", name=op.f("pk_campaign_shop")),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("credential_hash", sa.String(length=64), nullable=False),
        sa.Column("acked_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_device_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], name=op.f("fk_device_shop_id_shop")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_shop_id"), ["shop_id"], unique=False)

    op.create_table(
        "enrolment_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lookup", sa.String(length=8), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shop.id"], name=op.f("fk_enrolment_code_shop_id_shop")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment_code")),
        sa.UniqueConstraint("lookup", name=op.f("uq_enrolment_code_lookup")),
    )
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_code_shop_id"), ["shop_id"], unique=False)

    op.create_table(
        "member",
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("home_shop_id", sa.Integer(), nullable=True),
        sa.Column("first_shop_id", sa.Integer(), nullable=False),
        sa.Column("phone_hash", sa.String(length=64), nullable=True),
        sa.Column("sharing", sa.Boolean(), nullable=False),
        sa.Column("marketing", sa.Boolean(), nullable=False),
        sa.Column("enrolled_day", sa.Date(), nullable=True),
        sa.Column("card_serial", sa.Integer(), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.Column("merged_into", sa.BigInteger(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.Column("audiences", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_member_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(
            ["first_shop_id"], ["shop.id"], name=op.f("fk_member_first_shop_id_shop")
        ),
        sa.ForeignKeyConstraint(
            ["home_shop_id"], ["shop.id"], name=op.f("fk_member_home_shop_id_shop")
        ),
        sa.PrimaryKeyConstraint("alliance_id", "id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_phone_hash", ["alliance_id", "phone_hash"], unique=False)

    op.create_table(
        "posting",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("account", sa.String(length=60), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_posting_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["ledger_entry.id"], name=op.f("fk_posting_entry_id_ledger_entry")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting")),
    )
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.create_index("ix_posting_account", ["alliance_id", "account"], unique=False)
        batch_op.create_index(batch_op.f("ix_posting_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "shop_key",
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("certificate", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_shop_key_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], name=op.f("fk_shop_key_shop_id_shop")),
        sa.PrimaryKeyConstraint("alliance_id", "key_id", name=op.f("pk_shop_key")),
    )
    with op.batch_alter_table("shop_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shop_key_shop_id"), ["shop_id"], unique=False)

    op.create_table(
        "coupon_redemption",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("coupon_id", sa.BigInteger(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("sale", sa.String(length=64), nullable=False),
        sa.Column("discount_fen", sa.BigInteger(), nullable=False),
        sa.Column("honoured", sa.Boolean(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("restored", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_coupon_redemption_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(
            ["coupon_id"],
            ["alliance_coupon.id"],
            name=op.f("fk_coupon_redemption_coupon_id_alliance_coupon"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon_redemption")),
        sa.UniqueConstraint("event_id", name=op.f("uq_coupon_redemption_event_id")),
    )
    with op.batch_alter_table("coupon_redemption", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coupon_redemption_coupon_id"), ["coupon_id"], unique=False
        )

    op.create_table(
        "event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("alliance_id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.String(length=60), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alliance_id"], ["alliance.id"], name=op.f("fk_event_alliance_id_alliance")
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_event_device_id_device")
        ),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], name=op.f("fk_event_shop_id_shop")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("device_id", "device_seq", name="uq_event_device_seq"),
    )


def downgrade() -> None:
    op.drop_table("event")
    with op.batch_alter_table("coupon_redemption", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coupon_redemption_coupon_id"))

    op.drop_table("coupon_redemption")
    with op.batch_alter_table("shop_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shop_key_shop_id"))

    op.drop_table("shop_key")
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_entry_id"))
        batch_op.drop_index("ix_posting_account")

    op.drop_table("posting")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_phone_hash")

    op.drop_table("member")
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_code_shop_id"))

    op.drop_table("enrolment_code")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_shop_id"))

    op.drop_table("device")
    op.drop_table("campaign_shop")
    with op.batch_alter_table("alliance_coupon", schema=None) as batch_op:
        batch_op.drop_index("ix_alliance_coupon_campaign")

    op.drop_table("alliance_coupon")
    with op.batch_alter_table("shop", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shop_alliance_id"))

    op.drop_table("shop")
    op.drop_table("sale_record")
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_entry_day")

    op.drop_table("ledger_entry")
    op.drop_table("feed_counter")
    op.drop_table("feed")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_alliance_id"))

    op.drop_table("conflict")
    op.drop_table("alliance_key")
    with op.batch_alter_table("alliance_campaign", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alliance_campaign_alliance_id"))

    op.drop_table("alliance_campaign")
    op.drop_table("server_state")
    op.drop_table("rate_limit")
    op.drop_table("alliance")
