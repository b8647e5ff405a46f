-- Incremental search index: each offer carries the catalogue revision of its last write, and the tenant's
-- revision row remembers the revision of the last change to organisations, locations or categories (which touch
-- many offers at once and make the index rebuild in full).
alter table offer add column revision bigint not null default 0;
alter table catalogue_revision add column structure_revision bigint not null default 0;
create index offer_tenant_revision_ix on offer (tenant_id, revision);
