-- Strategies, goal trees, measures, milestones, reporting rounds and append-only assessments.

create table strategy (
    tenant_id       varchar(36)  not null references tenant (id),
    id              varchar(36)  not null primary key,
    title           varchar(300) not null,
    kind            varchar(100),
    valid_from      date,
    valid_to        date,
    decision_ref    varchar(300),
    status          varchar(10)  not null default 'DRAFT',
    level_names     varchar(600) not null,
    visibility      varchar(10)  not null default 'INTERNAL',
    description     text,
    version         integer      not null default 0,
    created_at      timestamp with time zone not null,
    constraint strategy_status_ck check (status in ('DRAFT', 'DECIDED', 'ARCHIVED')),
    constraint strategy_visibility_ck check (visibility in ('INTERNAL', 'PUBLIC')),
    constraint strategy_validity_ck check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index strategy_tenant_ix on strategy (tenant_id);

create table goal (
    tenant_id          varchar(36)  not null references tenant (id),
    id                 varchar(36)  not null primary key,
    strategy_id        varchar(36)  not null references strategy (id),
    parent_id          varchar(36)  references goal (id),
    level              integer      not null,
    position           integer      not null,
    code               varchar(30),
    title              text         not null,
    description        text,
    success_criterion  text,
    goal_source        varchar(500),
    life_situations    varchar(300),
    version            integer      not null default 0,
    created_at         timestamp with time zone not null,
    constraint goal_level_ck check (level between 0 and 5)
);
create index goal_strategy_ix on goal (tenant_id, strategy_id);
create unique index goal_code_uk on goal (strategy_id, code) where code is not null;

create table measure (
    tenant_id         varchar(36)  not null references tenant (id),
    id                varchar(36)  not null primary key,
    strategy_id       varchar(36)  not null references strategy (id),
    goal_id           varchar(36)  not null references goal (id),
    position          integer      not null,
    code              varchar(30),
    title             text         not null,
    description       text,
    responsible_text  text,
    partners          text,
    success_criteria  text,
    target_groups     text,
    life_situations   varchar(300),
    prevention_level  varchar(12),
    costs_text        text,
    cost_amount       numeric(14, 2),
    funding_source    varchar(300),
    start_text        varchar(120),
    start_earliest    date,
    start_latest      date,
    start_precision   varchar(12),
    end_text          varchar(120),
    end_earliest      date,
    end_latest        date,
    end_precision     varchar(12),
    communication     text,
    weight            integer      not null default 1,
    version           integer      not null default 0,
    created_at        timestamp with time zone not null,
    constraint measure_prevention_ck check (prevention_level is null or prevention_level in ('PRIMARY', 'SECONDARY', 'TERTIARY')),
    constraint measure_weight_ck check (weight between 0 and 100)
);
create index measure_strategy_ix on measure (tenant_id, strategy_id);
create index measure_goal_ix on measure (goal_id);
create unique index measure_code_uk on measure (strategy_id, code) where code is not null;

create table measure_unit (
    tenant_id   varchar(36) not null references tenant (id),
    measure_id  varchar(36) not null references measure (id),
    unit_id     varchar(36) not null references responsible_unit (id),
    constraint measure_unit_pk primary key (measure_id, unit_id)
);
create index measure_unit_unit_ix on measure_unit (tenant_id, unit_id);

create table milestone (
    tenant_id      varchar(36)  not null references tenant (id),
    id             varchar(36)  not null primary key,
    measure_id     varchar(36)  not null references measure (id),
    position       integer      not null,
    title          varchar(500) not null,
    due_text       varchar(120),
    due_earliest   date,
    due_latest     date,
    due_precision  varchar(12),
    unit_id        varchar(36)  references responsible_unit (id),
    done_on        date,
    version        integer      not null default 0,
    created_at     timestamp with time zone not null
);
create index milestone_measure_ix on milestone (tenant_id, measure_id);

create table status_option (
    tenant_id         varchar(36)  not null references tenant (id),
    id                varchar(36)  not null primary key,
    code              varchar(30)  not null,
    label             varchar(100) not null,
    default_progress  integer      not null,
    colour            varchar(7)   not null,
    symbol            varchar(8)   not null,
    position          integer      not null,
    active            boolean      not null default true,
    version           integer      not null default 0,
    constraint status_option_code_uk unique (tenant_id, code),
    constraint status_option_progress_ck check (default_progress between 0 and 100)
);

create table reporting_round (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    strategy_id   varchar(36)  not null references strategy (id),
    name          varchar(100) not null,
    period_start  date,
    period_end    date,
    deadline      date,
    state         varchar(12)  not null default 'PREPARED',
    version       integer      not null default 0,
    created_at    timestamp with time zone not null,
    constraint reporting_round_name_uk unique (strategy_id, name),
    constraint reporting_round_state_ck check (state in ('PREPARED', 'OPEN', 'IN_REVIEW', 'CLOSED'))
);

-- append-only: a correction is a new row with the next version_no; rows are never updated
create table assessment (
    tenant_id    varchar(36)  not null references tenant (id),
    id           varchar(36)  not null primary key,
    round_id     varchar(36)  not null references reporting_round (id),
    measure_id   varchar(36)  not null references measure (id),
    version_no   integer      not null,
    status_code  varchar(30),
    progress     integer,
    narrative    text,
    evidence     text,
    author_id    varchar(36),
    author_name  varchar(200) not null,
    created_at   timestamp with time zone not null,
    constraint assessment_version_uk unique (round_id, measure_id, version_no),
    constraint assessment_progress_ck check (progress is null or progress between 0 and 100)
);
create index assessment_measure_ix on assessment (tenant_id, measure_id);
create index assessment_round_ix on assessment (tenant_id, round_id);

-- the coordinator's decisions on an assessment version, also append-only
create table assessment_review (
    tenant_id      varchar(36)  not null references tenant (id),
    id             varchar(36)  not null primary key,
    assessment_id  varchar(36)  not null references assessment (id),
    decision       varchar(10)  not null,
    comment        text,
    reviewer_id    varchar(36),
    reviewer_name  varchar(200) not null,
    created_at     timestamp with time zone not null,
    constraint assessment_review_decision_ck check (decision in ('ACCEPTED', 'RETURNED'))
);
create index assessment_review_ix on assessment_review (tenant_id, assessment_id);
