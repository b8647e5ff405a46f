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
    constraint sharing_setting_item_ck check (item in ('STRATEGY_ROLLUP', 'ROUND_PROGRESS', 'ASSESSMENT_TEXTS', 'INDICATORS', 'OFFERS'))
);
