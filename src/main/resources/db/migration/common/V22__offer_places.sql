-- The places (capacity) an offer states – Kita places, beds, group size; null when it states none. The gap analysis
-- sums them per area beside the count of offers.
alter table offer add column places integer;
