package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.Diagnosis;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainNotRegisteredException;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainService;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.ServerCheck;
import app.scimconsole.domains.VerificationResult;
import app.scimconsole.domains.ZoneFileCheck;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.TenantAdmin;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code domain add | verify | list | remove | check-zone}: proving e-mail domains by DNS TXT records. Sentences come
 * from the command line's bundle ({@link Texts}); with {@code --json} every sentence of a result has its reason's
 * {@code code} and {@code args} beside it.
 */
@Command(name = "domain", description = "Register e-mail domains and prove them by DNS TXT records.",
        subcommands = {DomainCommand.Add.class, DomainCommand.Verify.class, DomainCommand.ListDomains.class,
                DomainCommand.Remove.class, DomainCommand.CheckZone.class})
final class DomainCommand extends CommandGroup {

    /** Opens the data folder's directory and its domain service, for the organization of this folder. */
    private abstract static class DomainWork implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        String dnsServer() {
            return null;
        }

        @Override
        public Integer call() throws Exception {
            try (SqlDirectory dir = common.openDirectory()) {
                Clock clock = Clock.systemUTC();
                String tenant = new TenantAdmin(dir, clock).tenant().id();
                DomainService domains = ServiceCore.domainService(dir, dnsServer(), clock);
                return run(dir, tenant, domains, new Output(System.out, common.json));
            }
        }

        abstract int run(Directory dir, String tenant, DomainService domains, Output out) throws Exception;
    }

    @Command(name = "add", description = "Register a domain and print the TXT record to publish.")
    static final class Add extends DomainWork {
        @Parameters(paramLabel = "NAME", description = "The e-mail domain, e.g. example.com.")
        String name;

        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) {
            Challenge c = domains.add(tenant, name).challenge();
            ObjectNode o = Output.object().put("domain", c.domain().ascii()).put("recordType", Challenge.RECORD_TYPE)
                    .put("recordName", c.recordName()).put("recordValue", c.recordValue());
            out.print(o, Texts.text("domain.add.publish", c.domain().ascii(), Challenge.RECORD_TYPE, c.recordName(),
                    c.recordValue(), c.recordHostLabel()));
            return 0;
        }
    }

    @Command(name = "verify", description = "Check DNS now and store the result.")
    static final class Verify extends DomainWork {
        @Parameters(paramLabel = "NAME", description = "The registered e-mail domain to check.")
        String name;

        @Option(names = "--dns-server", paramLabel = "HOST:PORT",
                description = "Send every DNS query to this server, treated as the only authority.")
        String dnsServer;

        @Override
        String dnsServer() {
            return dnsServer;
        }

        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) {
            DomainService.Checked checked = domains.verify(tenant, name);
            VerificationResult r = checked.result();
            ObjectNode o = result(checked.record().domain().ascii(), r);
            o.put("state", checked.record().status().name());
            out.print(o, resultText(r));
            return 0;
        }
    }

    @Command(name = "list", description = "List the registered domains and their status.")
    static final class ListDomains extends DomainWork {
        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) {
            List<DomainRecord> all = domains.list(tenant);
            ObjectNode o = Output.object();
            ArrayNode list = o.putArray("domains");
            StringBuilder text = new StringBuilder();
            for (DomainRecord d : all) {
                Findings f = d.findings();
                ObjectNode e = list.addObject().put("domain", d.domain().ascii()).put("status", d.status().name())
                        .put("recordType", Challenge.RECORD_TYPE).put("recordName", d.challenge().recordName())
                        .put("recordValue", d.challenge().recordValue()).put("detail", f == null ? null : detail(f));
                if (f != null) {
                    withReason(e, "code", "args", f.summary());
                    diagnoses(e, f.diagnoses());
                }
                e.put("lastChecked", d.lastChecked() == null ? null : d.lastChecked().toString());
                e.put("nextCheck", d.state().nextCheck() == null ? null : d.state().nextCheck().toString());
                text.append(String.format("%-30s %-9s %s%n", d.domain().ascii(), d.status(),
                        f == null ? Texts.text("domain.list.notChecked") : Texts.reason(f.summary())));
            }
            out.print(o, all.isEmpty() ? Texts.text("domain.list.empty") : text.toString().stripTrailing());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a registered domain (new users in it are then refused).")
    static final class Remove extends DomainWork {
        @Parameters(paramLabel = "NAME", description = "The registered e-mail domain to remove.")
        String name;

        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) {
            DomainName domain = DomainName.lookup(name);
            if (!domains.remove(tenant, name)) {
                throw new DomainNotRegisteredException(domain);
            }
            out.print(Output.object().put("domain", domain.ascii()).put("removed", true),
                    Texts.text("domain.remove.done", domain.ascii()));
            return 0;
        }
    }

    @Command(name = "check-zone", description = "Offline: would this zone file (or pasted dig answer) verify NAME? "
            + "Exit code: " + CheckZoneExit.WOULD_VERIFY + " it would verify, " + CheckZoneExit.MISSING + " the record is "
            + "missing, " + CheckZoneExit.WRONG_VALUE + " its value is wrong, " + CheckZoneExit.NO_USABLE_ANSWER
            + " no usable answer.")
    static final class CheckZone extends DomainWork {
        @Parameters(index = "0", paramLabel = "FILE",
                description = "The zone file, or the output of dig, to read; - reads standard input.")
        String file;

        @Parameters(index = "1", paramLabel = "NAME", description = "The registered e-mail domain to check.")
        String name;

        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) throws IOException {
            DomainName domain = DomainName.lookup(name);
            DomainRecord registered = domains.list(tenant).stream().filter(d -> d.domain().equals(domain)).findFirst()
                    .orElseThrow(() -> new DomainNotRegisteredException(domain));
            ZoneFileCheck check = new ZoneFileCheck();
            VerificationResult r = STANDARD_INPUT.equals(file)
                    ? check.check(registered.challenge(), standardInput())
                    : check.check(registered.challenge(), Path.of(file));
            out.print(result(domain.ascii(), r), resultText(r));
            return CheckZoneExit.of(r.status());
        }

        /** At most one byte more than a zone may have, so an endless pipe is refused as too large, not read forever. */
        private static String standardInput() throws IOException {
            return new String(System.in.readNBytes(ZoneFileCheck.MAX_BYTES + 1), StandardCharsets.UTF_8);
        }
    }

    private static final String STANDARD_INPUT = "-";

    /** {@code STATUS: summary}, then what each server said, then each problem and its fix. */
    static String resultText(VerificationResult r) {
        StringBuilder out = new StringBuilder(
                Texts.text("domain.verify.result", r.status(), Texts.reason(r.summary())));
        for (ServerCheck s : r.servers()) {
            out.append("\n  ").append(s.soaSerial() == null
                    ? Texts.text("domain.server.row", serverText(s), Texts.reason(s.answer()))
                    : Texts.text("domain.server.rowWithSerial", serverText(s), Texts.reason(s.answer()),
                            Long.toString(s.soaSerial())));
        }
        for (Diagnosis d : r.diagnoses()) {
            out.append("\n  ").append(Texts.text("domain.diagnosis.problem", Texts.reason(d.problem())));
            out.append("\n  ").append(Texts.text("domain.diagnosis.fix", Texts.reason(d.fix())));
        }
        return out.toString();
    }

    /** Who was asked, and why it was asked when that is not plain: a CNAME target's server, or on one list only. */
    private static String serverText(ServerCheck s) {
        String server = Texts.reason(s.server());
        if (s.cnameTarget() != null) {
            return Texts.text("domain.server.forTarget", server, s.cnameTarget());
        }
        return switch (s.role()) {
            case PARENT_ONLY -> Texts.text("domain.server.parentOnly", server);
            case ZONE_ONLY -> Texts.text("domain.server.zoneOnly", server);
            default -> server;
        };
    }

    static ObjectNode result(String domain, VerificationResult r) {
        ObjectNode o = Output.object().put("domain", domain).put("status", r.status().name())
                .put("summary", Texts.reason(r.summary()));
        withReason(o, "code", "args", r.summary());
        diagnoses(o, r.diagnoses());
        ArrayNode servers = o.putArray("servers");
        for (ServerCheck s : r.servers()) {
            ObjectNode row = servers.addObject().put("server", Texts.reason(s.server()));
            ServerIdentity.of(s.server()).put(row);
            row.put("role", s.role().name()).put("outcome", s.outcome().name()).put("hasRecord", s.hasRecord())
                    .put("answer", Texts.reason(s.answer()));
            withReason(row, "code", "args", s.answer());
            s.values().forEach(row.putArray("values")::add);
            if (s.soaSerial() != null) {
                row.put("serial", s.soaSerial());
            }
            if (s.cnameTarget() != null) {
                row.put("cnameTarget", s.cnameTarget());
            }
            row.put("millis", s.millis());
        }
        if (r.notFoundCachedUntil() != null) {
            o.put("notFoundCachedUntil", r.notFoundCachedUntil().toString());
        }
        return o;
    }

    /** The findings in one English paragraph: the summary, then each problem and its fix. */
    private static String detail(Findings f) {
        StringBuilder out = new StringBuilder(Texts.reason(f.summary()));
        for (Diagnosis d : f.diagnoses()) {
            out.append(' ').append(Texts.reason(d.problem())).append(' ').append(Texts.reason(d.fix()));
        }
        return out.toString();
    }

    /** {@code "diagnoses": [{"kind", "problem", "code", "args", "fix", "fixCode", "fixArgs"}…]}. */
    private static void diagnoses(ObjectNode into, List<Diagnosis> found) {
        ArrayNode diagnoses = into.putArray("diagnoses");
        for (Diagnosis d : found) {
            ObjectNode e = diagnoses.addObject().put("kind", d.kind().name()).put("problem", Texts.reason(d.problem()));
            withReason(e, "code", "args", d.problem());
            e.put("fix", Texts.reason(d.fix()));
            withReason(e, "fixCode", "fixArgs", d.fix());
        }
    }

    private static void withReason(ObjectNode into, String codeKey, String argsKey, DomainReason r) {
        into.put(codeKey, r.code().code());
        ArrayNode args = into.putArray(argsKey);
        r.args().forEach(args::add);
    }
}
