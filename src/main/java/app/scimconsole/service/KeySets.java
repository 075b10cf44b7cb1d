package app.scimconsole.service;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published signing keys of federation trusts (JWK sets), fetched from exactly the address a trust names and kept
 * for {@link #KEEP}. An unknown key id makes it fetch the set again, at most once per {@link #REFETCH_AFTER} per
 * address, so that a key Entra has just rolled in is found while made-up key ids cannot make the service hammer
 * Microsoft (or an address an attacker would like hammered). Redirects are not followed: the keys come from the
 * host the trust names or not at all.
 */
final class KeySets {
    static final Duration KEEP = Duration.ofHours(24);
    static final Duration REFETCH_AFTER = Duration.ofMinutes(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Microsoft's key set is a few kilobytes. */
    static final int MAX_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KeySets.class);

    enum Status { FOUND, UNKNOWN_KEY, ADDRESS_REFUSED, UNAVAILABLE }

    /** A look-up's outcome: the key when {@code FOUND}. */
    record Lookup(Status status, JWK key) {
    }

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final KeySetAddress policy;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    KeySets(KeySetAddress policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** The key {@code kid} of the set at {@code address}. */
    Lookup key(String address, String kid) {
        if (policy.refusal(address) != null) {
            return new Lookup(Status.ADDRESS_REFUSED, null); // checked again here: the policy may be stricter now
        }
        Instant now = clock.instant();
        Fetched known = cache.get(address);
        if (known != null && known.at().plus(KEEP).isAfter(now)) {
            JWK key = known.keys().getKeyByKeyId(kid);
            if (key != null || known.at().plus(REFETCH_AFTER).isAfter(now)) {
                return key != null ? new Lookup(Status.FOUND, key) : new Lookup(Status.UNKNOWN_KEY, null);
            }
        }
        Fetched fresh = refetch(address, known, now);
        if (fresh == null) {
            return new Lookup(Status.UNAVAILABLE, null);
        }
        JWK key = fresh.keys().getKeyByKeyId(kid);
        return key != null ? new Lookup(Status.FOUND, key) : new Lookup(Status.UNKNOWN_KEY, null);
    }

    /**
     * Fetches the set unless another thread just did (then its result is used); on failure the set held before
     * stays in use and the next try waits {@link #REFETCH_AFTER}.
     */
    private synchronized Fetched refetch(String address, Fetched seen, Instant now) {
        Fetched current = cache.get(address);
        if (current != seen && current != null) {
            return current;
        }
        try {
            Fetched fresh = new Fetched(JWKSet.parse(fetch(address)), now);
            cache.put(address, fresh);
            return fresh;
        } catch (IOException | ParseException e) {
            LOG.warn("The signing keys at {} could not be read: {}", address, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (seen != null) {
            cache.put(address, new Fetched(seen.keys(), now));
        }
        return seen;
    }

    private String fetch(String address) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(READ_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new IOException("the key set is larger than " + MAX_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
