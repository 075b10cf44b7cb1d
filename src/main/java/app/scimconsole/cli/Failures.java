package app.scimconsole.cli;

import app.scimconsole.admin.AdminException;
import app.scimconsole.directory.StorageException;
import app.scimconsole.domains.DomainFailure;
import app.scimconsole.http.PortInUse;
import app.scimconsole.scim.ScimException;
import app.scimconsole.service.FederationInputException;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Plain-language one-liners for what can go wrong on the command line. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable ex) {
        Throwable e = ex;
        while (e.getCause() != null && (e instanceof RuntimeException && e.getMessage() == null
                || e.getClass().getName().startsWith("java.util.concurrent"))) {
            e = e.getCause();
        }
        if (e instanceof ScimException s) {
            return s.detail();
        }
        if (e instanceof AdminException a && a.why() != null) {
            return Texts.reason(a.why().code(), a.why().args());
        }
        if (e instanceof FederationInputException f) {
            return Texts.reason(f.why().code(), f.why().args());
        }
        if (e instanceof DomainFailure d) {
            return Texts.reason(d.reason());
        }
        if (e instanceof PortInUse p) {
            return "cannot listen on " + p.address() + ":" + p.port() + ": another service is already using it. Choose "
                    + "another with " + (p.which() == PortInUse.Which.ADMIN ? "--admin-port" : "--port") + ".";
        }
        if (e instanceof BindException) {
            return "cannot listen on that address and port (" + e.getMessage()
                    + "); is another service already using it? Choose another with --port.";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        if (e instanceof StorageException) {
            return "the data folder's database could not be used: " + e.getMessage();
        }
        if (e instanceof IOException) {
            return e.getMessage() == null ? "input/output error" : e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : "unexpected failure (" + e.getClass().getSimpleName() + ")";
    }
}
