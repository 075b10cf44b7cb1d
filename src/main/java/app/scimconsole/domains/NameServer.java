package app.scimconsole.domains;

import java.net.InetSocketAddress;

/** A server to ask, with the name people know it by. */
record NameServer(String host, InetSocketAddress address) {
    String label() {
        String ip = address.getAddress().getHostAddress();
        String where = address.getPort() == 53 ? ip : ip + " port " + address.getPort();
        return host.equals(ip) ? where : host + " (" + where + ")";
    }
}
