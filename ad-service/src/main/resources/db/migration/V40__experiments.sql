-- Experimentation engine: layers, experiments, variants, decisions, and the per-variant results
-- the signal consumer aggregates from surf.signals.v1.

-- A layer is a traffic partition: a user's hash with the layer salt picks one slice of 10,000
-- buckets, and each running experiment of the layer owns a disjoint slice (mutually exclusive).
-- Different layers hash with different salts, so they are orthogonal.
create table experiment_layer (
    id         bigserial primary key,
    name       text        not null unique check (length(name) between 1 and 100),
    salt       text        not null,
    created_at timestamptz not null default now()
);

create table experiment (
    id                bigserial primary key,
    key               text        not null unique check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name              text        not null check (length(name) between 1 and 200),
    hypothesis        text        not null default '',
    target_kind       text        not null check (target_kind in ('RANKING_MODEL_VERSION', 'RESERVE_PRICE', 'CREATIVE_SET')),
    layer_id          bigint      not null references experiment_layer (id),
    traffic_percent   int         not null check (traffic_percent between 1 and 100),
    salt              text        not null,
    status            text        not null default 'DRAFT' check (status in ('DRAFT', 'RUNNING', 'STOPPED')),
    primary_metric    text        not null,
    guardrail_metrics text[]      not null default '{}',
    -- The layer buckets [slice_start, slice_end) this experiment owns while running (set on start).
    slice_start       int,
    slice_end         int,
    started_at        timestamptz,
    stopped_at        timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 0,
    check ((slice_start is null) = (slice_end is null)),
    check (slice_start is null or (slice_start >= 0 and slice_end <= 10000 and slice_start < slice_end))
);
create index experiment_by_status on experiment (status);
create index experiment_by_layer on experiment (layer_id, status);

create table experiment_variant (
    experiment_id      bigint  not null references experiment (id) on delete cascade,
    position           int     not null,
    key                text    not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name               text    not null default '',
    allocation_percent int     not null check (allocation_percent between 1 and 100),
    is_control         boolean not null default false,
    params             jsonb   not null default '{}',
    primary key (experiment_id, key),
    unique (experiment_id, position)
);

create table experiment_decision (
    id            bigserial primary key,
    experiment_id bigint      not null references experiment (id) on delete cascade,
    decision      text        not null check (decision in ('SHIP', 'STOP', 'EXTEND')),
    variant_key   text,
    reason        text        not null default '',
    decided_by    text        not null,
    decided_at    timestamptz not null default now()
);
create index experiment_decision_by_experiment on experiment_decision (experiment_id, id);

-- One row per (experiment, user): the user is counted once, in the variant of their first
-- signal for the experiment (intent to treat). Per-user totals let the consumer keep the sum of
-- squares of per-user spend exact as events arrive.
create table experiment_user (
    experiment_id     bigint      not null references experiment (id) on delete cascade,
    user_id           text        not null,
    variant_key       text        not null,
    first_seen_at     timestamptz not null,
    impressions       bigint      not null default 0,
    clicks            bigint      not null default 0,
    conversions       bigint      not null default 0,
    spend_micros      bigint      not null default 0,
    primary key (experiment_id, user_id)
);

-- Running totals per variant, updated in the same transaction as experiment_user.
create table experiment_variant_stats (
    experiment_id        bigint           not null references experiment (id) on delete cascade,
    variant_key          text             not null,
    users                bigint           not null default 0,
    exposures            bigint           not null default 0,
    impressions          bigint           not null default 0,
    clicks               bigint           not null default 0,
    conversions          bigint           not null default 0,
    clicked_users        bigint           not null default 0,
    converted_users      bigint           not null default 0,
    spend_micros         bigint           not null default 0,
    -- Sum over users of (user spend in units)^2, for Welch's test on spend per user.
    spend_sq_sum         double precision not null default 0,
    mismatched_events    bigint           not null default 0,
    primary key (experiment_id, variant_key)
);

-- Event ids this consumer has applied; inserted in the same transaction as the effect, so a
-- redelivered event is recognised and changes nothing.
create table experiment_processed_event (
    event_id     text        primary key,
    processed_at timestamptz not null default now()
);
