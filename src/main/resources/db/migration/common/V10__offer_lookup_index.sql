-- Offers are looked up by their ids within the tenant (a page of search hits). Without table statistics SQLite
-- chose the tenant index for "tenant_id = ? and id in (...)" and read every offer of the tenant; with both columns
-- in one index the lookup is direct on both databases.
create index offer_tenant_id_ix on offer (tenant_id, id);
