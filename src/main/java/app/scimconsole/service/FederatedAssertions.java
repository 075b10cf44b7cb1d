package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.FederationStore;
import app.scimconsole.directory.FederationStore.Trust;
import app.scimconsole.scim.StorableText;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Judges a client assertion (RFC 7523 §2.2, §3) against a workload identity federation trust, with Nimbus JOSE+JWT
 * for every parse and signature: RS256 only (so neither {@code none} nor an HMAC keyed with the public key can pass),
 * signed by a key of the set the trust names, issued by the trust's Entra tenant ({@code iss}, {@code tid}) for the
 * trust's subject and audience, within its lifetime give or take {@link #CLOCK_SKEW}, and used once. Entra's
 * Connectivity page shows the audience as a scope ({@code api://<app id>/.default}) while its tokens carry
 * {@code api://<app id>}; {@link FederationTrusts} stores the audience without the scope's suffix.
 */
final class FederatedAssertions {
    /** How far the clocks of Entra and this service may disagree, either way. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** args of every code: the client id, then what the code names. */
    static final String MALFORMED = "activity.federation.malformed";
    /** + the algorithm the assertion named. */
    static final String ALGORITHM = "activity.federation.algorithm";
    /** + the key id. */
    static final String UNKNOWN_KEY = "activity.federation.unknownKey";
    /** + the keys URL. */
    static final String KEYS_UNAVAILABLE = "activity.federation.keysUnavailable";
    /** + the keys URL. */
    static final String KEYS_URL_REFUSED = "activity.federation.keysUrlRefused";
    /** + the key id. */
    static final String BAD_SIGNATURE = "activity.federation.badSignature";
    /** + the assertion's expiry. */
    static final String EXPIRED = "activity.federation.expired";
    /** + the assertion's not-before time. */
    static final String NOT_YET_VALID = "activity.federation.notYetValid";
    /** + the issuer the assertion named, the issuer expected. */
    static final String WRONG_ISSUER = "activity.federation.wrongIssuer";
    /** + the Entra tenant the assertion named, the one expected. */
    static final String WRONG_ENTRA_TENANT = "activity.federation.wrongEntraTenant";
    /** + the audience the assertion named, the one expected. */
    static final String WRONG_AUDIENCE = "activity.federation.wrongAudience";
    /** + the subject the assertion named, the one expected. */
    static final String WRONG_SUBJECT = "activity.federation.wrongSubject";
    /** + the claim's name ({@code exp}). */
    static final String MISSING_CLAIM = "activity.federation.missingClaim";
    /** + the assertion's id. */
    static final String REPLAY = "activity.federation.replay";
    private static final int MAX_ARG = 200;

    private final KeySets keys;
    private final FederationStore store;
    private final Clock clock;

    FederatedAssertions(KeySets keys, FederationStore store, Clock clock) {
        this.keys = keys;
        this.store = store;
        this.clock = clock;
    }

    /** Entra's issuer for a tenant (v2.0 tokens). */
    static String entraIssuer(String entraTenant) {
        return "https://login.microsoftonline.com/" + entraTenant + "/v2.0";
    }

    /** Null when the assertion passes every check and was not used before (it is now); else why it is refused. */
    Reason refusal(Trust trust, String assertion) {
        Checked checked = check(trust, assertion);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        Instant keepUntil = checked.expires().plus(CLOCK_SKEW);
        if (!store.firstUse(trust.clientId(), checked.id(), keepUntil, clock.instant())) {
            return why(REPLAY, trust, checked.id());
        }
        return null;
    }

    /** A check's outcome: the refusal, or the assertion's id and expiry. */
    private record Checked(Reason refusal, String id, Instant expires) {
        static Checked refused(Reason why) {
            return new Checked(why, null, null);
        }
    }

    private Checked check(Trust trust, String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            JWT parsed = JWTParser.parse(assertion);
            if (!(parsed instanceof SignedJWT signed)) {
                return Checked.refused(why(ALGORITHM, trust, parsed.getHeader().getAlgorithm().getName()));
            }
            jwt = signed;
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Checked.refused(why(MALFORMED, trust));
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg)) {
            return Checked.refused(why(ALGORITHM, trust, alg.getName()));
        }
        String kid = jwt.getHeader().getKeyID() == null ? "" : jwt.getHeader().getKeyID();
        KeySets.Lookup found = keys.key(trust.keysUrl(), kid);
        switch (found.status()) {
            case ADDRESS_REFUSED -> {
                return Checked.refused(why(KEYS_URL_REFUSED, trust, trust.keysUrl()));
            }
            case UNAVAILABLE -> {
                return Checked.refused(why(KEYS_UNAVAILABLE, trust, trust.keysUrl()));
            }
            case UNKNOWN_KEY -> {
                return Checked.refused(why(UNKNOWN_KEY, trust, kid));
            }
            case FOUND -> {
                if (!verifies(jwt, found.key())) {
                    return Checked.refused(why(BAD_SIGNATURE, trust, kid));
                }
            }
        }
        return checkClaims(trust, claims, jwt);
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        if (!(key instanceof RSAKey rsa)) {
            return false;
        }
        try {
            return jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private Checked checkClaims(Trust trust, JWTClaimsSet claims, SignedJWT jwt) {
        String issuer = entraIssuer(trust.entraTenant());
        if (!issuer.equals(claims.getIssuer())) {
            return Checked.refused(why(WRONG_ISSUER, trust, claims.getIssuer(), issuer));
        }
        Object tid = claims.getClaim("tid");
        if (!trust.entraTenant().equals(tid)) {
            return Checked.refused(why(WRONG_ENTRA_TENANT, trust, tid, trust.entraTenant()));
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(trust.audience())) {
            return Checked.refused(why(WRONG_AUDIENCE, trust, audience == null ? "" : String.join(" ", audience),
                    trust.audience()));
        }
        if (!trust.subject().equals(claims.getSubject())) {
            return Checked.refused(why(WRONG_SUBJECT, trust, claims.getSubject(), trust.subject()));
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return Checked.refused(why(MISSING_CLAIM, trust, "exp"));
        }
        if (!exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            return Checked.refused(why(EXPIRED, trust, exp.toInstant()));
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            return Checked.refused(why(NOT_YET_VALID, trust, nbf.toInstant()));
        }
        return new Checked(null, assertionId(claims, jwt), exp.toInstant());
    }

    /**
     * What names the assertion for the replay check: its {@code jti} (RFC 7523 §3), else {@code uti} (Entra's own
     * tokens name themselves so), else the digest of its signature: Microsoft's example assertions carry neither
     * claim, and the same assertion presented twice is then still the same signature.
     */
    private static String assertionId(JWTClaimsSet claims, SignedJWT jwt) {
        String id = claims.getJWTID() != null ? claims.getJWTID() : claimText(claims, "uti");
        if (id != null && !id.isBlank() && id.length() <= 200) {
            return id;
        }
        return "sig:" + HexFormat.of().formatHex(SecretTokens.hash(jwt.getSignature().toString()));
    }

    private static String claimText(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }

    /** A refusal naming the trust's client and what the assertion said, cut and made printable: it is anyone's text. */
    private static Reason why(String code, Trust trust, Object... said) {
        Object[] args = new Object[said.length + 1];
        args[0] = trust.clientId();
        for (int i = 0; i < said.length; i++) {
            String s = said[i] == null ? "" : said[i].toString();
            args[i + 1] = StorableText.printable(s.length() > MAX_ARG ? s.substring(0, MAX_ARG) : s);
        }
        return Reason.of(code, args);
    }
}
