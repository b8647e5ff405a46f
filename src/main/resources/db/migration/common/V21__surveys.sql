-- Surveys (LimeSurvey imports): only aggregates are kept. A figure's cells hold what may be shown – a cell below the
-- tenant's minimum n (or suppressed so that it cannot be computed from the total) is stored as suppressed, without
-- its number. The raw response file is kept only on an explicit, audited choice with a deletion date. Free-text
-- answers wait for a coordinator's review one by one; rejected ones are deleted.
create table survey_setting (
    tenant_id   varchar(36)  not null primary key references tenant (id),
    min_n       integer      not null,
    version     integer      not null default 0,
    constraint survey_setting_min_ck check (min_n between 2 and 100)
);

create table survey (
    tenant_id       varchar(36)   not null references tenant (id),
    id              varchar(36)   not null primary key,
    title           varchar(300)  not null,
    period          varchar(10)   not null,
    file_name       varchar(300),
    area_question   varchar(60)   not null,
    responses       integer       not null,
    used            integer       not null,
    unmapped        integer       not null,
    min_n           integer       not null,
    raw_file        bytea,
    raw_file_name   varchar(300),
    raw_keep_until  date,
    author_name     varchar(200),
    demo            boolean       not null default false,
    version         integer       not null default 0,
    created_at      timestamp with time zone not null
);
create index survey_tenant_ix on survey (tenant_id, created_at);

create table survey_figure (
    tenant_id      varchar(36)   not null references tenant (id),
    id             varchar(36)   not null primary key,
    survey_id      varchar(36)   not null references survey (id),
    position       integer       not null,
    question_code  varchar(60)   not null,
    question_text  varchar(2000) not null,
    label          varchar(500)  not null,
    measure        varchar(10)   not null,
    indicator_id   varchar(36)   references indicator (id),
    total_n        integer,
    total_value    numeric(20, 6),
    constraint survey_figure_measure_ck check (measure in ('SHARE', 'MEAN', 'RESPONSES'))
);
create index survey_figure_survey_ix on survey_figure (survey_id, position);

create table survey_cell (
    tenant_id   varchar(36)    not null references tenant (id),
    figure_id   varchar(36)    not null references survey_figure (id),
    area_id     varchar(36)    not null references area (id),
    n           integer,
    value       numeric(20, 6),
    suppressed  boolean        not null,
    constraint survey_cell_pk primary key (figure_id, area_id),
    constraint survey_cell_shown_ck check (suppressed or n is not null)
);
create index survey_cell_area_ix on survey_cell (tenant_id, area_id);

create table survey_text (
    tenant_id      varchar(36)    not null references tenant (id),
    id             varchar(36)    not null primary key,
    survey_id      varchar(36)    not null references survey (id),
    position       integer        not null,
    question_code  varchar(60)    not null,
    question_text  varchar(2000)  not null,
    area_id        varchar(36)    references area (id),
    text           varchar(4100)  not null,
    status         varchar(10)    not null,
    reviewed_by    varchar(200),
    reviewed_at    timestamp with time zone,
    constraint survey_text_status_ck check (status in ('PENDING', 'RELEASED'))
);
create index survey_text_survey_ix on survey_text (survey_id, status, position);
