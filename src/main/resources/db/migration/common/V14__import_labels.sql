-- A tenant's own spellings of field labels in goal agreements (issue 15): the label as written maps to a field of the
-- import ("Zuständiges Dezernat" → "Verantwortlich"). The built-in spellings are in the code (doc/import-labels.md).
create table import_label (
    tenant_id  varchar(36)  not null references tenant (id),
    label      varchar(200) not null,
    field      varchar(40)  not null,
    created_at timestamp with time zone not null,
    primary key (tenant_id, label)
);
