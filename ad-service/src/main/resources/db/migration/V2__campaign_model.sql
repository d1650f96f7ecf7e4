-- The campaign data model shared by the campaign API, the decision path and the stats consumer.
-- Money is in micros of the advertiser's currency. Enumerations are upper-case text with checks.

create table advertiser (
    id          bigserial primary key,
    name        text        not null check (length(name) between 1 and 200),
    currency    char(3)     not null default 'USD',
    time_zone   text        not null default 'UTC',
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

-- API keys: only a SHA-256 of the secret is stored; the prefix is shown in lists to tell keys apart.
create table api_key (
    id            bigserial primary key,
    advertiser_id bigint references advertiser (id),
    role          text        not null check (role in ('ADVERTISER', 'INTERNAL')),
    prefix        text        not null unique,
    secret_sha256 text        not null,
    name          text        not null default '',
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    check ((role = 'ADVERTISER') = (advertiser_id is not null))
);

create table campaign (
    id                     bigserial primary key,
    advertiser_id          bigint      not null references advertiser (id),
    name                   text        not null check (length(name) between 1 and 200),
    objective              text        not null check (objective in ('CLICKS', 'CONVERSIONS', 'AWARENESS')),
    status                 text        not null default 'DRAFT' check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
    daily_budget_micros    bigint      not null check (daily_budget_micros > 0),
    lifetime_budget_micros bigint check (lifetime_budget_micros is null or lifetime_budget_micros >= daily_budget_micros),
    bid_strategy           text        not null check (bid_strategy in ('CPC', 'CPM', 'TARGET_CPA')),
    bid_amount_micros      bigint      not null check (bid_amount_micros > 0),
    start_at               timestamptz,
    end_at                 timestamptz,
    time_zone              text        not null default 'UTC',
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                bigint      not null default 0,
    check (end_at is null or start_at is null or end_at > start_at)
);
create index campaign_by_advertiser on campaign (advertiser_id, id);
create index campaign_by_status on campaign (status);

-- Targeting: an empty array means "no restriction". dayparting holds hour-of-week slots
-- (0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00) in the campaign's time zone; empty = always.
create table ad_set (
    id                    bigserial primary key,
    advertiser_id         bigint      not null references advertiser (id),
    campaign_id           bigint      not null references campaign (id),
    name                  text        not null check (length(name) between 1 and 200),
    status                text        not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'ARCHIVED')),
    countries             text[]      not null default '{}',
    regions               text[]      not null default '{}',
    age_min               int check (age_min is null or age_min between 13 and 100),
    age_max               int check (age_max is null or age_max between 13 and 100),
    genders               text[]      not null default '{}',
    interests             text[]      not null default '{}',
    keywords              text[]      not null default '{}',
    placements            text[]      not null default '{}',
    devices               text[]      not null default '{}',
    frequency_cap         int check (frequency_cap is null or frequency_cap > 0),
    frequency_period      text check (frequency_period is null or frequency_period in ('HOUR', 'DAY', 'WEEK')),
    dayparting            int[]       not null default '{}',
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               bigint      not null default 0,
    check (age_min is null or age_max is null or age_min <= age_max)
);
create index ad_set_by_campaign on ad_set (campaign_id);

create table creative (
    id                  bigserial primary key,
    advertiser_id       bigint      not null references advertiser (id),
    campaign_id         bigint      not null references campaign (id),
    ad_set_id           bigint references ad_set (id),
    headline            varchar(40) not null,
    primary_text        varchar(125) not null,
    description         varchar(30) not null default '',
    call_to_action      text        not null,
    landing_url         text        not null check (landing_url like 'https://%'),
    image_url           text check (image_url is null or image_url like 'https://%'),
    status              text        not null default 'DRAFT'
        check (status in ('DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'PAUSED')),
    source              text        not null default 'HUMAN' check (source in ('HUMAN', 'GENERATED')),
    -- For generated creatives: request id, model, prompt, sampling settings, seed.
    generator           jsonb,
    generation_request  text,
    variant_index       int,
    policy_reasons      text[]      not null default '{}',
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             bigint      not null default 0,
    unique (generation_request, variant_index)
);
create index creative_by_campaign on creative (campaign_id);

-- Filled by the spend and stats consumer from surf.signals.v1 (hour in UTC).
create table stats_hourly (
    campaign_id             bigint  not null references campaign (id),
    ad_set_id               bigint  not null default 0,
    creative_id             bigint  not null default 0,
    advertiser_id           bigint  not null references advertiser (id),
    hour                    timestamptz not null,
    impressions             bigint  not null default 0,
    clicks                  bigint  not null default 0,
    conversions             bigint  not null default 0,
    spend_micros            bigint  not null default 0,
    conversion_value_micros bigint  not null default 0,
    primary key (campaign_id, ad_set_id, creative_id, hour)
);
create index stats_by_advertiser_hour on stats_hourly (advertiser_id, hour);
