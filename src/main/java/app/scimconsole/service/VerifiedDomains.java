package app.scimconsole.service;

/** Whether a tenant has proven that it owns an e-mail domain. */
@FunctionalInterface
public interface VerifiedDomains {
    boolean isVerified(String tenantId, String domain);
}
