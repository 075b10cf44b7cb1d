-- How Entra authenticates to the tenant's SCIM app, as the owner chose it in the console (issue 19): SECRET_TOKEN
-- (the default, today's) or OAUTH_CLIENT (client credentials grant); a later method adds its own name. The choice
-- says what the owner set Entra up with; it does not refuse the other method's credentials, which work while they
-- exist (so that switching Entra over never fails a cycle).
ALTER TABLE tenants ADD COLUMN auth_method VARCHAR(32) NOT NULL DEFAULT 'SECRET_TOKEN';
