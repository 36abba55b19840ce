-- Organizations created through the administration (API or organizations file) have names unique
-- regardless of case, also when two instances create one at the same moment. Rows from before (and
-- the organization 'default', written from the settings) are not covered: older deployments may hold
-- duplicate names, which the use case still refuses to create again.
alter table organizations add column managed boolean not null default false;

create unique index organizations_managed_name_unique on organizations (lower(name)) where managed;
