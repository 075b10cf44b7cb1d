package app.scimconsole.domains;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
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
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server for tests, on UDP and TCP of one loopback port. It serves several zones, and
 * NS records below a zone's apex delegate a child zone: a name there gets a referral (the NS records and their
 * addresses, without the AA bit), as a parent zone's server gives it. Zones and records can be changed while it
 * runs, and it can misbehave on purpose: SERVFAIL (with an extended error), REFUSED, no answer, late answers,
 * truncated UDP answers, answers without the AA bit; {@link #close()} stops it.
 */
public final class TestDnsServer implements AutoCloseable {
    public enum Mode { NORMAL, SERVFAIL, REFUSED, DROP, TRUNCATE_UDP }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService workers = Executors.newCachedThreadPool(TestDnsServer::daemon);
    private final ScheduledExecutorService delayedReplies = Executors.newSingleThreadScheduledExecutor(
            TestDnsServer::daemon);
    private final Map<Name, SOARecord> zones = new ConcurrentHashMap<>();
    private final Map<Name, List<Record>> data = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.NORMAL;
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean authoritative = true;
    private volatile Duration delay = Duration.ZERO;
    private volatile ExtendedErrorCodeOption extendedError;
    final AtomicInteger udpQueries = new AtomicInteger();
    final AtomicInteger tcpQueries = new AtomicInteger();

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        workers.execute(this::serveUdp);
        workers.execute(this::serveTcp);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "test-dns");
        t.setDaemon(true);
        return t;
    }

    public static TestDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                return new TestDnsServer(udp, tcp);
            } catch (BindException taken) {
                udp.close();
                tcp.close();
            }
        }
        throw new IOException("no free loopback port for UDP and TCP together");
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    // ---- configuration ------------------------------------------------------------------------------------------

    /** Adds a zone with a SOA (negative TTL = min(soaTtl, minimum)) and one NS record. */
    public TestDnsServer zone(String origin, long serial, long soaTtl, long minimum) {
        Name apex = name(origin);
        SOARecord soa = new SOARecord(apex, DClass.IN, soaTtl, name("ns1." + origin), name("hostmaster." + origin),
                serial, 3600, 600, 86400, minimum);
        zones.put(apex, soa);
        put(soa);
        return this;
    }

    public void serial(String origin, long serial) {
        SOARecord old = zones.get(name(origin));
        SOARecord soa = new SOARecord(old.getName(), DClass.IN, old.getTTL(), old.getHost(), old.getAdmin(), serial,
                old.getRefresh(), old.getRetry(), old.getExpire(), old.getMinimum());
        zones.put(soa.getName(), soa);
        data.get(soa.getName()).removeIf(r -> r.getType() == Type.SOA);
        put(soa);
    }

    /** One TXT record; each argument is one character-string, taken byte for byte. */
    public TestDnsServer txt(String owner, String... strings) {
        List<String> escaped = new ArrayList<>();
        for (String s : strings) {
            escaped.add(s.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        put(new TXTRecord(name(owner), DClass.IN, 300, escaped));
        return this;
    }

    public TestDnsServer cname(String owner, String target) {
        put(new CNAMERecord(name(owner), DClass.IN, 300, name(target)));
        return this;
    }

    public TestDnsServer ns(String zone, String host) {
        put(new NSRecord(name(zone), DClass.IN, 3600, name(host)));
        return this;
    }

    public TestDnsServer a(String owner, String ip) {
        try {
            put(new ARecord(name(owner), DClass.IN, 3600, InetAddress.getByName(ip)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void remove(String owner) {
        data.remove(name(owner));
    }

    public void mode(Mode newMode) {
        mode = newMode;
    }

    /** Answers SERVFAIL for this one name, and as usual for every other (a resolver failing on one record). */
    public void servfail(String owner) {
        failing.add(name(owner));
    }

    void authoritative(boolean aa) {
        authoritative = aa;
    }

    void delay(Duration d) {
        delay = d;
    }

    void extendedError(int code, String text) {
        extendedError = new ExtendedErrorCodeOption(code, text);
    }

    private void put(Record r) {
        data.computeIfAbsent(r.getName(), n -> new CopyOnWriteArrayList<>()).add(r);
    }

    static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- answering ----------------------------------------------------------------------------------------------

    Message answer(Message query, boolean overTcp) {
        Message r = new Message(query.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        r.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            List<EDNSOption> options = extendedError == null ? List.of() : List.of(extendedError);
            r.addRecord(new OPTRecord(1232, 0, 0, 0, options), Section.ADDITIONAL);
        }
        if (mode == Mode.SERVFAIL || failing.contains(question.getName())) {
            r.getHeader().setRcode(Rcode.SERVFAIL);
            return r;
        }
        SOARecord soa = zoneOf(question.getName());
        if (mode == Mode.REFUSED || soa == null) {
            r.getHeader().setRcode(Rcode.REFUSED);
            return r;
        }
        if (mode == Mode.TRUNCATE_UDP && !overTcp) {
            r.getHeader().setFlag(Flags.TC);
            return r;
        }
        Name qname = question.getName();
        int qtype = question.getType();
        List<Record> cut = delegation(qname, soa.getName());
        if (!cut.isEmpty()) {
            cut.forEach(x -> r.addRecord(x, Section.AUTHORITY));
            cut.forEach(x -> data.getOrDefault(((NSRecord) x).getTarget(), List.of()).stream()
                    .filter(g -> g.getType() == Type.A).forEach(g -> r.addRecord(g, Section.ADDITIONAL)));
            return r;
        }
        if (authoritative) {
            r.getHeader().setFlag(Flags.AA);
        }
        List<Record> node = data.get(qname);
        if (node == null || node.isEmpty()) {
            if (!isEmptyNonTerminal(qname)) {
                r.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            r.addRecord(negative(soa), Section.AUTHORITY);
            return r;
        }
        List<Record> alias = node.stream().filter(x -> x.getType() == Type.CNAME).toList();
        if (!alias.isEmpty() && qtype != Type.CNAME) {
            alias.forEach(x -> r.addRecord(x, Section.ANSWER));
            return r;
        }
        List<Record> matching = node.stream().filter(x -> x.getType() == qtype).toList();
        if (matching.isEmpty()) {
            r.addRecord(negative(soa), Section.AUTHORITY);
        } else {
            matching.forEach(x -> r.addRecord(x, Section.ANSWER));
        }
        return r;
    }

    private SOARecord zoneOf(Name name) {
        SOARecord best = null;
        for (SOARecord soa : zones.values()) {
            if (name.subdomain(soa.getName()) && (best == null || soa.getName().labels() > best.getName().labels())) {
                best = soa;
            }
        }
        return best;
    }

    /** The NS records of the delegated child closest to the apex on the way down to {@code name}, if any. */
    private List<Record> delegation(Name name, Name apex) {
        List<Record> cut = List.of();
        for (Name n = name; n.labels() > apex.labels(); n = new Name(n, 1)) {
            List<Record> ns = data.getOrDefault(n, List.of()).stream().filter(x -> x.getType() == Type.NS).toList();
            if (!ns.isEmpty()) {
                cut = ns;
            }
        }
        return cut;
    }

    private boolean isEmptyNonTerminal(Name name) {
        return data.keySet().stream().anyMatch(n -> !n.equals(name) && n.subdomain(name));
    }

    private static SOARecord negative(SOARecord soa) {
        return new SOARecord(soa.getName(), DClass.IN, Math.min(soa.getTTL(), soa.getMinimum()), soa.getHost(),
                soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    // ---- transport ----------------------------------------------------------------------------------------------

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                udpQueries.incrementAndGet();
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (mode == Mode.DROP) {
                    continue;
                }
                Message response = answer(query, false);
                int max = query.getOPT() == null ? 512 : Math.max(512, query.getOPT().getPayloadSize());
                byte[] out = response.toWire(max);
                DatagramPacket reply = new DatagramPacket(out, out.length, packet.getSocketAddress());
                delayedReplies.schedule(() -> send(reply), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (SocketException closed) {
                return;
            } catch (IOException malformed) {
                // A test server ignores garbage, like a real one would.
            }
        }
    }

    private void send(DatagramPacket reply) {
        try {
            udp.send(reply);
        } catch (IOException closed) {
            // Shutting down.
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket client = tcp.accept();
                workers.execute(() -> serveTcpClient(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveTcpClient(Socket client) {
        try (client; DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
            while (true) {
                int length = in.readUnsignedShort();
                Message query = new Message(in.readNBytes(length));
                tcpQueries.incrementAndGet();
                if (mode == Mode.DROP) {
                    continue;
                }
                Thread.sleep(delay.toMillis());
                byte[] wire = answer(query, true).toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            }
        } catch (IOException | InterruptedException done) {
            // The client closed the connection, or the server is shutting down.
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        workers.shutdownNow();
        delayedReplies.shutdownNow();
    }
}
