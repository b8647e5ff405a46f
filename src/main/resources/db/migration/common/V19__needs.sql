-- Needs (Bedarfe): what the data, a survey, a conference or the experts show is missing, with the
-- evidence for it, the areas it concerns, its status history and the goals that answer it.
create table need (
    tenant_id           varchar(36)   not null references tenant (id),
    id                  varchar(36)   not null primary key,
    title               varchar(300)  not null,
    description         varchar(8000),
    source_kind         varchar(20)   not null,
    source_note         varchar(1000),
    target_groups       varchar(1000),
    life_situations     varchar(500),
    priority            varchar(10)   not null,
    status              varchar(20)   not null,
    status_since        date          not null,
    responsible_unit_id varchar(36)   references responsible_unit (id),
    demo                boolean       not null default false,
    version             integer       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint need_source_kind_ck check (source_kind in ('STATISTICS', 'SURVEY', 'CONFERENCE', 'EXPERT', 'CITIZEN')),
    constraint need_priority_ck check (priority in ('HIGH', 'MEDIUM', 'LOW')),
    constraint need_status_ck check (status in ('IDENTIFIED', 'ASSESSED', 'TAKEN_UP', 'COVERED', 'DEFERRED'))
);
create index need_tenant_ix on need (tenant_id, status);

create table need_area (
    tenant_id  varchar(36) not null references tenant (id),
    need_id    varchar(36) not null references need (id),
    area_id    varchar(36) not null references area (id),
    primary key (need_id, area_id)
);
create index need_area_area_ix on need_area (area_id);

-- what shows the need: an indicator's value in an area at a period against a reference, a survey
-- result, minutes; kept as written when the need was recorded (the atlas may change later)
create table need_evidence (
    tenant_id      varchar(36)   not null references tenant (id),
    id             varchar(36)   not null primary key,
    need_id        varchar(36)   not null references need (id),
    position       integer       not null,
    kind           varchar(20)   not null,
    indicator_id   varchar(36)   references indicator (id),
    area_id        varchar(36)   references area (id),
    period         varchar(40),
    value_text     varchar(100),
    reference_text varchar(300),
    source         varchar(500),
    note           varchar(2000),
    constraint need_evidence_kind_ck check (kind in ('INDICATOR', 'SURVEY', 'MINUTES', 'OTHER'))
);
create index need_evidence_need_ix on need_evidence (need_id);

create table need_status_change (
    tenant_id   varchar(36)   not null references tenant (id),
    id          varchar(36)   not null primary key,
    need_id     varchar(36)   not null references need (id),
    status      varchar(20)   not null,
    changed_on  date          not null,
    reason      varchar(1000),
    actor_name  varchar(200)  not null,
    created_at  timestamp with time zone not null
);
create index need_status_change_need_ix on need_status_change (need_id);

create table need_goal (
    tenant_id  varchar(36) not null references tenant (id),
    need_id    varchar(36) not null references need (id),
    goal_id    varchar(36) not null references goal (id),
    primary key (need_id, goal_id)
);
create index need_goal_goal_ix on need_goal (goal_id);
