-- SQLite: numbers from the rowid at first, then from triggers (no identity columns); the value table without rowid.
-- Compact storage of indicator values (issue 19): 475 bytes per value with five varchar(36) ids and three B-trees
-- became about 120. Areas, indicators and batches get an integer number beside their UUID; a value row holds the
-- numbers (no own id, no tenant column: the tenant is its indicator's) and the text of its source once per tenant
-- in value_source. The view indicator_value shows the values as before (with the tenant, the UUIDs and the source
-- text) for every read; writes go to atlas_value, with numbers resolved through tenant-scoped reads.
alter table area add column num integer;
alter table indicator add column num integer;
alter table value_batch add column num integer;
update area set num = rowid;
update indicator set num = rowid;
update value_batch set num = rowid;
create unique index area_num_uk on area (num);
create unique index indicator_num_uk on indicator (num);
create unique index value_batch_num_uk on value_batch (num);
-- the next number of a new row (SQLite has no identity columns; writes are serialised, max is one index step)
create trigger area_num_tr after insert on area when new.num is null
begin
    update area set num = (select coalesce(max(num), 0) + 1 from area) where rowid = new.rowid;
end;
create trigger indicator_num_tr after insert on indicator when new.num is null
begin
    update indicator set num = (select coalesce(max(num), 0) + 1 from indicator) where rowid = new.rowid;
end;
create trigger value_batch_num_tr after insert on value_batch when new.num is null
begin
    update value_batch set num = (select coalesce(max(num), 0) + 1 from value_batch) where rowid = new.rowid;
end;

create table value_source (
    tenant_id  varchar(36)  not null references tenant (id),
    num         integer      primary key,
    text       varchar(300) not null
);
create unique index value_source_uk on value_source (tenant_id, text);
insert into value_source (tenant_id, text)
    select distinct tenant_id, source from indicator_value where source is not null;

-- fixed-width columns first (no padding), the key in the order of the questions asked most:
-- an indicator at a period (map, ranking), an indicator's value in one area (writes)
create table atlas_value (
    indicator_num  integer       not null references indicator (num),
    area_num       integer       not null references area (num),
    period_end    date          not null,
    batch_num      integer       references value_batch (num),
    source_num     integer       references value_source (num),
    version       integer       not null default 0,
    period        varchar(10)   not null,
    value         numeric(20, 6),
    special       varchar(3),
    flags         varchar(6),
    constraint atlas_value_pk primary key (indicator_num, period, area_num),
    constraint atlas_value_special_ck check (special is null or special in ('-', '.', 'x', '...', '/')),
    constraint atlas_value_one_ck check ((value is null) <> (special is null))
) without rowid;
-- the profile of an area (its values of each indicator: one index step per indicator, whatever the planner
-- estimates) and area deletes; B-tree deduplication keeps it at about 8 bytes per value on PostgreSQL
create index atlas_value_area_ix on atlas_value (area_num, indicator_num);

insert into atlas_value (indicator_num, area_num, period_end, batch_num, source_num, version, period, value, special,
                         flags)
    select i.num, a.num, v.period_end, b.num, s.num, v.version, v.period, v.value, v.special, v.flags
    from indicator_value v
    join indicator i on i.id = v.indicator_id
    join area a on a.id = v.area_id
    left join value_batch b on b.id = v.batch_id
    left join value_source s on s.tenant_id = v.tenant_id and s.text = v.source;

create table atlas_value_history (
    tenant_id     varchar(36)  not null references tenant (id),
    indicator_num  integer      not null references indicator (num),
    area_num       integer      not null references area (num),
    batch_num      integer      references value_batch (num),
    replaced_at   timestamp with time zone not null,
    period        varchar(10)  not null,
    value         numeric(20, 6),
    special       varchar(3),
    flags         varchar(6)
);
create index atlas_value_history_ix on atlas_value_history (indicator_num, period, area_num);
create index atlas_value_history_area_ix on atlas_value_history (area_num);

insert into atlas_value_history (tenant_id, indicator_num, area_num, batch_num, replaced_at, period, value, special,
                                 flags)
    select h.tenant_id, i.num, a.num, b.num, h.replaced_at, v.period, h.value, h.special, h.flags
    from indicator_value_history h
    join indicator_value v on v.id = h.value_id
    join indicator i on i.id = v.indicator_id
    join area a on a.id = v.area_id
    left join value_batch b on b.id = h.batch_id;

drop table indicator_value_history;
drop table indicator_value;

create view indicator_value as
    select i.tenant_id, v.indicator_num, v.area_num, i.id as indicator_id, a.id as area_id, v.period, v.period_end,
           v.value, v.special, v.flags, b.id as batch_id, s.text as source, v.version
    from atlas_value v
    join indicator i on i.num = v.indicator_num
    join area a on a.num = v.area_num
    left join value_batch b on b.num = v.batch_num
    left join value_source s on s.num = v.source_num;
