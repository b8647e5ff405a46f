-- Assessments written by an import into a closed round are the district's published history (seed 000: the report
-- presented to the Kreistag). The import now records them as accepted; this marks those imported before.
insert into assessment_review (tenant_id, id, assessment_id, decision, comment, reviewer_id, reviewer_name, created_at)
select a.tenant_id,
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
             || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-'
             || hex(randomblob(6))),
       a.id, 'ACCEPTED', null, null, 'Import', a.created_at
from assessment a
join reporting_round r on r.id = a.round_id
where r.state = 'CLOSED' and a.author_name like '%(Import)'
  and not exists (select 1 from assessment_review v where v.assessment_id = a.id);
