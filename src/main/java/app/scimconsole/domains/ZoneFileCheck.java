package app.scimconsole.domains;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;

/**
 * Offline check: would this zone file (or pasted records, or a pasted {@code dig} answer) verify the domain? It
 * reads the text with dnsjava's master-file parser, answers the same questions a name server would be asked, and
 * hands the answers to the same {@link Verdict} as the live check. It never contacts DNS and never reads other
 * files: {@code $INCLUDE} is refused.
 */
public final class ZoneFileCheck {
    private static final System.Logger LOG = System.getLogger(ZoneFileCheck.class.getName());
    /** Zone exports of real organizations are far smaller; a cap keeps a wrong file from exhausting memory. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_MEGABYTES = MAX_BYTES / (1024 * 1024);
    private static final Pattern PARSER_LINE = Pattern.compile("<none>:(\\d+): (.*)", Pattern.DOTALL);
    private static final long DEFAULT_TTL = 3600;

    private final Clock clock;

    public ZoneFileCheck() {
        this(Clock.systemUTC());
    }

    public ZoneFileCheck(Clock clock) {
        this.clock = clock;
    }

    /** Checks a zone file on disk. Throws {@link ZoneFileException} when it cannot be read. */
    public VerificationResult check(Challenge challenge, Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ZoneFileException(ReasonCode.ZONE_FILE_TOO_LARGE, file.getFileName(), MAX_MEGABYTES);
            }
            return check(challenge, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ZoneFileException(ReasonCode.ZONE_FILE_UNREADABLE, file);
        }
    }

    /** Checks zone text. Relative names are taken as relative to the domain unless the text sets {@code $ORIGIN}. */
    public VerificationResult check(Challenge challenge, String zoneText) {
        List<Record> records = parse(zoneText, challenge.domain().toDnsName());
        ZoneData zone = new ZoneData(records);
        Name apex = zone.apexOf(challenge.domain().toDnsName());
        ProbeNames names = ProbeNames.of(challenge, apex);
        Map<Name, TxtAnswer> answers = new HashMap<>();
        for (Name name : names.all()) {
            answers.put(name, zone.txt(name));
        }
        SourceEvidence evidence = new SourceEvidence(DomainReason.of(ReasonCode.SERVER_ZONE_FILE), "", null,
                ServerRole.ZONE_FILE, null, null, answers, zone.serial(apex));
        Instant now = clock.instant();
        return new Verdict(challenge, names, List.of(evidence), now, null).judge();
    }

    private static List<Record> parse(String text, Name origin) {
        if (text.length() > MAX_BYTES) {
            throw new ZoneFileException(ReasonCode.ZONE_TEXT_TOO_LARGE, MAX_MEGABYTES);
        }
        List<Record> records = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        try (Master master = new Master(in, origin, DEFAULT_TTL)) {
            master.disableIncludes(true);
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(e.getMessage());
        }
        return records;
    }

    // dnsjava says "<none>:3: newline in quoted string": people need the line number; the parser's words are
    // English whatever the reader's language, so they go to the log.
    private static ZoneFileException unreadable(String parserMessage) {
        if (parserMessage == null) {
            return new ZoneFileException(ReasonCode.ZONE_UNREADABLE);
        }
        if (parserMessage.contains("$INCLUDE")) {
            return new ZoneFileException(ReasonCode.ZONE_INCLUDE);
        }
        LOG.log(Level.INFO, "Zone text not readable: " + parserMessage);
        Matcher m = PARSER_LINE.matcher(parserMessage);
        return m.matches() ? new ZoneFileException(ReasonCode.ZONE_SYNTAX, m.group(1))
                : new ZoneFileException(ReasonCode.ZONE_UNREADABLE);
    }

    /** The parsed records, answering as a name server for them would. */
    private static final class ZoneData {
        private final Map<Name, List<Record>> byName = new HashMap<>();

        ZoneData(List<Record> records) {
            for (Record r : records) {
                byName.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
            }
        }

        /** The closest enclosing name that has a SOA record in the text, or null. */
        Name apexOf(Name name) {
            for (Name n = name; n.labels() > 1; n = new Name(n, 1)) {
                if (soa(n) != null) {
                    return n;
                }
            }
            return null;
        }

        Long serial(Name apex) {
            SOARecord soa = apex == null ? null : soa(apex);
            return soa == null ? null : soa.getSerial();
        }

        private SOARecord soa(Name name) {
            return byName.getOrDefault(name, List.of()).stream().filter(SOARecord.class::isInstance)
                    .map(SOARecord.class::cast).findFirst().orElse(null);
        }

        TxtAnswer txt(Name name) {
            List<Record> node = byName.getOrDefault(name, List.of());
            List<TxtValue> values = node.stream().filter(TXTRecord.class::isInstance)
                    .map(r -> TxtValue.joined(((TXTRecord) r).getStringsAsByteArrays())).toList();
            Name alias = node.stream().filter(CNAMERecord.class::isInstance)
                    .map(r -> ((CNAMERecord) r).getTarget()).findFirst().orElse(null);
            if (!values.isEmpty()) {
                return new TxtAnswer(DnsOutcome.FOUND, true, values, alias, null, Duration.ZERO, null);
            }
            if (alias != null) {
                return new TxtAnswer(DnsOutcome.ALIAS, true, List.of(), alias, null, Duration.ZERO, null);
            }
            boolean exists = !node.isEmpty()
                    || byName.keySet().stream().anyMatch(n -> !n.equals(name) && n.subdomain(name));
            Name apex = apexOf(name);
            SOARecord soa = apex == null ? null : soa(apex);
            Long negativeTtl = soa == null ? null : Math.min(soa.getTTL(), soa.getMinimum());
            return new TxtAnswer(exists ? DnsOutcome.NO_RECORDS : DnsOutcome.NO_SUCH_NAME, true, List.of(), null,
                    negativeTtl, Duration.ZERO, null);
        }
    }
}
