-- Tenants, users, memberships, responsible units, audit log.
-- Identifiers are UUIDs stored as text so that the same SQL runs on SQLite and PostgreSQL (ADR 0002).

create table tenant (
    id              varchar(36)  not null primary key,
    slug            varchar(60)  not null,
    name            varchar(200) not null,
    kind            varchar(20)  not null,
    official_key    varchar(12),
    public_visible  boolean      not null default false,
    logo            bytea,
    logo_type       varchar(40),
    version         integer      not null default 0,
    created_at      timestamp with time zone not null,
    constraint tenant_slug_uk unique (slug),
    constraint tenant_kind_ck check (kind in ('LANDKREIS', 'KREISFREIE_STADT', 'LAND', 'SONSTIGE')),
    constraint tenant_key_ck check (official_key is null or length(official_key) between 2 and 12)
);

create table app_user (
    id              varchar(36)  not null primary key,
    username        varchar(60)  not null,
    email           varchar(200) not null,
    display_name    varchar(200) not null,
    password_hash   varchar(200),
    platform_admin  boolean      not null default false,
    enabled         boolean      not null default true,
    version         integer      not null default 0,
    created_at      timestamp with time zone not null,
    constraint app_user_username_uk unique (username),
    constraint app_user_email_uk unique (email)
);

create table membership (
    tenant_id   varchar(36) not null references tenant (id),
    id          varchar(36) not null primary key,
    user_id     varchar(36) not null references app_user (id),
    role        varchar(20) not null,
    version     integer     not null default 0,
    created_at  timestamp with time zone not null,
    constraint membership_user_uk unique (tenant_id, user_id),
    constraint membership_role_ck check (role in ('ADMIN', 'COORDINATOR', 'CONTRIBUTOR', 'READER', 'PROVIDER'))
);
create index membership_user_ix on membership (user_id);

create table responsible_unit (
    tenant_id   varchar(36)  not null references tenant (id),
    id          varchar(36)  not null primary key,
    name        varchar(200) not null,
    short_name  varchar(60),
    description varchar(2000),
    active      boolean      not null default true,
    version     integer      not null default 0,
    created_at  timestamp with time zone not null,
    constraint responsible_unit_name_uk unique (tenant_id, name)
);

create table membership_unit (
    tenant_id      varchar(36) not null references tenant (id),
    membership_id  varchar(36) not null references membership (id) on delete cascade,
    unit_id        varchar(36) not null references responsible_unit (id),
    constraint membership_unit_pk primary key (membership_id, unit_id)
);

create table audit_event (
    tenant_id    varchar(36)  not null references tenant (id),
    id           varchar(36)  not null primary key,
    occurred_at  timestamp with time zone not null,
    actor_id     varchar(36),
    actor_name   varchar(200) not null,
    action       varchar(60)  not null,
    entity_type  varchar(60)  not null,
    entity_id    varchar(36),
    summary      varchar(500) not null,
    before_json  text,
    after_json   text
);
create index audit_event_tenant_ix on audit_event (tenant_id, occurred_at);
create index audit_event_entity_ix on audit_event (tenant_id, entity_id);

-- one-time links for the first administrator of an installation without demo data
create table setup_token (
    id          varchar(36) not null primary key,
    token_hash  varchar(128) not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
