-- The relay deletes an event once the broker acknowledged it (OutboxRelay), so every row left is unsent:
-- the table stays small and a row costs one index, on its write order, appended at the end (the random
-- UUID key cost an insert in the middle of a growing index per event; nothing looks events up by id).
DELETE FROM outbox WHERE sent_at IS NOT NULL;
ALTER TABLE outbox DROP CONSTRAINT outbox_pkey;
DROP INDEX outbox_unsent;
ALTER TABLE outbox ADD PRIMARY KEY (seq);
