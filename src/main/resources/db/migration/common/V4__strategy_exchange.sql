-- Fields an import found that have no column of their own (kept, shown, exported), import jobs that run in the
-- background, and the imprint of reports (per tenant, optionally per strategy).
create table node_extra_field (
    tenant_id    varchar(36)  not null references tenant (id),
    id           varchar(36)  not null primary key,
    strategy_id  varchar(36)  not null references strategy (id),
    node_id      varchar(36)  not null,
    position     integer      not null,
    label        varchar(200) not null,
    value        text         not null
);
create index node_extra_field_node_ix on node_extra_field (node_id);
create index node_extra_field_strategy_ix on node_extra_field (tenant_id, strategy_id);

create table import_job (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    user_id       varchar(36),
    file_name     varchar(300),
    format        varchar(10)  not null,
    state         varchar(10)  not null,
    message       text,
    strategy_id   varchar(36),
    summary       varchar(500),
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    constraint import_job_state_ck check (state in ('RUNNING', 'DONE', 'FAILED'))
);
create index import_job_tenant_ix on import_job (tenant_id, started_at);

create table report_imprint (
    tenant_id           varchar(36)  not null references tenant (id),
    id                  varchar(36)  not null primary key,
    strategy_id         varchar(36)  references strategy (id),
    publisher           text,
    editors             text,
    contact             text,
    editorial_deadline  varchar(100),
    funding_note        text,
    introduction        text,
    version             integer      not null default 0
);
create unique index report_imprint_uk on report_imprint (tenant_id, strategy_id);
