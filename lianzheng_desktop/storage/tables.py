"""How each ledger lies in SQLite: its table, the columns that hold a person's id, the
junction tables that list its people, and the columns that hold a name from outside the
roster. Every part of the store, and the storage modules that write SQL of their own over the
ledgers (search, 回收站, the data checks), read the tables from here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True)
class TableMap:
    table: str
    person_columns: Mapping[str, str]  # field → column holding a person id
    people_tables: Mapping[str, str]  # field → junction table (record_id, person_id, position)
    # field → column holding a name from outside the roster (the id column then NULL)
    free_names: Mapping[str, str] = dataclass_field(default_factory=dict)


TABLES: dict[str, TableMap] = {
    "roster": TableMap("person", {}, {}),
    "warning_education": TableMap("warning_session", {}, {"attendees": "warning_session_attendee"}),
    "talk": TableMap("talk", {"talker": "talker_id"}, {"talkees": "talk_talkee"},
                     {"talker": "talker_name"}),
    "rectification": TableMap("rectification_item", {"owner": "owner_id"}, {}),
    "activity": TableMap("activity", {}, {"attendees": "activity_attendee"}),
}
