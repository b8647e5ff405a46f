-- Column mappings of offer imports saved under a name (issue 15): which column of an open-data list ("facility",
-- "institution", "addr:street") fills which field of an offer; applied to next year's file.
create table offer_column_mapping (
    tenant_id  varchar(36)  not null references tenant (id),
    name       varchar(200) not null,
    entries    text         not null,
    updated_at timestamp with time zone not null,
    primary key (tenant_id, name)
);
