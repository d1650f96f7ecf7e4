-- Creative requests already handled, so a redelivered or repeated request id is not generated again.
create table handled_request (
    request_id   text primary key,
    campaign_id  bigint      not null,
    outcome      text        not null check (outcome in ('published', 'dead_lettered')),
    attempts     int         not null,
    variants     int         not null,
    handled_at   timestamptz not null default now()
);
