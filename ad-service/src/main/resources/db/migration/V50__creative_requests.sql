-- Background generation requests (POST /api/v1/campaigns/{id}/creative-requests): one row per request
-- published on surf.creative.requests.v1; its id is the request id creative-gen echoes back.
create table creative_request (
    id             uuid        primary key,
    advertiser_id  bigint      not null references advertiser (id),
    campaign_id    bigint      not null references campaign (id),
    brief          jsonb       not null,
    variant_count  int         not null check (variant_count between 1 and 10),
    landing_url    text        not null,
    created_at     timestamptz not null default now()
);
create index creative_request_by_campaign on creative_request (campaign_id, created_at desc);

-- What came back, written by the results and dead-letter consumers in their own transactions.
-- Separate from the request row so the consumers only insert (idempotent, and never racing the
-- request's own transaction); no row = still QUEUED.
create table creative_request_outcome (
    request_id     text        primary key,
    status         text        not null check (status in ('COMPLETED', 'FAILED')),
    model          text,
    rejected       int         not null default 0,
    reason         text,
    attempts       int,
    finished_at    timestamptz not null default now()
);
