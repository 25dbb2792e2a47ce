-- Indexes for the foreign keys that had none and that are followed from the parent: the children of
-- a project, a request, a fund's allocation, a practice, an indicator, an import; the rows that
-- name a recommendation, a cluster, an institution, a stored file or a training event. Without
-- them, each lookup of a parent's children and each delete or key change of a parent scans the
-- child table. Foreign keys left without an index point at rows that are never deleted nor
-- re-keyed (accounts, States, regions, instruments, mechanisms, themes, organisations, UPR cycles
-- and sessions, SDG targets); ForeignKeyIndexIT keeps it so.
create index assignment_lead_institution_idx on assignment (lead_institution_id);
create index assignment_supporting_institution_idx on assignment_supporting (institution_id);
create index assistance_request_cluster_cluster_idx on assistance_request_cluster (cluster_id);
create index assistance_request_recommendation_recommendation_idx
    on assistance_request_recommendation (recommendation_id);
create index civil_society_input_file_idx on civil_society_input (file_id);
create index communication_state_idx on communication (state_iso3);
create index event_participant_trainer_idx on event_participant (trainer_id);
create index external_activity_import_idx on external_activity (import_id);
create index external_transaction_activity_idx on external_transaction (activity_id);
create index fund_contribution_fund_idx on fund_contribution (fund_code);
create index fund_contribution_pledge_idx on fund_contribution (pledge_id);
create index fund_disbursement_allocation_idx on fund_disbursement (allocation_id);
create index fund_expenditure_allocation_idx on fund_expenditure (allocation_id);
create index fund_pledge_fund_idx on fund_pledge (fund_code);
create index implementation_action_institution_idx on implementation_action (institution_id);
create index library_file_file_idx on library_file (file_id);
create index needs_assessment_request_idx on needs_assessment (request_id);
create index needs_assessment_recommendation_recommendation_idx
    on needs_assessment_recommendation (recommendation_id);
create index practice_evidence_file_idx on practice (evidence_file_id);
create index practice_comment_practice_idx on practice_comment (practice_id);
create index practice_comment_answers_idx on practice_comment (answers_id);
create index practice_digest_sent_practice_idx on practice_digest_sent (practice_id);
create index practice_project_project_idx on practice_project (project_id);
create index practice_recommendation_recommendation_idx on practice_recommendation (recommendation_id);
create index progress_evidence_file_idx on progress_evidence (file_id);
create index progress_update_indicator_idx on progress_update (indicator_id);
create index progress_update_milestone_idx on progress_update (milestone_id);
create index project_evaluation_project_idx on project_evaluation (project_id);
create index project_evaluation_file_idx on project_evaluation (file_id);
create index project_indicator_result_idx on project_indicator (result_id);
create index project_recommendation_recommendation_idx on project_recommendation (recommendation_id);
create index project_result_project_idx on project_result (project_id);
create index ratification_import_idx on ratification (import_id);
create index ratification_claim_state_idx on ratification_claim (state_iso3);
create index ratification_discrepancy_import_idx on ratification_discrepancy (import_id);
create index trainer_certification_event_idx on trainer_certification (event_id);
create index training_event_project_idx on training_event (project_id);
