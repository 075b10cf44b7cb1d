-- Webhook endpoints: replay from a cursor and signing-secret rotation (issue 20 item 2, push).
--
-- cursor_generation: raised by one each time the owner moves the endpoint's cursor (replay). A delivery remembers the
-- generation it leased the endpoint at and moves the cursor only while it is still the same, so an acknowledgement of
-- an event sent before the replay can never overwrite the cursor the owner just set (the lease alone does not stop
-- that: the owner's replay does not wait for the lease).
--
-- previous_secret / previous_secret_until: after a rotation, the secret that was replaced and the end of the overlap
-- during which every delivery is signed with both (the new one and this one), so a receiver can switch to the new
-- secret without refusing a delivery. Kept as issued for the same reason as secret (the service signs with it);
-- nulled by the next rotation, ignored once the overlap is over.
ALTER TABLE webhook_endpoints ADD COLUMN cursor_generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret TEXT;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_until VARCHAR(24);
