"""genealogy import runs: imports in short committed slices, invisible until committed

Revision ID: 0301
Revises: 0300
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop.storage.types

revision = "0301"
down_revision = "0300"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("started_at", desktop.storage.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        sa.Column("finished_at", desktop.storage.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column("items_after", sa.Integer(), nullable=False),
        sa.Column("links_after", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    # A nullable column without a constraint: SQLite adds it in place (no copy of the tables,
    # which hold millions of links on a plant's database).
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_run", sa.Integer(), nullable=True))
    with op.batch_alter_table("genealogy_link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_run", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("genealogy_link", schema=None) as batch_op:
        batch_op.drop_column("import_run")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_column("import_run")
    op.drop_table("import_run")
