-- Indexes for the cooperation dashboard (CooperationDashboard), which reads the assistance, funds
-- and capacity tables for the world, a region, a group, a State or a period. Indexes, not counts
-- kept by triggers: at a million recommendations these tables hold about 10,000 rows each, and
-- counts by State and year would hold nearly as many cells as the tables hold rows.

-- Officials trained, each person once per State by name: read in this order, the distinct names
-- of each State are counted without a sort (a sort of 18,000 names under the database's ICU
-- collation, and lower() of each, took most of the dashboard's time). full_name is included so that
-- the index alone answers the query.
create index event_participant_official_idx
    on event_participant (state_iso3, lower(full_name)) include (full_name)
    where attended;

-- The span of years of the dashboard's series: the first and last public request and project and
-- the last allocation, each read at one end of an index instead of from the whole table.
create index assistance_request_public_submitted_idx
    on assistance_request (submitted_at)
    where status in ('SUBMITTED', 'CLOSED') and not confidential;
create index project_public_start_idx
    on project (start_date)
    where published and status <> 'CANCELLED';
create index fund_allocation_decided_idx on fund_allocation (decided_on);

-- Public projects with what the dashboard reads of them (State, request, start, budget), so that
-- its project figures, allocations and evaluations read this index rather than the wide rows of
-- the table.
create index project_public_idx
    on project (state_iso3) include (id, request_id, start_date, budget_amount, budget_currency)
    where published and status <> 'CANCELLED';
