-- A participant's attendance and scores are edited by whoever runs the event (administrators,
-- agency officers, trainers), possibly two at once: the row gets a version like every other edited
-- row, so that the later of two edits made from the same reading is refused, not silently kept.
alter table event_participant add column version bigint not null default 0;
