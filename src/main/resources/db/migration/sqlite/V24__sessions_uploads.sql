-- Several instances on one database (issue 20). Not tenant data.
-- Sessions of logged-in users, when lagebild.session-store is 'database' (Spring Session JDBC's own schema):
-- a user whose instance stops carries on on another.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         integer       not null,
    last_access_time      integer       not null,
    max_inactive_interval integer      not null,
    expiry_time           integer       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    blob        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);

-- Uploads waiting between an import's preview and its commit, so that the commit may reach another instance:
-- the file in pieces of at most 1 MiB (read and written one piece at a time, never whole in memory).
create table upload_stash (
    token      varchar(36)  not null primary key,
    kind       varchar(30)  not null,
    owner      varchar(100) not null,
    tenant     varchar(100) not null,
    file_name  varchar(300),
    format     varchar(20),
    size       bigint       not null,
    created_at bigint       not null
);
create index upload_stash_owner_ix on upload_stash (owner, kind, created_at);

create table upload_stash_piece (
    token varchar(36) not null references upload_stash (token) on delete cascade,
    seq   integer     not null,
    data  blob       not null,
    primary key (token, seq)
);
