-- One table for the background jobs of every module (strategy imports, statistics imports, …), told apart by kind.
create table background_job (
    tenant_id     varchar(36)  not null references tenant (id),
    id            varchar(36)  not null primary key,
    kind          varchar(30)  not null,
    user_id       varchar(36),
    file_name     varchar(300),
    format        varchar(20),
    state         varchar(10)  not null,
    message       text,
    result_id     varchar(36),
    summary       varchar(500),
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    constraint background_job_state_ck check (state in ('RUNNING', 'DONE', 'FAILED'))
);
create index background_job_tenant_ix on background_job (tenant_id, kind, started_at);

insert into background_job (tenant_id, id, kind, user_id, file_name, format, state, message, result_id, summary,
                            started_at, finished_at)
select tenant_id, id, 'STRATEGY_IMPORT', user_id, file_name, format, state, message, strategy_id, summary,
       started_at, finished_at
from import_job;

insert into background_job (tenant_id, id, kind, user_id, file_name, format, state, message, result_id, summary,
                            started_at, finished_at)
select tenant_id, id, 'STATISTICS_IMPORT', user_id, file_name, null, state, message, null, summary,
       started_at, finished_at
from atlas_import_job;

drop table import_job;
drop table atlas_import_job;
