-- Scheduled work runs once per cluster: an instance takes the named lock until a point in time (epoch milliseconds)
-- with a conditional update; the others find it taken and skip the run. Not tenant data.
create table cluster_lock (
    name          varchar(100) not null primary key,
    locked_until  bigint       not null,
    locked_by     varchar(200) not null
);
