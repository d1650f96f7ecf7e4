-- Campaign API support: idempotency keys, the audit trail, and an ARCHIVED state for creatives
-- (DELETE on a creative archives it so stats and audit rows keep their reference).

create table idempotency_key (
    scope          text        not null,
    idem_key       text        not null,
    request_sha256 text        not null,
    status         int,
    body           text,
    location       text,
    etag           text,
    created_at     timestamptz not null default now(),
    primary key (scope, idem_key)
);

create table audit_log (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    actor         text        not null,
    actor_role    text        not null,
    advertiser_id bigint references advertiser (id),
    entity        text        not null,
    entity_id     bigint      not null,
    action        text        not null,
    before        jsonb,
    after         jsonb
);
create index audit_by_advertiser on audit_log (advertiser_id, id);
create index audit_by_entity on audit_log (entity, entity_id);

alter table creative drop constraint creative_status_check;
alter table creative add constraint creative_status_check
    check (status in ('DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'PAUSED', 'ARCHIVED'));

create index ad_set_by_advertiser on ad_set (advertiser_id, id);
create index creative_by_advertiser on creative (advertiser_id, id);
create index api_key_by_advertiser on api_key (advertiser_id);
