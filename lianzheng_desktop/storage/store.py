"""The ledgers in SQLite: one repository for every ledger, driven by its ``LedgerSpec``.

``Store`` is what the rest of the app holds. It is assembled from parts, each in a module of
its own: the file, clock and transactions (``store_base``), reading records (``record_reads``),
the roster (``roster_access``), the plan's links and types (``plan_access``) and writing records
(``record_writes``); the unit's profile is here. The tables are in ``tables``."""

from __future__ import annotations

from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.storage.record_reads import Query
from lianzheng_desktop.storage.record_writes import RecordWrites
from lianzheng_desktop.storage.store_base import now_text

__all__ = ["Query", "Store"]  # Query: imported from here by many callers


class Store(RecordWrites):
    """Every read and write of the unit's records. Validation happens in core first."""

    # -- unit profile -----------------------------------------------------------------
    def profile(self) -> UnitProfile:
        rows = list(self.db.query("SELECT * FROM unit_profile WHERE id = 1"))
        if not rows:
            return UnitProfile()
        row = rows[0]
        return UnitProfile(row["unit_name"], row["org_name"], row["secretary_name"])

    def save_profile(self, profile: UnitProfile) -> None:
        from lianzheng_desktop.storage import trail

        with self.atomic():
            self._save_profile(profile)
            trail.log(self.db, self.clock(), "unit_profile", 1)

    def _save_profile(self, profile: UnitProfile) -> None:
        self.db.execute(
            "INSERT INTO unit_profile (id, unit_name, org_name, secretary_name, updated_at)"
            " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET unit_name = excluded.unit_name,"
            " org_name = excluded.org_name, secretary_name = excluded.secretary_name,"
            " updated_at = excluded.updated_at",
            [profile.unit_name.strip(), profile.org_name.strip(),
             profile.secretary_name.strip(), now_text(self.clock())],
        )
