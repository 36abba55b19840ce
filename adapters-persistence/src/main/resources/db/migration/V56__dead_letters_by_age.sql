-- The hourly purge of dead letters past tracker.notifications.dead-letter-max-age finds the old ones here.
create index notification_deliveries_dead_age_idx on notification_deliveries (dead_at) where state = 'dead';
