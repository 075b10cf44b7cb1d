package app.scimconsole.domains;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * What one source (a name server, or a zone file) says about the TXT records at one name.
 *
 * @param values             the TXT values owned by the name itself (each record's strings joined)
 * @param aliasTarget        the CNAME target when the name is an alias, else null
 * @param negativeTtlSeconds for "not found" answers: how long resolvers may cache that answer
 *                           (min of the SOA record's TTL and its MINIMUM field, RFC 2308), else null
 * @param errorText          extra words from the server about a failure (RFC 8914 extended error), else null
 */
record TxtAnswer(DnsOutcome outcome, boolean authoritative, List<TxtValue> values, Name aliasTarget,
        Long negativeTtlSeconds, Duration elapsed, String errorText) {

    TxtAnswer {
        values = List.copyOf(values);
    }

    static TxtAnswer failure(DnsOutcome outcome, Duration elapsed) {
        return new TxtAnswer(outcome, false, List.of(), null, null, elapsed, null);
    }

    /** Reads a response to a TXT query for {@code name}. */
    static TxtAnswer of(DnsExchange exchange, Name name) {
        if (exchange.response() == null) {
            return failure(exchange.failure(), exchange.elapsed());
        }
        Message response = exchange.response();
        boolean aa = response.getHeader().getFlag(Flags.AA);
        int rcode = response.getRcode();
        if (rcode == Rcode.REFUSED) {
            return new TxtAnswer(DnsOutcome.REFUSED, aa, List.of(), null, null, exchange.elapsed(), null);
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return new TxtAnswer(DnsOutcome.SERVER_FAILURE, aa, List.of(), null, null, exchange.elapsed(),
                    extendedError(response, rcode));
        }
        List<TxtValue> values = new ArrayList<>();
        Name alias = null;
        for (Record r : response.getSection(Section.ANSWER)) {
            if (!r.getName().equals(name)) {
                continue;
            }
            if (r instanceof TXTRecord txt) {
                values.add(TxtValue.joined(txt.getStringsAsByteArrays()));
            } else if (r instanceof CNAMERecord cname) {
                alias = cname.getTarget();
            }
        }
        Long negativeTtl = negativeTtl(response);
        DnsOutcome outcome;
        if (!values.isEmpty()) {
            outcome = DnsOutcome.FOUND;
        } else if (alias != null) {
            outcome = DnsOutcome.ALIAS;
        } else if (rcode == Rcode.NXDOMAIN) {
            outcome = DnsOutcome.NO_SUCH_NAME;
        } else if (!aa && negativeTtl == null && hasDelegation(response)) {
            outcome = DnsOutcome.REFERRAL;
        } else {
            outcome = DnsOutcome.NO_RECORDS;
        }
        return new TxtAnswer(outcome, aa, values, alias, outcome.isDefinite() && outcome != DnsOutcome.FOUND
                ? negativeTtl : null, exchange.elapsed(), null);
    }

    static Long negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Math.min(soa.getTTL(), soa.getMinimum());
            }
        }
        return null;
    }

    private static boolean hasDelegation(Message response) {
        return response.getSection(Section.AUTHORITY).stream().anyMatch(NSRecord.class::isInstance);
    }

    private static String extendedError(Message response, int rcode) {
        OPTRecord opt = response.getOPT();
        if (opt != null) {
            for (EDNSOption option : opt.getOptions()) {
                if (option instanceof ExtendedErrorCodeOption ede) {
                    String text = ede.getText();
                    return ExtendedErrorCodeOption.text(ede.getErrorCode())
                            + (text == null || text.isBlank() ? "" : ": " + text);
                }
            }
        }
        return Rcode.string(rcode);
    }
}
