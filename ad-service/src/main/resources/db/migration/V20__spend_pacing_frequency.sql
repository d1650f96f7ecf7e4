-- Decision path accounting, written by the spend and stats consumer (dev.surf.ad.stats).

-- Every signal whose effects are stored, in the same transaction as those effects:
-- a redelivered or replayed event finds its id here and changes nothing.
create table processed_event (
    event_id     text primary key,
    kind         text        not null,
    processed_at timestamptz not null default now()
);
create index processed_event_by_time on processed_event (processed_at);

-- Charged spend per campaign and day in the campaign's time zone. Billing stops at
-- daily budget x 1.01: what would charge beyond it is kept in uncharged_micros.
create table campaign_spend_daily (
    campaign_id      bigint not null references campaign (id),
    day              date   not null,
    spend_micros     bigint not null default 0,
    uncharged_micros bigint not null default 0,
    primary key (campaign_id, day)
);

-- Impressions per user and ad set per UTC hour, for frequency caps that survive restarts.
create table frequency_hourly (
    user_id     text        not null,
    ad_set_id   bigint      not null,
    hour        timestamptz not null,
    impressions int         not null default 0,
    primary key (user_id, ad_set_id, hour)
);
create index frequency_by_hour on frequency_hourly (hour);
