-- The consent module's default validity and the sessions module's medical director move into the
-- one store of clinic settings (kinds consent-rules and session-rules), with a revision each.
insert into clinic_settings (clinic_id, kind, settings, revision, updated_at, updated_by)
select clinic_id, 'consent-rules', jsonb_build_object('validMonths', valid_months), 1, updated_at, null
from consent_settings
on conflict do nothing;

insert into clinic_settings (clinic_id, kind, settings, revision, updated_at, updated_by)
select clinic_id, 'session-rules', jsonb_build_object('medicalDirectorId', medical_director_id), 1, updated_at, null
from session_settings
on conflict do nothing;

drop table consent_settings;
drop table session_settings;
