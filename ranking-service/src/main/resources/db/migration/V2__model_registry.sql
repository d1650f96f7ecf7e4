-- Model registry: every version of every ranking model, its ONNX bytes and holdout metrics.
create table model_version (
    name           text        not null,
    version        bigint      not null,
    status         text        not null check (status in ('candidate', 'live', 'retired')),
    source         text        not null,
    onnx           bytea       not null,
    sha256         text        not null,
    size_bytes     integer     not null,
    metrics        jsonb       not null default '{}'::jsonb,
    created_at     timestamptz not null default now(),
    promoted_at    timestamptz,
    rolled_back_at timestamptz,
    primary key (name, version)
);
-- At most one live version per model name.
create unique index model_version_one_live on model_version (name) where status = 'live';
