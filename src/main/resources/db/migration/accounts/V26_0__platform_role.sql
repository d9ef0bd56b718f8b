-- A Clearskin operator (issue 17): a person who works for the platform, not for any clinic. Such a
-- person has no clinic membership for the role; the platform role is on the account itself, and
-- only one exists so far: the licence reviewer, who verifies or rejects practitioners' licences.
alter table app_user add column platform_role text;
alter table app_user add constraint app_user_platform_role check (platform_role is null
    or platform_role in ('licence-reviewer'));
