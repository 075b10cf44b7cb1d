package app.scimconsole.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An absolute http(s) address that path segments and query parameters are added to, each percent-encoded (a space
 * as {@code %20}, never {@code +}, which a SCIM server may read as a plus). A segment added to an address that ends
 * in a slash takes the place of its empty last segment, so {@code https://x/scim/v2/} and {@code https://x/scim/v2}
 * both lead to {@code https://x/scim/v2/Users}.
 */
record WebAddress(URI uri) {
    /** The address {@code text} names; null when it is not an absolute http or https address with a host. */
    static WebAddress parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getHost().isEmpty()) {
                return null;
            }
            return new WebAddress(new URI(scheme + "://" + u.getRawAuthority() + (u.getRawPath() == null ? ""
                    : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    String host() {
        return uri.getHost();
    }

    /** The port, the scheme's default when the address names none. */
    int port() {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    WebAddress path(String... segments) {
        StringBuilder path = new StringBuilder(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (path.length() > 0 && path.charAt(path.length() - 1) == '/') {
            path.setLength(path.length() - 1);
        }
        for (String s : segments) {
            path.append('/').append(encode(s));
        }
        return with(path.toString(), uri.getRawQuery());
    }

    /** The address with {@code name=value} added to its query; a null or blank value adds nothing. */
    WebAddress query(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        String pair = encode(name) + "=" + encode(value);
        return with(uri.getRawPath(), uri.getRawQuery() == null ? pair : uri.getRawQuery() + "&" + pair);
    }

    private WebAddress with(String rawPath, String rawQuery) {
        return new WebAddress(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (rawPath == null ? "" : rawPath)
                + (rawQuery == null ? "" : "?" + rawQuery)));
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, in UTF-8. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
