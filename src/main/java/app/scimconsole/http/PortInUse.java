package app.scimconsole.http;

import java.net.BindException;

/** A listening address and port that something else holds already; {@link #which()} says which listener wanted it. */
public final class PortInUse extends BindException {
    /** The listener that could not bind, so that the edge can name the option that chose its port. */
    public enum Which {
        SCIM, ADMIN
    }

    private final Which which;
    private final String address;
    private final int port;

    PortInUse(Which which, String address, int port, Throwable cause) {
        super(address + ":" + port + " is already in use");
        this.which = which;
        this.address = address;
        this.port = port;
        initCause(cause);
    }

    public Which which() {
        return which;
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }
}
