-- Each activity entry written for a SCIM request names the client's address: the peer's, or the one a trusted
-- reverse proxy forwarded (Entra's, not the proxy's), so the owner can tell Entra's requests from a stranger's.
-- Entries written before, and entries of the owner's own actions (enable, rotate, disable), have none (NULL).
ALTER TABLE activity ADD COLUMN client_address TEXT;
