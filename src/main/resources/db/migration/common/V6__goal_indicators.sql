-- Goals of a strategy that an atlas indicator measures: in which area, from which baseline to which target.
create table goal_indicator (
    tenant_id         varchar(36)  not null references tenant (id),
    id                varchar(36)  not null primary key,
    goal_id           varchar(36)  not null references goal (id),
    indicator_id      varchar(36)  not null references indicator (id),
    area_id           varchar(36)  not null references area (id),
    baseline_value    numeric(20, 6),
    baseline_period   varchar(10),
    target_value      numeric(20, 6),
    target_period     varchar(10),
    created_at        timestamp with time zone not null
);
create index goal_indicator_goal_ix on goal_indicator (goal_id);
