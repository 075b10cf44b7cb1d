package app.scimconsole.service;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.domains.DomainService;
import java.time.Clock;
import java.time.Duration;

/**
 * The application on one database, without any HTTP: the directory, the domain service, provisioning with its
 * access rules, Entra's traffic, the admin credentials and the domains' automatic re-checks. The HTTP runtime puts
 * listeners in front of it; the CLI uses parts of it directly.
 */
public final class ServiceCore implements AutoCloseable {
    private final SqlDirectory directory;
    private final DomainService domains;
    private final TrafficTracker traffic = new TrafficTracker();
    private final ConsoleTestTags consoleTests;
    private final ActivityRecorder activity;
    private final RefusalLog refusals;
    private final StorageFaults storageFaults;
    private final Provisioning provisioning;
    private final ScimAccess access;
    private final AdminCredentials adminCredentials;
    private final TokenIssuer tokenIssuer;
    private final Clock clock;
    private final KeySetAddress keysPolicy;
    private final HistoryRetention historyRetention;
    private final WaitingEvents waitingEvents;
    private final UnindexedSorts sorts;
    private DomainRechecker rechecker;
    private WebhookDelivery webhookDelivery;

    /**
     * The core on an open directory, which stays its opener's to close. {@code dnsServer} (HOST:PORT, may be null):
     * see {@link #domainService}.
     */
    public ServiceCore(SqlDirectory directory, String dnsServer, Clock clock) {
        this(directory, dnsServer, clock, KeySetAddress.fromEnvironment());
    }

    /** The core, fetching federation trusts' signing keys only from addresses {@code keysPolicy} accepts. */
    public ServiceCore(SqlDirectory directory, String dnsServer, Clock clock, KeySetAddress keysPolicy) {
        this.directory = directory;
        this.keysPolicy = keysPolicy;
        this.clock = clock;
        this.domains = domainService(directory, dnsServer, clock);
        this.storageFaults = new StorageFaults(clock);
        this.activity = new ActivityRecorder(directory, clock, storageFaults);
        this.sorts = new UnindexedSorts(directory);
        this.provisioning = new Provisioning(directory,
                new RecentlyVerified(domains::isVerified, directory::domainsVersion, System::nanoTime), activity, sorts);
        this.consoleTests = new ConsoleTestTags(clock);
        this.refusals = new RefusalLog(activity);
        AccessTokens accessTokens = new AccessTokens(directory.oauth(), clock);
        this.access = new ScimAccess(directory, accessTokens, consoleTests, traffic, activity, refusals, clock);
        FederatedAssertions assertions = new FederatedAssertions(new KeySets(keysPolicy, clock),
                directory.federation(), clock);
        this.tokenIssuer = new TokenIssuer(directory, directory.oauth(), directory.federation(), assertions,
                accessTokens, refusals, clock);
        this.adminCredentials = new AdminCredentials(directory);
        this.historyRetention = new HistoryRetention(directory, clock);
        this.waitingEvents = new WaitingEvents(directory);
    }

    /** The domain service of a directory: checks go to {@code dnsServer} when given, else to real DNS. */
    public static DomainService domainService(SqlDirectory directory, String dnsServer, Clock clock) {
        DnsChecker checker = dnsServer == null || dnsServer.isBlank() ? DnsChecker.usingSystemResolver()
                : DnsChecker.usingServer(dnsServer);
        return new DomainService(directory.domainRecords(), checker.withClock(clock), clock);
    }

    /** Starts the domains' automatic re-checks, one round every {@code every}; they stop when the core closes. */
    public synchronized void startRechecks(Duration every) {
        if (rechecker == null) {
            rechecker = DomainRechecker.start(domains, clock, every);
        }
    }

    /** Starts the background purge of attribute history past its retention, every {@code every}. */
    public void startHistoryPurge(Duration every) {
        historyRetention.start(every);
    }

    /**
     * Starts the background pass that numbers the directory events an interrupted write left waiting (PostgreSQL),
     * every {@code every}.
     */
    public void startWaitingEventsPass(Duration every) {
        waitingEvents.start(every);
    }

    /**
     * Starts delivering the directory events to the webhook endpoints through {@code transport}, looking for due ones
     * every {@code every}, on threads of its own; resources are located under {@code tenantUrls}. It stops when the
     * core closes.
     */
    public synchronized void startWebhookDelivery(TenantUrls tenantUrls, WebhookTransport transport, Duration every) {
        if (webhookDelivery == null) {
            webhookDelivery = new WebhookDelivery(directory.webhooks(), webhookPolicy(), transport, tenantUrls, clock,
                    WebhookBackoff.jittered(), WebhookDelivery.leaseFrom(System.getenv()));
            webhookDelivery.start(every);
        }
    }

    /** The owner's webhook endpoints. */
    public Webhooks webhooks() {
        return new Webhooks(directory.webhooks(), webhookPolicy(), clock);
    }

    /** Where webhook deliveries may go: the same development flag as the federation keys' addresses. */
    public WebhookAddress webhookPolicy() {
        return new WebhookAddress(keysPolicy.devLoopbackHttp());
    }

    /** For the benchmark only: whether writes store their attribute history (on unless it says otherwise). */
    public void storeHistory(boolean on) {
        activity.storeHistory(on);
    }

    /** For the benchmark only: whether writes raise directory events (on unless it says otherwise). */
    public void raiseEvents(boolean on) {
        activity.raiseEvents(on);
    }

    public HistoryRetention historyRetention() {
        return historyRetention;
    }

    /** The tenants' event feeds, resolving the resources' locations against {@code tenantUrls}. */
    public EventFeed eventFeed(TenantUrls tenantUrls) {
        return new EventFeed(directory, tenantUrls, clock);
    }

    /**
     * The admin API's operations on this core, naming tenant URLs as {@code tenantUrls} says, token endpoints as
     * {@code tokenEndpoints} does and event feeds as {@code eventsUrls} does.
     */
    public AdminService admin(TenantUrls tenantUrls, TenantUrls tokenEndpoints, TenantUrls eventsUrls) {
        return new AdminService(directory, domains, tenantUrls, tokenEndpoints,
                new OAuthClients(directory, directory.oauth(), clock), eventsUrls, traffic, consoleTests, activity,
                historyRetention, new FederationTrusts(directory, directory.federation(), keysPolicy, clock), webhooks(),
                sorts, clock);
    }

    /** The rule for sorts no index holds, which SCIM lists and the admin API's lists share. */
    public UnindexedSorts unindexedSorts() {
        return sorts;
    }

    public SqlDirectory directory() {
        return directory;
    }

    public DomainService domains() {
        return domains;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    public ScimAccess access() {
        return access;
    }

    /** The token endpoint's rules (OAuth 2.0 client credentials grant). */
    public TokenIssuer tokenIssuer() {
        return tokenIssuer;
    }

    /** How the store's outages are answered and logged, one log line a minute. */
    public StorageFaults storageFaults() {
        return storageFaults;
    }

    public TrafficTracker traffic() {
        return traffic;
    }

    public AdminCredentials adminCredentials() {
        return adminCredentials;
    }

    public boolean healthy() {
        return directory.healthy();
    }

    /** Stops the re-checks and writes the refused sign-ins still queued; the directory stays open. */
    @Override
    public synchronized void close() {
        if (rechecker != null) {
            rechecker.close();
        }
        if (webhookDelivery != null) {
            webhookDelivery.close();
        }
        historyRetention.close();
        waitingEvents.close();
        refusals.close();
    }
}
