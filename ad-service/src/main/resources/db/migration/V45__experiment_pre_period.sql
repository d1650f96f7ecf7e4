-- CUPED pre-period: a bounded daily history of every user's activity on surf.signals.v1 (tagged
-- or not), and each experiment user's covariates taken from it when they first enter.

-- One row per (user, UTC day). Written by the experiment signal consumer in the same transaction
-- as the event ids it applies (ad.experiment_processed_event), so redelivery changes nothing.
-- Rows older than surf.experiment.activity.retention-days are purged.
create table user_activity_daily (
    user_id      text   not null,
    day          date   not null,
    impressions  bigint not null default 0,
    clicks       bigint not null default 0,
    conversions  bigint not null default 0,
    spend_micros bigint not null default 0,
    primary key (user_id, day)
);
create index user_activity_daily_by_day on user_activity_daily (day);

-- The user's totals over the N full UTC days before the experiment's start day, frozen when the
-- user first enters the experiment (N = surf.experiment.cuped.pre-period-days). Null for users
-- recorded before this migration (no covariate known).
alter table experiment_user
    add column pre_clicks       bigint,
    add column pre_spend_micros bigint;

create index experiment_processed_event_by_time on experiment_processed_event (processed_at);
