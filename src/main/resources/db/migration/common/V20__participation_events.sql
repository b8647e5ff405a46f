-- Conferences and workshops (Sozialraumkonferenz, Planungswerkstatt, Fachforum): when, where, who took part (counts
-- per group, never names), what came out; needs recorded from them point back to them.
create table participation_event (
    tenant_id   varchar(36)   not null references tenant (id),
    id          varchar(36)   not null primary key,
    title       varchar(300)  not null,
    format      varchar(20)   not null,
    held_on     date          not null,
    area_id     varchar(36)   references area (id),
    results     varchar(8000),
    demo        boolean       not null default false,
    version     integer       not null,
    created_at  timestamp with time zone not null,
    constraint participation_event_format_ck check (format in ('CONFERENCE', 'WORKSHOP', 'FORUM', 'OTHER'))
);
create index participation_event_tenant_ix on participation_event (tenant_id, held_on);

create table participation_group (
    tenant_id   varchar(36)  not null references tenant (id),
    event_id    varchar(36)  not null references participation_event (id),
    position    integer      not null,
    name        varchar(200) not null,
    people      integer      not null,
    constraint participation_group_people_ck check (people >= 0),
    primary key (event_id, position)
);

alter table need add column event_id varchar(36) references participation_event (id);
