package app.scimconsole.service;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.StorageException;
import app.scimconsole.directory.WebhookStore;
import app.scimconsole.directory.WebhookStore.Endpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the directory events to the webhook endpoints, on threads of its own: never in a write's path, so an
 * endpoint that is down does not slow provisioning. The events table is the outbox (an event is committed with its
 * write); each endpoint keeps a cursor. An endpoint's events go one at a time, in id order: the next only once the
 * previous was acknowledged (2xx), which is what keeps them in order per resource. A failed delivery is tried again
 * after {@link WebhookBackoff}'s wait, the same event first.
 *
 * <p>Several instances on one PostgreSQL database share the endpoints through a lease: the instance that took an
 * endpoint's lease delivers it alone, and renews the lease with every acknowledged event; the lease of an instance
 * killed mid-delivery expires after the lease time ({@link #LEASE} unless {@value #LEASE_ENV} says otherwise), and
 * another one takes over from the cursor — at least once: the event that was in flight may be delivered again, so
 * receivers de-duplicate by the event's {@code id}.
 */
public final class WebhookDelivery implements AutoCloseable {
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Environment variable: the lease time in whole seconds, for a faster takeover (and the tests that prove it). */
    public static final String LEASE_ENV = "SCIM_CONSOLE_WEBHOOK_LEASE_SECONDS";
    /**
     * The shortest lease: longer than one delivery can take, since the lease is renewed only between deliveries; a
     * shorter one would let a second instance start on an endpoint while the first still waits on a slow receiver.
     */
    static final Duration MIN_LEASE = WebhookTransport.CALL_TIMEOUT.plusSeconds(5);
    static final int BATCH = 100;
    private static final int THREADS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Whether the last round failed to read the due endpoints for a reason other than storage (only its thread). */
    private boolean readFailing;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookStore store;
    private final WebhookAddress policy;
    private final WebhookTransport transport;
    private final TenantUrls tenantUrls;
    private final Clock clock;
    private final WebhookBackoff backoff;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    /**
     * Delivery from {@code store} through {@code transport} to addresses {@code policy} permits (the transport checks
     * each connection against the same policy), the resources located under {@code tenantUrls}, retried after
     * {@code backoff}'s waits as {@code clock} tells the time. The delivery closes the transport when it closes.
     */
    public WebhookDelivery(WebhookStore store, WebhookAddress policy, WebhookTransport transport, TenantUrls tenantUrls,
            Clock clock, WebhookBackoff backoff) {
        this(store, policy, transport, tenantUrls, clock, backoff, LEASE);
    }

    /** As above, an instance's hold on an endpoint lasting {@code lease} past its last acknowledged event. */
    public WebhookDelivery(WebhookStore store, WebhookAddress policy, WebhookTransport transport, TenantUrls tenantUrls,
            Clock clock, WebhookBackoff backoff, Duration lease) {
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("A webhook lease shorter than " + MIN_LEASE + " could outlive no delivery");
        }
        this.lease = lease;
        this.store = store;
        this.policy = policy;
        this.transport = transport;
        this.tenantUrls = tenantUrls;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * The lease time {@code env} sets in {@value #LEASE_ENV} (whole seconds, at least {@link #MIN_LEASE}), else
     * {@link #LEASE}. A value that is not one stops the service from starting, with a sentence saying why.
     */
    public static Duration leaseFrom(java.util.Map<String, String> env) {
        String value = env.get(LEASE_ENV);
        if (value == null || value.isBlank()) {
            return LEASE;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < MIN_LEASE.toSeconds() || seconds > Duration.ofDays(1).toSeconds()) {
            throw new IllegalArgumentException(LEASE_ENV + " must be whole seconds from " + MIN_LEASE.toSeconds()
                    + " to 86400 (it is longer than one delivery may take); it is '" + value + "'.");
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * Looks for due endpoints every {@code every} and delivers them on a few threads of its own, until closed. First,
     * when no other process can be delivering from the store (SQLite's data folder), it frees the leases a killed
     * process left: the endpoints are delivered again at once, not once those leases expire.
     */
    public synchronized void start(Duration every) {
        if (poller != null) {
            return;
        }
        try {
            int freed = store.freeLeasesIfAlone();
            if (freed > 0) {
                LOG.info("Took over {} webhook endpoints whose lease a stopped process had left", freed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not take over the webhook leases a stopped process left; they expire by themselves: {}",
                    e.toString());
        }
        workers = Executors.newFixedThreadPool(THREADS, r -> daemon(r, "webhook-delivery"));
        poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-poll"));
        poller.scheduleWithFixedDelay(this::dispatch, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One round in the caller's thread: every due endpoint this instance can lease is delivered until it is caught up
     * or a delivery fails. Returns how many events were acknowledged.
     */
    public int runOnce() {
        int acknowledged = 0;
        for (Endpoint e : store.due(clock.instant())) {
            acknowledged += deliver(e.id());
        }
        return acknowledged;
    }

    private void dispatch() {
        try {
            for (Endpoint e : store.due(clock.instant())) {
                if (inFlight.add(e.id())) {
                    workers.execute(() -> {
                        try {
                            deliver(e.id());
                        } catch (RuntimeException failure) {
                            if (failure instanceof StorageException) {
                                // the outage is said once by StorageFaults; the endpoint is tried again next round
                                LOG.debug("Webhook delivery to endpoint {} stopped: {}", e.id(), failure.toString());
                            } else {
                                LOG.warn("Webhook delivery to endpoint {} stopped: {}", e.id(), failure.toString());
                            }
                        } finally {
                            inFlight.remove(e.id());
                        }
                    });
                }
            }
            readFailing = false;
        } catch (StorageException failure) {
            // The database is down or full: StorageFaults says so once for the whole outage, not once a second here.
            LOG.debug("Webhook endpoints could not be read: {}", failure.toString());
        } catch (RuntimeException failure) {
            if (!readFailing) {
                LOG.warn("Webhook endpoints could not be read (tried again every round, said once): {}",
                        failure.toString());
            }
            readFailing = true;
        }
    }

    /** Delivers one endpoint if its lease can be taken; returns how many events were acknowledged. */
    int deliver(String endpointId) {
        Instant now = clock.instant();
        Optional<Endpoint> leased = store.lease(endpointId, owner, now, now.plus(lease));
        if (leased.isEmpty()) {
            return 0;
        }
        Endpoint endpoint = leased.get();
        int acknowledged = 0;
        try {
            while (true) {
                List<Event> events = store.pending(endpoint, BATCH);
                for (Event event : events) {
                    byte[] body = body(event);
                    Instant at = clock.instant();
                    String signature = WebhookSignature.header(WebhookSignature.signingSecrets(endpoint, at),
                            at.getEpochSecond(), body);
                    WebhookTransport.Outcome outcome = policy.formRefusal(endpoint.url()) != null
                            ? WebhookTransport.Outcome.failed(WebhookFailure.ADDRESS_REFUSED, endpoint.url())
                            : transport.post(endpoint.url(), signature, body);
                    Instant after = clock.instant();
                    if (!outcome.acknowledged()) {
                        Instant since = endpoint.failingSince() == null ? after : endpoint.failingSince();
                        store.failed(endpoint.id(), owner, endpoint.generation(), after,
                                backoff.next(endpoint.attempts() + 1, since, after), WebhookFailure.encode(outcome.failure()));
                        return acknowledged;
                    }
                    if (!store.delivered(endpoint.id(), owner, endpoint.generation(), event.id(), after,
                            after.plus(lease))) {
                        // removed; or the lease was lost, and its new holder goes on from the cursor; or the owner
                        // moved the cursor meanwhile (a replay), and the next round starts from there
                        return acknowledged;
                    }
                    acknowledged++;
                    endpoint = endpoint.acknowledged(event.id(), after);
                }
                if (events.size() < BATCH) {
                    return acknowledged;
                }
            }
        } finally {
            store.release(endpoint.id(), owner);
        }
    }

    private byte[] body(Event event) {
        try {
            return JSON.writeValueAsBytes(EventFeed.told(event, tenantUrls.of(event.tenantId())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event is always JSON", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops looking for work and waits briefly for deliveries in flight (an unfinished one is retried later). */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            workers.shutdown();
            try {
                workers.awaitTermination(WebhookTransport.CALL_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
        }
        transport.close();
    }
}
