package app.scimconsole.service;

/** Where Entra reaches a tenant: its tenant URL, as the service is published (the public URL, else the listener). */
@FunctionalInterface
public interface TenantUrls {
    String of(String tenantId);
}
