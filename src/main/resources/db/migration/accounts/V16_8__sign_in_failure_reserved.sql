-- An attempt is counted before its password is checked, atomically with the check (issue 10), and a
-- right password gives the count back: a count can be zero while its row is locked or given back.
alter table sign_in_failure drop constraint sign_in_failure_failures_check;
alter table sign_in_failure add constraint sign_in_failure_failures_check check (failures >= 0);
