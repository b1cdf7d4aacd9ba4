-- The console lists the newest events first across every organization: an index in that order lets it read
-- only the page it shows instead of sorting the whole outbox.
CREATE INDEX webhook_events_newest_idx ON webhook_events (created_at DESC, id DESC);
