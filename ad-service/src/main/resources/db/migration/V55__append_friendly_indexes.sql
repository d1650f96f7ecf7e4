-- The consumers insert a row per event into these tables. Event ids are now time-ordered (see
-- dev.surf.events.EventIds), so the processed-id primary keys grow at their right edge; the indexes
-- below only serve the hourly retention deletes, which a BRIN index (a few pages, nearly free to
-- keep up to date on append-ordered rows) serves as well as a B-tree did.
drop index processed_event_by_time;
create index processed_event_by_time on processed_event using brin (processed_at);
drop index experiment_processed_event_by_time;
create index experiment_processed_event_by_time on experiment_processed_event using brin (processed_at);
drop index user_activity_daily_by_day;
create index user_activity_daily_by_day on user_activity_daily using brin (day);

-- Frequency counts are read by hour (the last 7 days, at start) and upserted by (user, ad set, hour):
-- leading the key with the hour keeps each hour's inserts together and makes the separate hour index redundant.
alter table frequency_hourly drop constraint frequency_hourly_pkey;
alter table frequency_hourly add primary key (hour, user_id, ad_set_id);
drop index frequency_by_hour;
