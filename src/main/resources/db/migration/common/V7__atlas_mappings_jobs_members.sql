-- Saved column mappings of wide statistics sheets, reused for next year's file.
create table column_mapping (
    tenant_id   varchar(36)  not null references tenant (id),
    id          varchar(36)  not null primary key,
    name        varchar(200) not null,
    entries     text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     integer      not null default 0
);
create unique index column_mapping_uk on column_mapping (tenant_id, name);

-- Statistics imports that run in the background.
create table atlas_import_job (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    user_id       varchar(36),
    file_name     varchar(300),
    state         varchar(10)  not null,
    message       text,
    summary       varchar(500),
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    constraint atlas_import_job_state_ck check (state in ('RUNNING', 'DONE', 'FAILED'))
);
create index atlas_import_job_tenant_ix on atlas_import_job (tenant_id, started_at);

-- Planning areas (Sozialräume) built from Gemeinden or other areas: their members.
create table area_member (
    tenant_id   varchar(36)  not null references tenant (id),
    area_id     varchar(36)  not null references area (id),
    member_id   varchar(36)  not null references area (id),
    primary key (area_id, member_id)
);
create index area_member_member_ix on area_member (member_id);

-- A counter per tenant that every atlas write raises in its transaction: caches of every instance compare it.
create table atlas_revision (
    tenant_id   varchar(36)  not null primary key references tenant (id),
    revision    bigint       not null default 0
);
