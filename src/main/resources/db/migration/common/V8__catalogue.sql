-- The offer catalogue (HSDS 3.0: organization, service, location, service_at_location, schedule, contact),
-- its tenant-editable categories, providers' accounts, the review of their changes and access counts.

create table catalogue_category (
    tenant_id   varchar(36)  not null references tenant (id),
    id          varchar(36)  not null primary key,
    parent_id   varchar(36)  references catalogue_category (id),
    name        varchar(200) not null,
    position    integer      not null default 0,
    version     integer      not null default 0
);
create index catalogue_category_tenant_ix on catalogue_category (tenant_id);

create table organization (
    tenant_id   varchar(36)  not null references tenant (id),
    id          varchar(36)  not null primary key,
    name        varchar(300) not null,
    description text,
    email       varchar(300),
    phone       varchar(100),
    website     varchar(500),
    created_at  timestamp with time zone not null,
    version     integer      not null default 0
);
create index organization_tenant_ix on organization (tenant_id);

-- which provider accounts act for which organisation
create table provider_member (
    tenant_id        varchar(36) not null references tenant (id),
    user_id          varchar(36) not null references app_user (id),
    organization_id  varchar(36) not null references organization (id),
    primary key (user_id, organization_id)
);

create table offer_location (
    tenant_id        varchar(36)  not null references tenant (id),
    id               varchar(36)  not null primary key,
    organization_id  varchar(36)  not null references organization (id),
    name             varchar(300) not null,
    street           varchar(300),
    postal_code      varchar(10),
    city             varchar(200),
    latitude         numeric(9, 6),
    longitude        numeric(9, 6),
    accessibility    text,
    area_id          varchar(36),
    version          integer      not null default 0,
    constraint offer_location_lat_ck check (latitude is null or (latitude between -90 and 90)),
    constraint offer_location_lon_ck check (longitude is null or (longitude between -180 and 180))
);
create index offer_location_tenant_ix on offer_location (tenant_id);

create table offer (
    tenant_id            varchar(36)  not null references tenant (id),
    id                   varchar(36)  not null primary key,
    organization_id      varchar(36)  not null references organization (id),
    name                 varchar(300) not null,
    description          text,
    status               varchar(12)  not null,
    cost                 varchar(12)  not null default 'FREE',
    cost_note            varchar(1000),
    age_from             integer,
    age_to               integer,
    languages            varchar(300),
    target_groups        varchar(1000),
    life_situations      varchar(300),
    url                  varchar(500),
    email                varchar(300),
    phone                varchar(100),
    application_process  text,
    last_verified_at     timestamp with time zone,
    last_verified_by     varchar(200),
    demo                 boolean      not null default false,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              integer      not null default 0,
    constraint offer_status_ck check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    constraint offer_cost_ck check (cost in ('FREE', 'FEE', 'ON_REQUEST')),
    constraint offer_age_ck check (age_from is null or age_to is null or age_from <= age_to)
);
create index offer_tenant_ix on offer (tenant_id, status);
create index offer_organization_ix on offer (organization_id);

create table offer_at_location (
    tenant_id    varchar(36) not null references tenant (id),
    offer_id     varchar(36) not null references offer (id),
    location_id  varchar(36) not null references offer_location (id),
    primary key (offer_id, location_id)
);

create table offer_category (
    tenant_id    varchar(36) not null references tenant (id),
    offer_id     varchar(36) not null references offer (id),
    category_id  varchar(36) not null references catalogue_category (id),
    primary key (offer_id, category_id)
);

create table offer_schedule (
    tenant_id  varchar(36)  not null references tenant (id),
    id         varchar(36)  not null primary key,
    offer_id   varchar(36)  not null references offer (id),
    weekday    integer      not null,
    opens      varchar(5)   not null,
    closes     varchar(5)   not null,
    note       varchar(300),
    constraint offer_schedule_day_ck check (weekday between 1 and 7)
);
create index offer_schedule_offer_ix on offer_schedule (offer_id);

create table offer_contact (
    tenant_id  varchar(36)  not null references tenant (id),
    id         varchar(36)  not null primary key,
    offer_id   varchar(36)  not null references offer (id),
    name       varchar(300) not null,
    role       varchar(200),
    email      varchar(300),
    phone      varchar(100)
);
create index offer_contact_offer_ix on offer_contact (offer_id);

-- a provider's proposed change of an offer (the whole proposed content as JSON), until a coordinator decides
create table offer_change (
    tenant_id        varchar(36)  not null references tenant (id),
    id               varchar(36)  not null primary key,
    offer_id         varchar(36)  not null references offer (id),
    proposed         text         not null,
    state            varchar(10)  not null,
    comment          text,
    submitted_by     varchar(200),
    submitted_at     timestamp with time zone not null,
    decided_by       varchar(200),
    decided_at       timestamp with time zone,
    constraint offer_change_state_ck check (state in ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'WITHDRAWN'))
);
create index offer_change_offer_ix on offer_change (offer_id, state);

-- views of an offer's public page per month: a count, nothing about the visitor
create table offer_access (
    tenant_id  varchar(36) not null references tenant (id),
    offer_id   varchar(36) not null references offer (id),
    month      varchar(7)  not null,
    views      integer     not null default 0,
    primary key (offer_id, month)
);

create table offer_reminder (
    tenant_id        varchar(36)  not null references tenant (id),
    id               varchar(36)  not null primary key,
    organization_id  varchar(36)  not null references organization (id),
    sent_to          varchar(300) not null,
    offers           integer      not null,
    sent_at          timestamp with time zone not null,
    sent_by          varchar(200)
);

create table catalogue_revision (
    tenant_id   varchar(36)  not null primary key references tenant (id),
    revision    bigint       not null default 0
);
