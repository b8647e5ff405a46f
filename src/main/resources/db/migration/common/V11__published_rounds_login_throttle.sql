-- Public pages show only what the coordinator has released: rounds are public once closed or published (published_at),
-- and within them only accepted assessment versions.
alter table reporting_round add column published_at timestamp with time zone;

-- Failed logins per (login name, address) and per login name, shared by every instance on this database. The key is a
-- SHA-256 of the normalised login name (and the address), so the table holds no names or addresses in clear.
create table login_throttle (
    throttle_key    varchar(64) not null primary key,
    failures        integer     not null,
    last_failure_at timestamp with time zone not null
);
create index login_throttle_last_ix on login_throttle (last_failure_at);
