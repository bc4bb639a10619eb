"""The alliance server: ties the shops of one business district together.

FastAPI over SQLAlchemy 2, PostgreSQL in production and a SQLite file by default. Devices push
their event outbox and pull the alliance's change feed (``docs/sync.md``); the server keeps the
alliance's points ledger in double entry and settles between shops.
"""

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Alliance-Protocol"
