-- Roles per organization (issue 20): an operator may administer one organization and only read
-- another. The role moves from the operator to each membership; 'operator' (acts on messages, changes
-- no settings) joins 'viewer' and 'admin'.
alter table operator_organizations add column role text;
update operator_organizations m set role = o.role from operators o where o.operator_id = m.operator_id;
alter table operator_organizations alter column role set not null;
alter table operator_organizations add constraint operator_organizations_role_known
    check (role in ('viewer', 'operator', 'admin'));

-- A platform administrator reaches every organization and creates new ones. The first admin, created
-- at the first start in 'default', was the one person who ran the service: they keep that reach.
alter table operators add column platform boolean not null default false;
update operators set platform = true
 where operator_id = (select min(o.operator_id)
                        from operators o
                        join operator_organizations m on m.operator_id = o.operator_id
                        join organizations g on g.org_id = m.org_id
                       where o.role = 'admin' and g.name = 'default');

alter table operators drop column role;
