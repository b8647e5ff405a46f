-- Social atlas: areas with official keys, validity and successors, their geometry, the indicator catalogue and the
-- values per area and period (with the previous values of revised figures).
create table area (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    type          varchar(15)  not null,
    name          varchar(200) not null,
    official_key  varchar(12),
    parent_id     varchar(36)  references area (id),
    valid_from    date,
    valid_to      date,
    note          varchar(300),
    version       integer      not null default 0,
    created_at    timestamp with time zone not null,
    constraint area_type_ck check (type in ('LAND', 'KREIS', 'GEMEINDE', 'GEMEINDETEIL', 'SOZIALRAUM')),
    constraint area_validity_ck check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index area_tenant_ix on area (tenant_id, type);
create index area_key_ix on area (tenant_id, official_key);

create table area_successor (
    tenant_id       varchar(36)  not null references tenant (id),
    predecessor_id  varchar(36)  not null references area (id),
    successor_id    varchar(36)  not null references area (id),
    effective_on    date         not null,
    weight          numeric(9, 6) not null,
    constraint area_successor_pk primary key (predecessor_id, successor_id),
    constraint area_successor_weight_ck check (weight > 0 and weight <= 1)
);

create table area_geometry (
    tenant_id   varchar(36)  not null references tenant (id),
    area_id     varchar(36)  not null primary key references area (id),
    original    text         not null,
    simplified  text         not null,
    source      varchar(300),
    created_at  timestamp with time zone not null
);

create table indicator (
    tenant_id       varchar(36)  not null references tenant (id),
    id              varchar(36)  not null primary key,
    code            varchar(60)  not null,
    name            varchar(300) not null,
    short_name      varchar(80)  not null,
    definition      text,
    unit            varchar(40),
    decimals        integer      not null default 0,
    source          text,
    licence         varchar(200),
    frequency       varchar(40),
    polarity        varchar(14)  not null default 'NEUTRAL',
    life_situation  varchar(30),
    reading_aid     text,
    min_count       integer,
    kind            varchar(8)   not null default 'COUNT',
    numerator_id    varchar(36)  references indicator (id),
    denominator_id  varchar(36)  references indicator (id),
    factor          numeric(12, 4),
    public_visible  boolean      not null default false,
    position        integer      not null default 0,
    version         integer      not null default 0,
    created_at      timestamp with time zone not null,
    constraint indicator_polarity_ck check (polarity in ('HIGHER_BETTER', 'LOWER_BETTER', 'NEUTRAL')),
    constraint indicator_kind_ck check (kind in ('COUNT', 'RATE', 'SHARE', 'OTHER'))
);
create unique index indicator_code_uk on indicator (tenant_id, code);

create table value_batch (
    tenant_id   varchar(36)  not null references tenant (id),
    id          varchar(36)  not null primary key,
    file_name   varchar(300),
    format      varchar(20)  not null,
    rows_read   integer      not null,
    author_name varchar(200),
    created_at  timestamp with time zone not null
);

create table indicator_value (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    indicator_id  varchar(36)  not null references indicator (id),
    area_id       varchar(36)  not null references area (id),
    period        varchar(10)  not null,
    period_end    date         not null,
    value         numeric(20, 6),
    special       varchar(3),
    flags         varchar(6),
    batch_id      varchar(36)  references value_batch (id),
    source        varchar(300),
    version       integer      not null default 0,
    created_at    timestamp with time zone not null,
    constraint indicator_value_special_ck check (special is null or special in ('-', '.', 'x', '...', '/')),
    constraint indicator_value_one_ck check ((value is null) <> (special is null))
);
create unique index indicator_value_uk on indicator_value (indicator_id, area_id, period);
create index indicator_value_area_ix on indicator_value (tenant_id, area_id);

create table indicator_value_history (
    tenant_id    varchar(36)  not null references tenant (id),
    id           varchar(36)  not null primary key,
    value_id     varchar(36)  not null references indicator_value (id),
    value        numeric(20, 6),
    special      varchar(3),
    flags        varchar(6),
    batch_id     varchar(36),
    replaced_at  timestamp with time zone not null
);
