-- A goal may be measured by an indicator of the Land's atlas that the district subscribes to: indicator_id and area_id
-- then name rows of the Land's tenant, read through the subscription (never copied).
alter table goal_indicator add column land boolean not null default false;
