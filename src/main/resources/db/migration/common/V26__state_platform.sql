-- The state platform: a district (Landkreis, kreisfreie Stadt) may belong to a Land tenant, and it
-- decides item by item what that Land may read (by default nothing). The membership is kept by the
-- platform administration and refers to two tenants, so it has no tenant_id and does not move with
-- a tenant; the sharing settings belong to the district and move with it.
create table state_member (
    district_id  varchar(36) not null primary key references tenant (id),
    state_id     varchar(36) not null references tenant (id),
    joined_at    timestamp with time zone not null
);
create index state_member_state_ix on state_member (state_id);

create table sharing_setting (
    tenant_id   varchar(36) not null references tenant (id),
    item        varchar(30) not null,
    shared      boolean     not null,
    version     integer     not null,
    changed_at  timestamp with time zone not null,
    primary key (tenant_id, item),
    constraint sharing_setting_item_ck check (item in ('STRATEGY_ROLLUP', 'ROUND_PROGRESS', 'ASSESSMENT_TEXTS', 'INDICATORS', 'OFFERS', 'FUNDING'))
);

-- How the district's planning is funded: amount, source (ESF Plus, Land, own funds), period.
create table planning_funding (
    tenant_id     varchar(36)   not null references tenant (id),
    id            varchar(36)   not null primary key,
    source        varchar(200)  not null,
    amount        numeric(14, 2) not null,
    period_start  date          not null,
    period_end    date          not null,
    note          varchar(1000),
    version       integer       not null,
    created_at    timestamp with time zone not null,
    constraint planning_funding_amount_ck check (amount >= 0),
    constraint planning_funding_period_ck check (period_end >= period_start)
);
create index planning_funding_tenant_ix on planning_funding (tenant_id, period_start);

-- A district that subscribes to its Land's indicator set sees the Land's atlas read-only beside its own.
create table state_subscription (
    tenant_id   varchar(36) not null primary key references tenant (id),
    subscribed  boolean     not null,
    version     integer     not null,
    changed_at  timestamp with time zone not null
);
