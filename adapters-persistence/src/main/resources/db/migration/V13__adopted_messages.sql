-- Messages other applications send on an organization's Twilio accounts, adopted from their signed
-- status callbacks (issue 19). Their body is not known when the first callback reveals them.
alter table messages add column origin text not null default 'api' check (origin in ('api', 'external'));
alter table messages drop constraint messages_body_or_template;
alter table messages add constraint messages_body_or_template
    check (origin = 'external' or body is not null or content_sid is not null);

-- What an organization wants done with a callback for a message it did not send through us.
alter table organizations add column adoption text not null default 'adopt'
    check (adoption in ('adopt', 'keep_unmatched', 'refuse'));
