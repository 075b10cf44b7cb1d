package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.Diagnosis;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainService;
import app.scimconsole.domains.VerificationResult;
import app.scimconsole.domains.ZoneFileCheck;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.TenantAdmin;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code domain add | verify | list | remove | check-zone}: proving e-mail domains by DNS TXT records. */
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
            out.print(o, "Publish this DNS record at your DNS provider, then run 'domain verify " + c.domain().ascii() + "':\n"
                    + "  Type:  " + Challenge.RECORD_TYPE + "\n  Name:  " + c.recordName() + "\n  Value: " + c.recordValue()
                    + "\n(Some providers want only the host part of the name: " + c.recordHostLabel() + ")");
            return 0;
        }
    }

    @Command(name = "verify", description = "Check DNS now and store the result.")
    static final class Verify extends DomainWork {
        @Parameters(paramLabel = "NAME")
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
            out.print(o, r.status() + ": " + r.detail());
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
                ObjectNode e = list.addObject().put("domain", d.domain().ascii()).put("status", d.status().name())
                        .put("recordType", Challenge.RECORD_TYPE).put("recordName", d.challenge().recordName())
                        .put("recordValue", d.challenge().recordValue()).put("detail", d.detail());
                e.put("lastChecked", d.lastChecked() == null ? null : d.lastChecked().toString());
                e.put("nextCheck", d.state().nextCheck() == null ? null : d.state().nextCheck().toString());
                text.append(String.format("%-30s %-9s %s%n", d.domain().ascii(), d.status(), d.detail() == null ? "not checked yet" : d.detail()));
            }
            out.print(o, all.isEmpty() ? "No domains registered yet. Add one with 'domain add NAME'." : text.toString().stripTrailing());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a registered domain (new users in it are then refused).")
    static final class Remove extends DomainWork {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) {
            boolean removed = domains.remove(tenant, name);
            String domain = DomainName.parse(name).ascii();
            if (!removed) {
                throw new IllegalArgumentException("'" + domain + "' is not registered.");
            }
            out.print(Output.object().put("domain", domain).put("removed", true), "Removed " + domain + ".");
            return 0;
        }
    }

    @Command(name = "check-zone", description = "Offline: would this zone file (or pasted dig answer) verify NAME?")
    static final class CheckZone extends DomainWork {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        int run(Directory dir, String tenant, DomainService domains, Output out) {
            DomainName domain = DomainName.parse(name);
            DomainRecord registered = domains.list(tenant).stream().filter(d -> d.domain().equals(domain)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + domain.ascii()
                            + "' is not registered; run 'domain add " + domain.ascii() + "' first to get its record."));
            VerificationResult r = new ZoneFileCheck().check(registered.challenge(), file);
            out.print(result(domain.ascii(), r), r.status() + ": " + r.detail());
            return 0;
        }
    }

    static ObjectNode result(String domain, VerificationResult r) {
        ObjectNode o = Output.object().put("domain", domain).put("status", r.status().name()).put("summary", r.summary());
        ArrayNode diagnoses = o.putArray("diagnoses");
        for (Diagnosis d : r.diagnoses()) {
            diagnoses.addObject().put("kind", d.kind().name()).put("problem", d.problem()).put("fix", d.fix());
        }
        if (r.notFoundCachedUntil() != null) {
            o.put("notFoundCachedUntil", r.notFoundCachedUntil().toString());
        }
        return o;
    }
}
